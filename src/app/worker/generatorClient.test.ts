import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../core/testing/testKeys.ts';
import type { CurveKeys, GenerateFailure, GenerateRequest, GenerateResponse } from './protocol.ts';
import { createGeneratorClient, LOCAL_BUDGET_MS, STALL_MS, type GenerationFailure, type LocalGenerate, type WorkerLike } from './generatorClient.ts';

const OTHER_KEYS: CurveKeys = { publicKey: 'a'.repeat(40), secretKey: 'b'.repeat(40) };

function fakeWorker(posted: GenerateRequest[] = []) {
  const worker = {
    onmessage: null as ((event: MessageEvent<GenerateResponse | GenerateFailure>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    onmessageerror: null as ((event: MessageEvent) => void) | null,
    terminated: false,
    postMessage: (message: GenerateRequest) => posted.push(message),
    terminate: () => {
      worker.terminated = true;
    },
    answer(id: number) {
      worker.onmessage?.({ data: response(id) } as MessageEvent<GenerateResponse>);
    },
    answerFailed(id: number, failed: string) {
      worker.onmessage?.({ data: { id, failed } } as MessageEvent<GenerateFailure>);
    },
    die(message: string) {
      worker.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
    },
  };
  return { worker, posted };
}

const response = (id: number, keys: CurveKeys = TEST_KEYS): GenerateResponse => ({ id, diagnostics: [], keys, hasCurveCert: false, workerMs: 0 });

function setup() {
  const { worker, posted } = fakeWorker();
  const results: GenerateResponse[] = [];
  const requested: number[] = [];
  const client = createGeneratorClient({ onResult: (r) => results.push(r), onRequest: (id) => requested.push(id) }, () => worker as unknown as WorkerLike);
  return { client, worker, posted, results, requested };
}

const input = (text: string) => ({ text, defaultNamespace: 'default' });

describe('the generator client', () => {
  it('sends a request made before the keys exist without keys (a warm-up), then again with them', () => {
    const { client, posted } = setup();
    client.request(input('first'));
    expect(posted).toEqual([{ ...input('first'), id: 1 }]);
    client.setKeys(TEST_KEYS);
    expect(posted[1]).toEqual({ ...input('first'), id: 2, keys: TEST_KEYS });
    client.request(input('second'));
    expect(posted[2]).toEqual({ ...input('second'), id: 3, keys: TEST_KEYS });
    // New keys alone send nothing when no request is waiting; the next request carries them.
    client.setKeys(OTHER_KEYS);
    expect(posted).toHaveLength(3);
    client.request(input('third'));
    expect(posted[3]?.keys).toEqual(OTHER_KEYS);
  });

  it('passes on only the answer to the newest request', () => {
    const { client, worker, results, requested } = setup();
    client.setKeys(TEST_KEYS);
    const first = client.request(input('a'));
    const second = client.request(input('b'));
    expect(requested).toEqual([first, second]);
    worker.answer(first);
    expect(results).toEqual([]);
    worker.answer(second);
    expect(results.map((r) => r.id)).toEqual([second]);
  });

  it('answers on the main thread, in the same call, once the core is there and the keys exist', () => {
    const { client, posted, results } = setup();
    const local: LocalGenerate = (request) => response(request.id, request.keys);
    client.useLocal(local);
    client.request(input('before keys'));
    expect(posted).toHaveLength(1);
    expect(results).toEqual([]);
    client.setKeys(OTHER_KEYS);
    // The waiting request is answered here, with the keys.
    expect(results.map((r) => [r.keys, r.onMainThread])).toEqual([[OTHER_KEYS, true]]);
    const id = client.request(input('edit'));
    expect(results.at(-1)?.id).toBe(id);
    expect(posted).toHaveLength(1);
  });

  it('sends a spec back to the worker for a while after it took the main thread too long twice in a row', () => {
    const { client, posted, results } = setup();
    client.setKeys(TEST_KEYS);
    let cost = LOCAL_BUDGET_MS * 3;
    client.useLocal((request) => {
      const until = performance.now() + cost;
      while (performance.now() < until) {
        // A slow generation.
      }
      return response(request.id);
    });
    client.request(input('big'));
    expect(posted).toEqual([]);
    const slow = client.request(input('big'));
    expect(results.map((r) => r.id)).toEqual([slow - 1, slow]);
    cost = 0;
    const next = client.request(input('big'));
    expect(posted.map((m) => m.id)).toEqual([next]);
    let id = next;
    while (posted.length === id - slow) id = client.request(input('big'));
    // After the spell in the worker, the main thread is tried again.
    expect(results.at(-1)?.id).toBe(id);
    expect(id - slow).toBeGreaterThan(5);
  });
});

/** A client over a series of fake workers (a new one for each start) and hand-run timers. */
function restartable() {
  const workers: Array<ReturnType<typeof fakeWorker>['worker']> = [];
  const posted: GenerateRequest[][] = [];
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  const results: GenerateResponse[] = [];
  const failures: GenerationFailure[] = [];
  const client = createGeneratorClient(
    { onResult: (r) => results.push(r), onFailure: (f) => failures.push(f) },
    () => {
      const made = fakeWorker();
      workers.push(made.worker);
      posted.push(made.posted);
      return made.worker as unknown as WorkerLike;
    },
    {
      setTimeout: (run, ms) => {
        const timer = { run, ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (timer) => {
        (timer as { cleared: boolean }).cleared = true;
      },
    },
  );
  client.setKeys(TEST_KEYS);
  /** Runs the stall timers still set. */
  const elapse = () => timers.filter((t) => !t.cleared).forEach((t) => ((t.cleared = true), t.run()));
  return { client, workers, posted, results, failures, elapse, timers };
}

describe('the generator client when its worker dies', () => {
  it('starts a new worker after an error event and reports the text it was on, without sending it again', () => {
    const h = restartable();
    h.client.request(input('kills the worker'));
    h.workers[0]?.die('out of memory');
    expect(h.workers[0]?.terminated).toBe(true);
    expect(h.workers).toHaveLength(2);
    expect(h.failures).toEqual([{ id: 1, text: 'kills the worker', reason: 'the generator failed (out of memory).' }]);
    expect(h.posted[1]).toEqual([]);
    // The next edit goes to the new worker, and its answer is passed on.
    h.client.request(input('fixed'));
    expect(h.posted[1]?.map((m) => m.text)).toEqual(['fixed']);
    h.workers[1]?.answer(2);
    expect(h.results.map((r) => r.id)).toEqual([2]);
  });

  it('takes a worker that stops answering for stuck, after STALL_MS from the oldest unanswered request', () => {
    const h = restartable();
    h.client.request(input('never ends'));
    expect(h.timers.at(-1)?.ms).toBe(STALL_MS);
    // More edits while it is stuck do not restart the wait.
    h.client.request(input('never ends either'));
    expect(h.timers.filter((t) => !t.cleared)).toHaveLength(1);
    h.elapse();
    expect(h.workers).toHaveLength(2);
    expect(h.workers[0]?.terminated).toBe(true);
    expect(h.failures).toEqual([{ id: 2, text: 'never ends either', reason: `the generator stopped answering (nothing for ${STALL_MS / 1000} s).` }]);
  });

  it('does not replace a worker that answers in time', () => {
    const h = restartable();
    h.client.request(input('fine'));
    h.workers[0]?.answer(1);
    h.elapse();
    expect(h.workers).toHaveLength(1);
    expect(h.failures).toEqual([]);
    expect(h.results.map((r) => r.id)).toEqual([1]);
  });

  it('reports a text whose generation threw in the worker, and keeps the worker', () => {
    const h = restartable();
    h.client.request(input('throws'));
    h.workers[0]?.answerFailed(1, 'boom');
    expect(h.failures).toEqual([{ id: 1, text: 'throws', reason: 'generating it threw an error (boom).' }]);
    expect(h.workers).toHaveLength(1);
    h.elapse();
    expect(h.workers).toHaveLength(1);
  });

  it('reports a text whose generation threw on the main thread', () => {
    const h = restartable();
    h.client.useLocal(() => {
      throw new Error('boom');
    });
    h.client.request(input('throws here'));
    expect(h.failures).toEqual([{ id: 1, text: 'throws here', reason: 'generating it threw an error (boom).' }]);
    expect(h.results).toEqual([]);
  });

  it('says nothing about an older request when the worker dies on a newer one being made locally', () => {
    const h = restartable();
    h.client.request(input('in the worker'));
    h.client.useLocal((request) => response(request.id));
    h.client.request(input('local'));
    h.workers[0]?.die('gone');
    expect(h.failures).toEqual([]);
    expect(h.workers).toHaveLength(2);
    expect(h.results.map((r) => r.id)).toEqual([2]);
  });
});
