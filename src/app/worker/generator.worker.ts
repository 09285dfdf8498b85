/** Runs the core off the main thread so that typing never waits for generation. */
import type { GenerateRequest } from '../model.ts';
import { generate } from './generate.ts';

self.onmessage = (event: MessageEvent<GenerateRequest>) => {
  self.postMessage(generate(event.data));
};
