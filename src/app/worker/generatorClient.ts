/** The main-thread side of the generator worker: send the latest text, get the latest result. */
import type { GenerateRequest, GenerateResponse } from '../model.ts';

export interface GeneratorClient {
  /** Returns the id of the request, to match the response. */
  request(input: Omit<GenerateRequest, 'id'>): number;
  dispose(): void;
}

export function createGeneratorClient(onResult: (response: GenerateResponse) => void): GeneratorClient {
  const worker = new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module' });
  let latest = 0;
  worker.onmessage = (event: MessageEvent<GenerateResponse>) => {
    // A slower answer to an older edit must not overwrite a newer one.
    if (event.data.id === latest) onResult(event.data);
  };
  return {
    request(input) {
      latest += 1;
      const message: GenerateRequest = { ...input, id: latest };
      worker.postMessage(message);
      return latest;
    },
    dispose() {
      worker.terminate();
    },
  };
}
