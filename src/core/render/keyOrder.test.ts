import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlV2KeyCompare } from './keyOrder.ts';

const sorted = (keys: string[]) => [...keys].sort(yamlV2KeyCompare);

describe('yamlV2KeyCompare', () => {
  // Digit runs compare as numbers, upper case before lower case, non-letters before letters.
  it.each([
    ['wait-2', 'wait-10'],
    ['Zed', 'app'],
    ['app', 'app.kubernetes.io/name'],
    ['a-b', 'a.b'],
    ['a.b', 'a_b'],
    ['a_b', 'a9'],
    ['a9', 'a10'],
  ])('%s < %s', (a, b) => {
    expect(yamlV2KeyCompare(a, b)).toBeLessThan(0);
    expect(yamlV2KeyCompare(b, a)).toBeGreaterThan(0);
  });

  it('sorts a-b < a.b < a_b < a9 < a10 as yaml.v2 does', () => {
    expect(sorted(['a10', 'a9', 'a_b', 'a.b', 'a-b'])).toEqual(['a-b', 'a.b', 'a_b', 'a9', 'a10']);
  });

  it('puts keys starting with punctuation before keys starting with letters', () => {
    expect(sorted(['name', '-x', '.hidden', '_u', 'Name'])).toEqual(['-x', '.hidden', '_u', 'Name', 'name']);
  });

  it('orders ConfigMap data keys like upstream (wait-i by number, then names)', () => {
    expect(sorted(['wait-10', 'flux-view', 'curve.cert', 'wait-2', 'start-1', 'wait-0'])).toEqual([
      'curve.cert',
      'flux-view',
      'start-1',
      'wait-0',
      'wait-2',
      'wait-10',
    ]);
  });

  it('orders Job and pod fields the way upstream prints them', () => {
    expect(sorted(['status', 'spec', 'metadata', 'kind', 'apiVersion'])).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(sorted(['app.kubernetes.io/name', 'namespace', 'app', 'hpa-selector'])).toEqual([
      'app',
      'app.kubernetes.io/name',
      'hpa-selector',
      'namespace',
    ]);
    expect(sorted(['tty', 'stdin', 'securityContext', 'resources', 'name', 'lifecycle', 'imagePullPolicy', 'image', 'command', 'volumeMounts'])).toEqual([
      'command',
      'image',
      'imagePullPolicy',
      'lifecycle',
      'name',
      'resources',
      'securityContext',
      'stdin',
      'tty',
      'volumeMounts',
    ]);
  });

  it('compares digit runs as numbers, then by length (leading zeros), then by code point', () => {
    expect(yamlV2KeyCompare('a2', 'a02')).toBeLessThan(0); // same value, shorter run first
    expect(yamlV2KeyCompare('a1b', 'a01')).toBeLessThan(0);
    expect(yamlV2KeyCompare('x100', 'x99')).toBeGreaterThan(0);
    expect(yamlV2KeyCompare('v1beta1', 'v1')).toBeGreaterThan(0); // prefix first
    expect(yamlV2KeyCompare('v1alpha2', 'v1beta1')).toBeLessThan(0);
    expect(yamlV2KeyCompare('', 'a')).toBeLessThan(0);
    expect(yamlV2KeyCompare('same', 'same')).toBe(0);
  });

  it('reproduces the digit-run quirk after a non-zero digit', () => {
    // At the first difference ('0' vs '1') the run began earlier with '1': both sides are seeded
    // with 1, giving 10 vs 11 instead of 0 vs 1; the order is the same but the rule is exercised.
    expect(yamlV2KeyCompare('a10', 'a11')).toBeLessThan(0);
    // A letter on one side decides before any digit rule: the non-letter '0' comes first.
    expect(yamlV2KeyCompare('a10', 'a1x')).toBeLessThan(0);
    // '0' vs ':' after "1": a's run is seeded to 1 → 10, b's run is empty but seeded → 1.
    expect(yamlV2KeyCompare('a10', 'a1:')).toBeGreaterThan(0);
    // Without a non-zero digit before, no seed: 0 vs 0 (empty run), then run length, 'a0' after 'a:'.
    expect(yamlV2KeyCompare('a0', 'a:')).toBeGreaterThan(0);
    // After "00" no seed either: '0' vs ':' compares run values 0 vs 0, then lengths.
    expect(yamlV2KeyCompare('a000', 'a00:')).toBeGreaterThan(0);
  });

  it('compares letters by code point, including non-ASCII letters and astral characters', () => {
    expect(yamlV2KeyCompare('é', 'z')).toBeGreaterThan(0); // U+00E9 > 'z'
    expect(yamlV2KeyCompare('a', 'é')).toBeLessThan(0);
    expect(yamlV2KeyCompare('😀', 'a')).toBeLessThan(0); // emoji is not a letter
    // By code point, not UTF-16 unit: U+FF21 (letter) < U+1D400 (letter).
    expect(yamlV2KeyCompare('\uff21', '\u{1d400}')).toBeLessThan(0);
  });

  it('handles very long digit runs (int64 arithmetic in Go) without throwing', () => {
    expect(yamlV2KeyCompare('k12345678901234567890', 'k12345678901234567891')).toBeLessThan(0);
    expect(() => yamlV2KeyCompare('9'.repeat(40), '8'.repeat(41))).not.toThrow();
  });

  it('is antisymmetric and consistent with equality', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'B', 'z', '0', '1', '9', '-', '.', '_', '/', 'é', '😀'), maxLength: 8 });
    fc.assert(
      fc.property(key, key, (a, b) => {
        const ab = Math.sign(yamlV2KeyCompare(a, b));
        const ba = Math.sign(yamlV2KeyCompare(b, a));
        expect(ab + ba).toBe(0);
        expect(ab === 0).toBe(a === b);
      }),
      { numRuns: 3000 },
    );
  });
});
