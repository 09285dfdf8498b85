/**
 * Runs the core off the main thread. A request without keys comes while the page is still making
 * the keypair: it warms the core up (the first run compiles much of the core's code) and gets no
 * answer; the page sends it again with the keys.
 */
import '../zodUnderPolicy.ts';
import { WARM_UP_KEYS, type GenerateFailure, type GenerateRequest, type GenerateResponse } from './protocol.ts';

/** Wall-clock times (ms since the epoch) of the worker's start-up, sent once for the speed report. */
const now = () => performance.timeOrigin + performance.now();
const startup: { workerStartedAt: number; coreReadyAt?: number } = { workerStartedAt: now() };
let startupSent = false;

const core = import('../generation/respond.ts').then((module) => {
  startup.coreReadyAt = now();
  return module;
});

let warmedUp = false;

function send(response: GenerateResponse): void {
  if (!startupSent) {
    startupSent = true;
    response.startup = startup;
  }
  self.postMessage(response);
}

let newest = 0;

self.onmessage = async (event: MessageEvent<GenerateRequest>) => {
  const request = event.data;
  newest = Math.max(newest, request.id);
  const { respond } = await core;
  // Requests that queued up while the core loaded: only the newest is worth the work.
  if (request.id < newest) return;
  if (request.keys) {
    let response: GenerateResponse;
    try {
      response = respond({ ...request, keys: request.keys });
    } catch (error) {
      // The page reports the text as one generation stopped on; this worker goes on serving.
      const failure: GenerateFailure = { id: request.id, failed: error instanceof Error ? error.message : String(error) };
      self.postMessage(failure);
      return;
    }
    send(response);
  } else if (!warmedUp) {
    warmedUp = true;
    try {
      respond({ ...request, keys: WARM_UP_KEYS });
    } catch {
      // Only a warm-up: the request with the keys reports it.
    }
  }
};
