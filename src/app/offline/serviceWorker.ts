/**
 * The service worker: keeps every file of one build so that the app opens and works offline, and
 * swaps builds whole. Written by hand rather than with a plugin: the job is small (one cache per
 * build, filled completely before the build takes over), while the plugin for Vite brings Workbox
 * with Babel, Rollup and Terser into the build's dependencies, and its generated worker would be
 * code we do not read. The build (serviceWorkerBuild.ts) bundles this file as `sw.js` with the
 * build's precache list in place of `__MCS_PRECACHE__`.
 *
 * Rules it keeps: it fetches nothing but the files of the list, from its own folder; a build is
 * used only when every one of its files arrived with the content the list names (Subresource
 * Integrity); the page is answered from the cache of the active build only, so an old page never
 * meets a new file or the reverse; a new build waits until the page asks for it (the page offers a
 * reload, see registerServiceWorker.ts) or until every tab of the old one is closed.
 */
import { cacheName, isOutdatedCache, type Precache } from './precache.ts';
import { ACTIVATE_UPDATE } from './messages.ts';

declare const __MCS_PRECACHE__: Precache;

// The DOM library has no service worker types; these are the few parts used here.
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const precache = __MCS_PRECACHE__;
const scope = worker.registration.scope;
const cacheOfThisBuild = cacheName(scope, precache.version);
const pageUrl = new URL('./', worker.location.href).href;
const urls = new Map(precache.entries.map((entry) => [new URL(entry.url, worker.location.href).href, entry.integrity]));

/** A redirected response cannot answer a navigation; its body and headers can. */
async function withoutRedirect(response: Response): Promise<Response> {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function fetchBuild(): Promise<void> {
  const cache = await caches.open(cacheOfThisBuild);
  await Promise.all(
    [...urls].map(async ([url, integrity]) => {
      if (await cache.match(url)) return;
      // `no-cache` asks the server even when the browser holds a copy: a copy of an older build would fail the integrity check.
      const response = await fetch(new Request(url, { cache: 'no-cache', integrity, credentials: 'same-origin' }));
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      await cache.put(url, await withoutRedirect(response));
    }),
  );
}

worker.addEventListener('install', (event) => {
  // A failed file fails the install: the browser keeps the build it has and tries again later.
  event.waitUntil(
    fetchBuild().catch(async (error: unknown) => {
      await caches.delete(cacheOfThisBuild);
      throw error;
    }),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => isOutdatedCache(name, scope, precache.version)).map((name) => caches.delete(name)));
      // A first visit's page is of this same build: take it over, so that it works offline already.
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('message', (event) => {
  if (event.data === ACTIVATE_UPDATE) void worker.skipWaiting();
});

/** The key of a request in this build's cache, or nothing when the request is not for one of its files. */
function precachedUrl(request: Request): string | undefined {
  if (request.method !== 'GET') return undefined;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    // The page with any query (share links carry the spec there), by its folder or by its file name.
    url.search = '';
    return url.href === pageUrl || url.href === `${pageUrl}index.html` ? pageUrl : undefined;
  }
  return urls.has(url.href) ? url.href : undefined;
}

worker.addEventListener('fetch', (event) => {
  const url = precachedUrl(event.request);
  if (url === undefined) return;
  event.respondWith(
    caches
      .open(cacheOfThisBuild)
      .then((cache) => cache.match(url))
      // Only when the browser dropped the cache: the file from its server, as without a worker.
      .then((cached) => cached ?? fetch(event.request)),
  );
});
