/**
 * The page's side of offline use: registers the service worker of the production build, and
 * tells the app when a newer build has been fetched whole and waits (`updateReady`). The new build
 * takes over only when the user asks (`applyUpdate`), or by itself once every tab of the old one
 * is closed; every tab then reloads, so no page runs with files of two builds.
 */
import { ACTIVATE_UPDATE } from './messages.ts';
import { SERVICE_WORKER_FILE } from './precache.ts';

type Listener = () => void;

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let waiting: ServiceWorker | undefined;
const listeners = new Set<Listener>();

function setWaiting(worker: ServiceWorker | undefined): void {
  waiting = worker;
  for (const listener of listeners) listener();
}

/** For `useSyncExternalStore`: whether a new build is ready. */
export function updateReady(): boolean {
  return waiting !== undefined;
}

export function subscribeToUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Lets the waiting build take over; the page reloads when it has (see `registerServiceWorker`). */
export function applyUpdate(): void {
  waiting?.postMessage(ACTIVATE_UPDATE);
}

function watchInstalling(registration: ServiceWorkerRegistration): void {
  const installing = registration.installing;
  installing?.addEventListener('statechange', () => {
    // Without a controller this is the first visit's worker: nothing to update, it takes the page over.
    if (installing.state === 'installed' && navigator.serviceWorker.controller) setWaiting(installing);
  });
}

async function register(): Promise<void> {
  const container = navigator.serviceWorker;
  let controlled = container.controller !== null;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    // A first visit's page is taken over by the worker of its own build, and stays. A later change
    // puts a new build's worker under a page of the old one, which must not go on with the new
    // build's files: it reloads into the new one.
    if (!controlled) {
      controlled = true;
      return;
    }
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  // The worker's URL is beside the page, so its scope is the app's folder, under any sub-path.
  const url = new URL(SERVICE_WORKER_FILE, location.href);
  const registration = await container.register(url, { updateViaCache: 'none' });
  if (registration.waiting && container.controller) setWaiting(registration.waiting);
  registration.addEventListener('updatefound', () => watchInstalling(registration));
  watchInstalling(registration);
  // The browser looks for a new build at each visit; a tab left open looks again when it comes back.
  let checkedAt = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - checkedAt < UPDATE_CHECK_INTERVAL_MS) return;
    checkedAt = Date.now();
    registration.update().catch(() => undefined);
  });
}

/** The mark of the first output on screen (timing.ts). */
const FIRST_OUTPUT_PAINTED = 'mcs:first-output-painted';
/** A page that shows no output (a spec held back after it stopped the generator) registers anyway. */
const FIRST_OUTPUT_WAIT_MS = 10_000;

/** Runs `run` once the first output has been painted, or after a while without one. */
function afterFirstOutput(run: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    clearTimeout(timer);
    run();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName(FIRST_OUTPUT_PAINTED).length > 0) start();
  });
  observer.observe({ type: 'mark', buffered: true });
  const timer = setTimeout(start, FIRST_OUTPUT_WAIT_MS);
}

/**
 * Registers the worker once the first output is on screen and the page is idle: installing fetches
 * and checks the whole build, work that must not compete with the first output. Nothing in the dev
 * server, which has no build to keep (and whose hot reload a cache would defeat).
 */
export function startOfflineSupport(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  afterFirstOutput(() => {
    const run = () =>
      void register().catch((error: unknown) => {
        // Offline use is a bonus: the app works without it, so a refusal (private mode, a browser policy) is only logged.
        console.warn('The app is not kept for offline use:', error);
      });
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 5000 });
    else setTimeout(run, 1000);
  });
}
