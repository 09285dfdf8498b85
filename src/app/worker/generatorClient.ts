/**
 * The main-thread side of generation.
 *
 * The keypair is made on the main thread (libsodium loads there while the worker loads the core,
 * so the two big loads run side by side on two cores) and travels with every request. A request
 * made before the keys exist only warms the worker up; it is sent again once `setKeys` runs.
 *
 * Requests go to the worker until the core has also been loaded on the main thread (after the
 * first output); from then on an edit is generated in the same task as the keystroke, which is
 * what lets the preview follow typing within a frame: an answer from the worker arrives as a
 * message that the browser queues behind the editor's work. A spec that takes the core too long
 * on the main thread goes back to the worker for a while, so typing never waits for a slow
 * generation.
 */
import type { CurveKeys, GenerateRequest, GenerateResponse } from './protocol.ts';

export type LocalGenerate = (request: GenerateRequest & { keys: CurveKeys }) => GenerateResponse;

export type GenerateInput = Omit<GenerateRequest, 'id' | 'keys'>;

export interface GeneratorClient {
  /** Returns the id of the request, to match the response. */
  request(input: GenerateInput): number;
  /** The keypair for every later request; a request still waiting for keys is sent again with them. */
  setKeys(keys: CurveKeys): void;
  /** Lets requests run on the main thread. */
  useLocal(generate: LocalGenerate): void;
  dispose(): void;
}

/**
 * Above this, twice in a row, generation leaves the main thread. An answer from the worker takes
 * at least a frame (16 ms) to show, because the browser runs the editor's rendering for the
 * keystroke before it delivers the worker's message; generating here is faster up to about that,
 * and beyond it a keystroke would wait visibly. One slow run (a garbage collection) is not enough
 * to move.
 */
export const LOCAL_BUDGET_MS = 16;
/** How many requests go to the worker after slow local runs before trying locally again. */
const WORKER_SPELL = 25;

export interface GeneratorHooks {
  onResult(response: GenerateResponse): void;
  /** Called with each request id before any work on it starts (for the speed marks). */
  onRequest?(id: number): void;
}

type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage'>;

export function createGeneratorClient(hooks: GeneratorHooks, worker: WorkerLike = newWorker()): GeneratorClient {
  let latest = 0;
  let keys: CurveKeys | undefined;
  let waitingForKeys: GenerateInput | undefined;
  let local: LocalGenerate | undefined;
  let workerUntil = 0;
  let slowRuns = 0;
  worker.onmessage = (event: MessageEvent<GenerateResponse>) => {
    // A slower answer to an older edit must not overwrite a newer one.
    if (event.data.id === latest) hooks.onResult(event.data);
  };

  function runLocally(message: GenerateRequest & { keys: CurveKeys }, generate: LocalGenerate): void {
    const started = performance.now();
    const response = generate(message);
    slowRuns = performance.now() - started > LOCAL_BUDGET_MS ? slowRuns + 1 : 0;
    if (slowRuns >= 2) {
      slowRuns = 0;
      workerUntil = message.id + WORKER_SPELL;
    }
    hooks.onResult({ ...response, onMainThread: true });
  }

  const client: GeneratorClient = {
    request(input) {
      latest += 1;
      const id = latest;
      hooks.onRequest?.(id);
      waitingForKeys = keys ? undefined : input;
      const message: GenerateRequest = keys ? { ...input, id, keys } : { ...input, id };
      if (local && message.keys && id > workerUntil) runLocally({ ...message, keys: message.keys }, local);
      else worker.postMessage(message);
      return id;
    },
    setKeys(next) {
      keys = next;
      if (waitingForKeys) client.request(waitingForKeys);
    },
    useLocal(generate) {
      local = generate;
    },
    dispose() {
      worker.terminate();
    },
  };
  return client;
}

function newWorker(): Worker {
  return new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module' });
}
