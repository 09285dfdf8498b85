/**
 * Runs the core off the main thread. It also makes the keypair: libsodium's WebAssembly compiles
 * in the background while the core's first run (which compiles much of the core's own code)
 * works on the first request, so the first output waits for the slower of the two, not both.
 */
import { newKeys } from '../certificate/keys.ts';
import type { CurveKeys, GenerateRequest, GenerateResponse } from '../model.ts';

interface KeyJob {
  promise: Promise<CurveKeys>;
  value?: CurveKeys;
}

/** Wall-clock times (ms since the epoch) of the worker's start-up, sent once for the speed report. */
const now = () => performance.timeOrigin + performance.now();
const startup: { workerStartedAt: number; keysReadyAt?: number; coreReadyAt?: number } = { workerStartedAt: now() };
let startupSent = false;

function startKeys(): KeyJob {
  const job: KeyJob = { promise: newKeys() };
  void job.promise.then((keys) => (job.value = keys));
  return job;
}

// libsodium starts loading before the core's modules are even evaluated.
let keys = startKeys();
void keys.promise.then(() => (startup.keysReadyAt ??= now()));
const core = import('./generate.ts').then((module) => {
  startup.coreReadyAt = now();
  return module;
});

function send(response: GenerateResponse): void {
  if (!startupSent) {
    startupSent = true;
    response.startup = startup;
  }
  self.postMessage(response);
}

/** Stand-in keys for the warm-up run; its output is never sent. */
const WARM_UP_KEYS: CurveKeys = { publicKey: '0'.repeat(40), secretKey: '0'.repeat(40) };
let warmedUp = false;
let waiting: GenerateRequest | undefined;

self.onmessage = async (event: MessageEvent<GenerateRequest>) => {
  const request = event.data;
  if (request.newKeys) keys = startKeys();
  const { generate } = await core;
  const ready = request.keys ?? keys.value;
  if (ready) {
    waiting = undefined;
    send(generate({ ...request, keys: ready }));
    return;
  }
  waiting = request;
  if (!warmedUp) {
    warmedUp = true;
    generate({ ...request, keys: WARM_UP_KEYS });
  }
  const job = keys;
  const made = await job.promise;
  // Only the newest request is answered, and only with the keypair that is still current.
  if (waiting === request && job === keys) {
    waiting = undefined;
    send(generate({ ...request, keys: made }));
  }
};
