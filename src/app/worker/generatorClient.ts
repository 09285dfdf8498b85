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
 *
 * A worker that dies (an uncaught error, a message it cannot read) or stops answering (a text that
 * runs out of memory or never ends) is replaced by a new one, and the text it was on is reported
 * as one generation stopped on, not sent again. A text whose generation throws is reported the
 * same way, wherever it ran.
 */
import type { CurveKeys, GenerateFailure, GenerateRequest, GenerateResponse } from './protocol.ts';
import { newGeneratorWorker } from './newWorker.ts';

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
/**
 * A worker that has not answered for this long while a request waits is taken for stuck. The
 * largest spec the core reads (1 MiB) generates in about a second on a slow machine.
 */
export const STALL_MS = 20_000;

/** Generation stopped on a text: what the page tells the user. */
export interface GenerationFailure {
  id: number;
  text: string;
  reason: string;
}

export interface GeneratorHooks {
  onResult(response: GenerateResponse): void;
  /** Generation of a request's text stopped: it threw, or the worker died or stopped answering on it. */
  onFailure?(failure: GenerationFailure): void;
  /** Called with each request before any work on it starts (for the speed marks). */
  onRequest?(id: number, input: GenerateInput): void;
}

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

interface ClientTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const browserTimers: ClientTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export function createGeneratorClient(hooks: GeneratorHooks, makeWorker: () => WorkerLike = newGeneratorWorker, timers: ClientTimers = browserTimers): GeneratorClient {
  let latest = 0;
  let keys: CurveKeys | undefined;
  let waitingForKeys: GenerateInput | undefined;
  let local: LocalGenerate | undefined;
  let workerUntil = 0;
  let slowRuns = 0;
  /** The newest request the worker has and has not answered (a warm-up gets no answer). */
  let inWorker: (GenerateRequest & { keys: CurveKeys }) | undefined;
  let stallTimer: unknown;
  let worker = start();

  function start(): WorkerLike {
    const started = makeWorker();
    started.onmessage = (event: MessageEvent<GenerateResponse | GenerateFailure>) => {
      const answer = event.data;
      const on = inWorker;
      // An answer to an older request shows the worker alive: the wait for the newest starts again.
      if (on && answer.id >= on.id) settle();
      else if (on) watch();
      // A slower answer to an older edit must not overwrite a newer one.
      if (answer.id !== latest) return;
      if ('failed' in answer) fail(answer.id, `generating it threw an error (${answer.failed}).`, on?.text ?? '');
      else hooks.onResult(answer);
    };
    started.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      replace(`the generator failed (${event.message || 'an error in its worker'}).`);
    };
    started.onmessageerror = () => replace('the generator could not read a message.');
    return started;
  }

  function fail(id: number, reason: string, text: string): void {
    hooks.onFailure?.({ id, text, reason });
  }

  /** Ends the worker and starts a new one; the text it was on is reported, not sent again. */
  function replace(reason: string): void {
    const on = inWorker;
    settle();
    worker.terminate();
    worker = start();
    if (on && on.id === latest) fail(on.id, reason, on.text);
  }

  function settle(): void {
    inWorker = undefined;
    if (stallTimer !== undefined) timers.clearTimeout(stallTimer);
    stallTimer = undefined;
  }

  /** (Re)starts the wait for the worker's next answer. */
  function watch(): void {
    if (stallTimer !== undefined) timers.clearTimeout(stallTimer);
    stallTimer = timers.setTimeout(() => {
      stallTimer = undefined;
      replace(`the generator stopped answering (nothing for ${STALL_MS / 1000} s).`);
    }, STALL_MS);
  }

  function post(message: GenerateRequest): void {
    if (message.keys) {
      // The wait runs from the oldest unanswered request: typing on must not hide a stuck worker.
      if (!inWorker) watch();
      inWorker = { ...message, keys: message.keys };
    }
    worker.postMessage(message);
  }

  function runLocally(message: GenerateRequest & { keys: CurveKeys }, generate: LocalGenerate): void {
    const started = performance.now();
    let response: GenerateResponse;
    try {
      response = generate(message);
    } catch (error) {
      fail(message.id, `generating it threw an error (${error instanceof Error ? error.message : String(error)}).`, message.text);
      return;
    }
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
      hooks.onRequest?.(id, input);
      waitingForKeys = keys ? undefined : input;
      const message: GenerateRequest = keys ? { ...input, id, keys } : { ...input, id };
      if (local && message.keys && id > workerUntil) runLocally({ ...message, keys: message.keys }, local);
      else post(message);
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
      settle();
      worker.terminate();
    },
  };
  return client;
}
