/**
 * The generator worker, started before the rest of the app is evaluated (the first output waits
 * for it, and it makes the keypair). Imported first by main.tsx.
 */
import type { GenerateResponse } from './model.ts';
import { createGeneratorClient, type GeneratorClient } from './worker/generatorClient.ts';

let onGenerated: (result: GenerateResponse) => void = () => undefined;

/** Where the worker's answers go; the app sets it once it has rendered. */
export function setGeneratedHandler(handler: (result: GenerateResponse) => void): void {
  onGenerated = handler;
}

export const generator: GeneratorClient = createGeneratorClient((result) => onGenerated(result));
