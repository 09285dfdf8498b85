/**
 * The first thing the page runs, before React and the app are parsed: it starts the generator
 * worker (which loads the core and warms it up on the spec the editor opens with) and starts
 * loading libsodium here for the keypair, so the two large loads run side by side. The first
 * output is made as soon as both are ready; the app picks it up when it mounts.
 */
import type { GenerateResponse } from './worker/protocol.ts';
import { PRESETS } from './presets/index.ts';
import { browserStorage, loadPrefs } from './state/storage.ts';
import { chooseInitialSpec } from './state/initialSpec.ts';
import { recordEdit, recordKeys, recordStartup } from './timing.ts';
import { createGeneratorClient, type GeneratorClient } from './worker/generatorClient.ts';

performance.mark('mcs:startup');

let onGenerated: ((result: GenerateResponse) => void) | undefined;
let waiting: GenerateResponse | undefined;

/** Where the worker's answers go; an answer that came before the app was ready is passed on now. */
export function setGeneratedHandler(handler: (result: GenerateResponse) => void): void {
  onGenerated = handler;
  const result = waiting;
  waiting = undefined;
  // Not from inside the effect that registers the handler: React cannot commit synchronously there.
  if (result) queueMicrotask(() => handler(result));
}

export const generator: GeneratorClient = createGeneratorClient({
  onRequest: recordEdit,
  onResult(result) {
    if (result.startup) recordStartup(result.startup);
    if (onGenerated) onGenerated(result);
    else waiting = result;
  },
});

// libsodium is the largest thing the first output waits for: its fetch starts now, not after the
// chain of modules that import it has loaded.
void import('libsodium-wrappers');

export const storage = browserStorage();
export const initial = chooseInitialSpec({ hash: window.location.hash, storage, presets: PRESETS });
export const prefs = loadPrefs(storage);

generator.request({ text: initial.text, defaultNamespace: prefs.defaultNamespace });

/** Makes a new keypair (libsodium, loaded on first use) and uses it from the next request on. */
export async function makeNewKeys(): Promise<void> {
  const { newKeys } = await import('./certificate/keys.ts');
  const keys = await newKeys();
  recordKeys();
  generator.setKeys(keys);
}

void makeNewKeys();
