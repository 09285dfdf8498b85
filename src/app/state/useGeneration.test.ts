import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../core/testing/testKeys.ts';
import type { CurveKeys, GenerateResponse } from '../worker/protocol.ts';
import { respond } from '../generation/respond.ts';
import { bundleComplete, bundleOf, nextOutput, type GenerationOutput } from './useGeneration.ts';

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

describe('the bundle a response makes', () => {
  const cluster = (name: string, size: number) =>
    `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\nspec:\n  size: ${size}\n  containers:\n    - image: ubuntu:noble\n`;
  const two = (secondSize: number) => `${cluster('first', 2)}---\n${cluster('second', secondSize)}`;
  const ask = (text: string, moreKeys: CurveKeys[] = [OTHER_KEYS]) => respond({ id: 1, text, keys: TEST_KEYS, moreKeys, defaultNamespace: 'default', cursor: 0 });

  it('is the previewed objects for a file of one MiniCluster', async () => {
    const one = ask(cluster('only', 1), []);
    expect(bundleComplete(one)).toBe(true);
    expect(await bundleOf(one)).toBe(one.manifests);
  });

  it('is every MiniCluster\'s objects for a file of several, in file order', async () => {
    const whole = ask(two(3));
    expect(bundleComplete(whole)).toBe(true);
    expect((await bundleOf(whole))?.map((m) => `${m.kind}/${m.name}`)).toEqual([
      'ConfigMap/first-entrypoint',
      'Service/first',
      'Job/first',
      'ConfigMap/second-entrypoint',
      'Service/second',
      'Job/second',
    ]);
  });

  it('is not complete while another MiniCluster has errors, or lacks its keypair', () => {
    const broken = ask(two(0));
    expect(broken.manifests).toBeDefined();
    expect(bundleComplete(broken)).toBe(false);
    expect(bundleComplete(ask(two(3), []))).toBe(false);
  });
});
