import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../diagnostics.ts';
import { pathOfText } from './analyze.ts';

/** The plain recursive search, copying the path at each step: the oracle. */
function oracle(node: unknown, pattern: RegExp, path: PathSegment[] = []): PathSegment[] | undefined {
  if (typeof node === 'string') return pattern.test(node) ? path : undefined;
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, child] of Object.entries(node)) {
    const found = oracle(child, pattern, [...path, Array.isArray(node) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}

const PATTERN = /\bflux-service\b/;

describe('pathOfText', () => {
  it('finds the first matching string, depth first, with its path after the given prefix', () => {
    const doc = { spec: { containers: [{ command: 'echo' }, { command: 'ping x-0.flux-service.default' }], b: 'flux-service' } };
    expect(pathOfText(doc, PATTERN)).toEqual(['spec', 'containers', 1, 'command']);
    expect(pathOfText(doc.spec, PATTERN, ['spec'])).toEqual(['spec', 'containers', 1, 'command']);
    expect(pathOfText({ a: 'flux-services' }, PATTERN)).toBeUndefined();
    expect(pathOfText('flux-service', PATTERN)).toEqual([]);
  });

  it('agrees with the plain recursive search on any JSON value', () => {
    const text = fc.constantFrom('flux-service', 'x.flux-service.y', 'flux-services', 'other', '');
    fc.assert(
      fc.property(fc.jsonValue().chain((value) => fc.tuple(fc.constant(value), fc.anything({ values: [text, fc.jsonValue()] }))), ([a, b]) => {
        for (const value of [a, b, { a, b }, [b, a]]) expect(pathOfText(value, PATTERN)).toEqual(oracle(value, PATTERN));
      }),
      { numRuns: 500 },
    );
  });
});
