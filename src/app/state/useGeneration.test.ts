import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../core/testing/testKeys.ts';
import type { CurveKeys, GenerateResponse } from '../worker/protocol.ts';
import { nextOutput, type GenerationOutput } from './useGeneration.ts';

const OTHER_KEYS: CurveKeys = { publicKey: 'a'.repeat(40), secretKey: 'b'.repeat(40) };
const none: GenerationOutput = { response: undefined, lastGood: undefined, keys: undefined, epoch: 0 };
const good = (id: number, keys: CurveKeys = TEST_KEYS): GenerateResponse => ({
  id,
  diagnostics: [],
  manifests: [{ kind: 'Job', name: 'x', letter: 'j', yaml: '---\n' }],
  keys: { ...keys },
  hasCurveCert: false,
  workerMs: 0,
});
const broken = (id: number, keys: CurveKeys = TEST_KEYS): GenerateResponse => ({ id, diagnostics: [], keys: { ...keys }, hasCurveCert: false, workerMs: 0 });

describe('the generation output', () => {
  it('keeps the last good output while the newest response has no objects', () => {
    const first = nextOutput(none, good(1));
    const second = nextOutput(first, broken(2));
    expect(second.response?.id).toBe(2);
    expect(second.lastGood?.id).toBe(1);
    expect(nextOutput(second, good(3)).lastGood?.id).toBe(3);
  });

  it('keeps the same keys object while the public key stays, and takes a new keypair', () => {
    const first = nextOutput(none, good(1));
    const second = nextOutput(first, good(2));
    expect(second.keys).toBe(first.keys);
    const third = nextOutput(second, broken(3, OTHER_KEYS));
    expect(third.keys).not.toBe(first.keys);
    expect(third.keys?.publicKey).toBe(OTHER_KEYS.publicKey);
  });

  it('starts a new epoch with the first good output, and with the first good output of another spec', () => {
    const first = nextOutput(none, broken(1));
    expect(first.epoch).toBe(0);
    const second = nextOutput(first, good(2));
    expect(second.epoch).toBe(1);
    expect(nextOutput(second, good(3)).epoch).toBe(1);
    // Request 4 was for another spec: its answer, or the first good one after it, starts an epoch.
    const errors = nextOutput(second, broken(4), 4);
    expect(errors.epoch).toBe(1);
    const loaded = nextOutput(errors, good(5), 4);
    expect(loaded.epoch).toBe(2);
    expect(nextOutput(loaded, good(6), 4).epoch).toBe(2);
    // An answer to a request older than the load does not.
    expect(nextOutput(second, good(3), 4).epoch).toBe(1);
  });
});
