import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../core/testing/upstream.ts';
import type { GenerateRequest, GenerateResponse } from '../model.ts';
import { createGeneratorClient, LOCAL_BUDGET_MS, type LocalGenerate } from './generatorClient.ts';

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

const response = (id: number): GenerateResponse => ({ id, diagnostics: [], keys: TEST_KEYS, workerMs: 0 });

function setup() {
  const { worker, posted } = fakeWorker();
  const results: number[] = [];
  const requested: number[] = [];
  const client = createGeneratorClient({ onResult: (r) => results.push(r.id), onRequest: (id) => requested.push(id) }, worker as unknown as Worker);
  return { client, worker, posted, results, requested };
}

describe('the generator client', () => {
  it('sends requests to the worker and passes on only the answer to the newest', () => {
    const { client, worker, posted, results, requested } = setup();
    const first = client.request({ text: 'a', defaultNamespace: 'default' });
    const second = client.request({ text: 'b', defaultNamespace: 'default' });
    expect(posted.map((m) => m.text)).toEqual(['a', 'b']);
    expect(requested).toEqual([first, second]);
    worker.answer(first);
    expect(results).toEqual([]);
    worker.answer(second);
    expect(results).toEqual([second]);
  });

  it('answers on the main thread, in the same call, once the core is there and the request carries keys', () => {
    const { client, posted, results } = setup();
    const local: LocalGenerate = (request) => response(request.id);
    client.useLocal(local);
    const withoutKeys = client.request({ text: 'a', defaultNamespace: 'default' });
    expect(posted).toHaveLength(1);
    const id = client.request({ text: 'b', defaultNamespace: 'default', keys: TEST_KEYS });
    expect(results).toEqual([id]);
    expect(posted.map((m) => m.id)).toEqual([withoutKeys]);
    client.request({ text: 'c', defaultNamespace: 'default', newKeys: true });
    expect(posted).toHaveLength(2);
  });

  it('sends a spec back to the worker for a while after it took the main thread too long twice in a row', () => {
    const { client, posted, results } = setup();
    let cost = LOCAL_BUDGET_MS * 3;
    client.useLocal((request) => {
      const until = performance.now() + cost;
      while (performance.now() < until) {
        // A slow generation.
      }
      return response(request.id);
    });
    client.request({ text: 'big', defaultNamespace: 'default', keys: TEST_KEYS });
    expect(posted).toEqual([]);
    const slow = client.request({ text: 'big', defaultNamespace: 'default', keys: TEST_KEYS });
    expect(results).toEqual([slow - 1, slow]);
    cost = 0;
    const next = client.request({ text: 'big', defaultNamespace: 'default', keys: TEST_KEYS });
    expect(posted.map((m) => m.id)).toEqual([next]);
    let id = next;
    while (posted.length === id - slow) id = client.request({ text: 'big', defaultNamespace: 'default', keys: TEST_KEYS });
    // After the spell in the worker, the main thread is tried again.
    expect(results.at(-1)).toBe(id);
    expect(id - slow).toBeGreaterThan(5);
  });
});
