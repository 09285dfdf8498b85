/**
 * Work the first output waits for, started before the rest of the app is evaluated: loading
 * libsodium for the keypair, and the generator worker. Imported first by main.tsx.
 */
import { newKeys } from './certificate/keys.ts';
import type { GenerateResponse } from './model.ts';
import { createGeneratorClient, type GeneratorClient } from './worker/generatorClient.ts';

export const firstKeys = newKeys();

let onGenerated: (result: GenerateResponse) => void = () => undefined;

/** Where the worker's answers go; the app sets it once it has rendered. */
export function setGeneratedHandler(handler: (result: GenerateResponse) => void): void {
  onGenerated = handler;
}

export const generator: GeneratorClient = createGeneratorClient((result) => onGenerated(result));
