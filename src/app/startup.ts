/**
 * The first thing the page runs, before React and the app are parsed: it starts the generator
 * worker and sends it the spec the editor will open with, so the first output is being made while
 * the app loads. The app picks up that answer when it mounts.
 */
import type { GenerateResponse } from './model.ts';
import { PRESETS } from './presets/index.ts';
import { browserStorage, loadPrefs } from './state/storage.ts';
import { chooseInitialSpec } from './state/initialSpec.ts';
import { recordEdit, recordStartup } from './timing.ts';
import { createGeneratorClient, type GeneratorClient } from './worker/generatorClient.ts';

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

export const storage = browserStorage();
export const initial = chooseInitialSpec({ hash: window.location.hash, storage, presets: PRESETS });
export const prefs = loadPrefs(storage);

generator.request({ text: initial.text, defaultNamespace: prefs.defaultNamespace });
