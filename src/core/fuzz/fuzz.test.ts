/**
 * The fuzz suite's CI run: a fixed seed and a bounded number of cases, so that it takes the same
 * inputs every time (`npm run fuzz` runs it for longer, with any seed). It passes over the known
 * open defects of KNOWN_OPEN until they are fixed. A failure prints fast-check's seed and path;
 * `npm run fuzz -- --seed SEED --path PATH --skip-known` replays that case and prints its input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArbitrary, caseText, isKnownOpen, mutatorsFor, runCase } from './cases.ts';
import { BASES, KNOWN_OPEN, MUTATOR_NAMES, MUTATORS, mutate } from './mutations.ts';
import { checkCase, diagnosticProblem, objectCheckers } from './oracle.ts';

const SEED = 20_261_207;
// About 50 ms a case on a busy 2-core machine: 800 cases keep the run under a minute.
const RUNS = 800;

describe('fuzz', () => {
  it(`${RUNS} mutated specs (seed ${SEED}) keep every promise of the public API`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(mutatorsFor(true)), (c) => runCase(c, objectCheckers, isKnownOpen)),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);

  it('every mutator changes some base spec, and the same mutation gives the same text', () => {
    for (const name of MUTATOR_NAMES) {
      const changed = BASES.some((base, i) => {
        const mutation = { m: name, a: i * 7919 + 11, b: i * 104_729 + 5, s: 'x\u001b' };
        const once = mutate(base.text, [mutation]);
        expect(mutate(base.text, [mutation])).toBe(once);
        return once !== base.text;
      });
      expect(changed, name).toBe(true);
    }
  });

  it('each entry of KNOWN_OPEN names its defect and passes over mutators or failures', () => {
    for (const known of KNOWN_OPEN) {
      expect(known.defect.length).toBeGreaterThan(20);
      expect(known.mutators !== undefined || known.failure !== undefined).toBe(true);
      for (const name of known.mutators ?? []) expect(MUTATORS).toHaveProperty(name);
    }
  });
});

describe('the oracle', () => {
  it('catches a diagnostic that is not one line or not inside the file', () => {
    const text = 'a: 1\nbb: 2\n';
    const ok = { message: 'fine', path: 'a', line: 2, column: 4, endLine: 2, endColumn: 6 };
    expect(diagnosticProblem(text, ok)).toBeUndefined();
    expect(diagnosticProblem(text, { ...ok, message: 'two\nlines' })).toMatch(/line-break/);
    expect(diagnosticProblem(text, { ...ok, message: 'esc \u001b[31m' })).toMatch(/control/);
    expect(diagnosticProblem(text, { ...ok, path: 'a\u2028b' })).toMatch(/path/);
    expect(diagnosticProblem(text, { ...ok, line: 4 })).toMatch(/outside the file's 3 lines/);
    expect(diagnosticProblem(text, { ...ok, column: 7 })).toMatch(/outside line 2/);
    expect(diagnosticProblem(text, { ...ok, endLine: 1, endColumn: 1 })).toMatch(/before it starts/);
  });

  it('counts lines as the editor does: a CR before an LF ends its line, and so does a lone CR', () => {
    const text = 'a: 1\r\nbb\rc';
    expect(diagnosticProblem(text, { message: 'fine', path: '', line: 3, column: 2, endLine: 3, endColumn: 2 })).toBeUndefined();
    expect(diagnosticProblem(text, { message: 'fine', path: '', line: 1, column: 6, endLine: 1, endColumn: 6 })).toMatch(/outside line 1 \(4 characters\)/);
  });

  it('passes a spec that keeps every promise, and fails a case per broken one', async () => {
    const hello = BASES.find((b) => b.name.endsWith('v1alpha2/hello-world.yaml'))!;
    expect(await checkCase(hello.text, { output: 0, edit: 0 })).toEqual([]);
    const failing = await checkCase(hello.text, { output: 0, edit: 0 }, [{ name: 'refuses all', check: (m) => m.map((x) => `no ${x.kind}`) }]);
    expect(failing.map((f) => f.check)).toContain('object');
  });

  it('a case text is its base with its mutations', () => {
    const c = { base: 0, mutations: [{ m: 'truncate' as const, a: 10, b: 0 }], output: 0, edit: 0 };
    expect(caseText(c)).toBe(BASES[0]!.text.slice(0, 10));
  });
});
