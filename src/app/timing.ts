/**
 * Performance marks for the speed measurements: from an edit to the preview showing its result,
 * and the first output after navigation. `npm run bench` reads them from the page.
 */
import { afterNextPaint } from './afterPaint.ts';

const received = new Map<number, number>();
let pendingEditAt: number | undefined;
/** When the editor's model took the edit (its change event), before the editor reports it. */
let modelChangedAt: number | undefined;
let pendingModelAt: number | undefined;
/** The steps of each request still waiting for its preview (`performance.now()` times): `editAt` starts its timing. */
const requestSteps = new Map<number, { modelChangedAt?: number; editAt: number; requestAt: number }>();

export interface EditTiming {
  id: number;
  /** From the edit reaching the app to the preview committing its result. */
  editToPreviewMs: number;
  /** From the edit to the worker's answer arriving on the main thread. */
  editToResultMs: number;
  workerMs: number;
  onMainThread: boolean;
  /**
   * When each step happened (`performance.now()`), for the paste benchmark's breakdown. `paintedAt`
   * comes later, after the frame that shows the preview, and only while `__mcsTrackPaint` is set.
   */
  at: EditSteps;
}

export interface EditSteps {
  /** The editor's model changed (undefined for an edit that did not come through the editor). */
  modelChangedAt?: number;
  /** The edit reached the app (`markEdit`), or the request was made for another reason. */
  editAt: number;
  requestAt: number;
  resultAt?: number;
  /** The preview committed the result (React's layout effects). */
  commitAt: number;
  /** The task's script ended (the commit's passive effects included); with `paintedAt`. */
  scriptDoneAt?: number;
  /** The next frame's animation callbacks registered before the commit (the editor's rendering) ran. */
  framedAt?: number;
  paintedAt?: number;
}

declare global {
  interface Window {
    __mcsTimings?: EditTiming[];
    /** When a benchmark sets it: how long finding each output's change marks took (ms). */
    __mcsChangesMs?: number[];
    /** When a benchmark sets it: each timing gets the time of the paint that showed it (`at.paintedAt`). */
    __mcsTrackPaint?: boolean;
  }
}

/** Called where the user's edit arrives (the editor's change event), before any rendering. */
export function markEdit(): void {
  pendingEditAt = performance.now();
  pendingModelAt = modelChangedAt;
}

/**
 * Called in the editor model's change event, after the editor's own listener that reports the
 * change to the app has queued its microtask: that one reads the time (in `markEdit`) before this
 * one clears it. A burst of changes in one task keeps the time of its first.
 */
export function markModelChange(): void {
  if (modelChangedAt !== undefined) return;
  modelChangedAt = performance.now();
  queueMicrotask(() => {
    modelChangedAt = undefined;
  });
}

/** Ties the generation request `id` to the edit that caused it. */
export function recordEdit(id: number): void {
  const requestAt = performance.now();
  const editAt = pendingEditAt ?? requestAt;
  requestSteps.set(id, { ...(pendingModelAt !== undefined ? { modelChangedAt: pendingModelAt } : {}), editAt, requestAt });
  pendingEditAt = undefined;
  pendingModelAt = undefined;
  performance.mark(`mcs:edit:${id}`);
}

/** The worker's answer to request `id` reached the main thread. */
export function recordResult(id: number): void {
  received.set(id, performance.now());
}

export function recordPreview(id: number, workerMs: number, onMainThread = false): void {
  const steps = requestSteps.get(id);
  const resultAt = received.get(id);
  if (steps === undefined) return;
  const start = steps.editAt;
  received.clear();
  requestSteps.clear();
  performance.mark(`mcs:preview:${id}`);
  if (!performance.getEntriesByName('mcs:first-output').length) {
    performance.mark('mcs:first-output');
    afterNextPaint(() => performance.mark('mcs:first-output-painted'));
  }
  const timings = (window.__mcsTimings ??= []);
  const commitAt = performance.now();
  const at: EditSteps = { ...steps, ...(resultAt !== undefined ? { resultAt } : {}), commitAt };
  const timing: EditTiming = { id, editToPreviewMs: commitAt - start, editToResultMs: (resultAt ?? Number.NaN) - start, workerMs, onMainThread, at };
  timings.push(timing);
  if (window.__mcsTrackPaint) {
    queueMicrotask(() => {
      at.scriptDoneAt = performance.now();
    });
    requestAnimationFrame(() => {
      at.framedAt = performance.now();
    });
    afterPaintFirst(() => {
      at.paintedAt = performance.now();
    });
  }
}

interface PostTask {
  postTask(run: () => void, options: { priority: 'user-blocking' }): Promise<unknown>;
}

/**
 * Like afterNextPaint, but ahead of the tasks that were queued before the paint (the editor's
 * timers, React's deferred renders) where the browser can order tasks: their time is not the paint's.
 */
function afterPaintFirst(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: Partial<PostTask> }).scheduler;
  if (typeof scheduler?.postTask !== 'function') {
    afterNextPaint(run);
    return;
  }
  const post = scheduler.postTask.bind(scheduler);
  requestAnimationFrame(() => void post(run, { priority: 'user-blocking' }));
}

export interface StartupTiming {
  /** Milliseconds after navigation, like `performance.now()` on the page. */
  pageScriptStarted?: number;
  workerStarted: number;
  workerCoreReady?: number;
  /** The keypair made on the page (libsodium loaded and run). */
  keysReady?: number;
  firstResult: number;
}

declare global {
  interface Window {
    __mcsStartup?: StartupTiming;
  }
}

let keysReadyAt: number | undefined;

export function recordKeys(): void {
  keysReadyAt ??= Math.round(performance.now());
}

/** Where the first output's time went, as the bench reports it. */
export function recordStartup(startup: { workerStartedAt: number; coreReadyAt?: number }): void {
  const onPage = (epochMs: number) => Math.round(epochMs - performance.timeOrigin);
  const pageScript = performance.getEntriesByName('mcs:startup')[0]?.startTime;
  window.__mcsStartup = {
    ...(pageScript !== undefined ? { pageScriptStarted: Math.round(pageScript) } : {}),
    workerStarted: onPage(startup.workerStartedAt),
    ...(startup.coreReadyAt ? { workerCoreReady: onPage(startup.coreReadyAt) } : {}),
    ...(keysReadyAt !== undefined ? { keysReady: keysReadyAt } : {}),
    firstResult: Math.round(performance.now()),
  };
}
