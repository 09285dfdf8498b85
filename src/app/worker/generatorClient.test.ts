import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../core/testing/testKeys.ts';
import type { CurveKeys, GenerateRequest, GenerateResponse } from './protocol.ts';
import { createGeneratorClient, LOCAL_BUDGET_MS, type LocalGenerate } from './generatorClient.ts';

const OTHER_KEYS: CurveKeys = { publicKey: 'a'.repeat(40), secretKey: 'b'.repeat(40) };

function fakeWorker() {
  const posted: GenerateRequest[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<GenerateResponse>) => void) | null,
    postMessage: (message: GenerateRequest) => posted.push(message),
    terminate: () => undefined,
    answer(id: number) {
      worker.onmessage?.({ data: response(id) } as MessageEvent<GenerateResponse>);
    },
  };
  return { worker, posted };
}

const response = (id: number, keys: CurveKeys = TEST_KEYS): GenerateResponse => ({ id, diagnostics: [], keys, hasCurveCert: false, workerMs: 0 });

function setup() {
  const { worker, posted } = fakeWorker();
  const results: GenerateResponse[] = [];
  const requested: number[] = [];
  const client = createGeneratorClient({ onResult: (r) => results.push(r), onRequest: (id) => requested.push(id) }, worker as unknown as Worker);
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
