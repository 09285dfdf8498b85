/**
 * Runs the core off the main thread so that typing never waits for generation. The keypair is
 * made here too: libsodium loads and compiles while the main thread is still starting the app.
 */
import { newKeys } from '../certificate/keys.ts';
import type { CurveKeys, GenerateRequest } from '../model.ts';
import { generate } from './generate.ts';

let keys: Promise<CurveKeys> = newKeys();

self.onmessage = async (event: MessageEvent<GenerateRequest>) => {
  const request = event.data;
  if (request.newKeys) keys = newKeys();
  // Requests wait on the same promise, so their answers keep their order.
  self.postMessage(generate({ ...request, keys: request.keys ?? (await keys) }));
};
