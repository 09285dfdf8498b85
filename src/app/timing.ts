/**
 * Performance marks for the speed measurements: from an edit to the preview showing its result,
 * and the first output after navigation. `npm run bench` reads them from the page.
 */
import { afterNextPaint } from './afterPaint.ts';

const editStarts = new Map<number, number>();
const received = new Map<number, number>();
let pendingEditAt: number | undefined;

export interface EditTiming {
  id: number;
  /** From the edit reaching the app to the preview committing its result. */
  editToPreviewMs: number;
  /** From the edit to the worker's answer arriving on the main thread. */
  editToResultMs: number;
  workerMs: number;
  onMainThread: boolean;
}

declare global {
  interface Window {
    __mcsTimings?: EditTiming[];
    /** When a benchmark sets it: how long finding each output's change marks took (ms). */
    __mcsChangesMs?: number[];
  }
}

/** Called where the user's edit arrives (the editor's change event), before any rendering. */
export function markEdit(): void {
  pendingEditAt = performance.now();
}

/** Ties the generation request `id` to the edit that caused it. */
export function recordEdit(id: number): void {
  editStarts.set(id, pendingEditAt ?? performance.now());
  pendingEditAt = undefined;
  performance.mark(`mcs:edit:${id}`);
}

/** The worker's answer to request `id` reached the main thread. */
export function recordResult(id: number): void {
  received.set(id, performance.now());
}

export function recordPreview(id: number, workerMs: number, onMainThread = false): void {
  const start = editStarts.get(id);
  const resultAt = received.get(id);
  if (start === undefined) return;
  editStarts.clear();
  received.clear();
  performance.mark(`mcs:preview:${id}`);
  if (!performance.getEntriesByName('mcs:first-output').length) {
    performance.mark('mcs:first-output');
    afterNextPaint(() => performance.mark('mcs:first-output-painted'));
  }
  const timings = (window.__mcsTimings ??= []);
  timings.push({ id, editToPreviewMs: performance.now() - start, editToResultMs: (resultAt ?? Number.NaN) - start, workerMs, onMainThread });
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
