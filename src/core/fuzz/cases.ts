/**
 * A fuzz case (a base spec, its mutations, the choices of options and edits) and the property
 * that runs the oracle on it: shared by the CI test and `npm run fuzz`.
 */
import fc from 'fast-check';
import { BASES, KNOWN_OPEN, KNOWN_OPEN_MUTATORS, MUTATOR_NAMES, mutate, mutationArbitrary, type Mutation, type MutatorName } from './mutations.ts';
import { checkCase, objectCheckers, type Failure, type ObjectChecker } from './oracle.ts';

export interface FuzzCase {
  base: number;
  mutations: Mutation[];
  output: number;
  edit: number;
}

/** The mutators a run uses: all of them, or all but those that hit a known open defect. */
export function mutatorsFor(skipKnown: boolean): MutatorName[] {
  return MUTATOR_NAMES.filter((name) => !skipKnown || !KNOWN_OPEN_MUTATORS.has(name));
}

/** How a failure prints, one line: what KNOWN_OPEN's patterns are matched against. */
export const failureLine = (f: Failure): string => `[${f.check}] ${f.api}: ${f.message}`;

/** True for a failure of a known open defect (see KNOWN_OPEN). */
export const isKnownOpen = (f: Failure): boolean => KNOWN_OPEN.some((k) => k.failure?.test(failureLine(f)) === true);

export function caseArbitrary(mutators: readonly MutatorName[]): fc.Arbitrary<FuzzCase> {
  return fc.record({
    base: fc.nat({ max: BASES.length - 1 }),
    mutations: fc.array(mutationArbitrary(mutators), { minLength: 1, maxLength: 4 }),
    output: fc.nat({ max: 99 }),
    edit: fc.nat({ max: 999 }),
  });
}

/** The input text of a case. */
export function caseText(c: FuzzCase): string {
  return mutate(BASES[c.base % BASES.length]!.text, c.mutations);
}

export class FuzzFailure extends Error {
  constructor(
    readonly failures: Failure[],
    readonly text: string,
  ) {
    super(failures.map(failureLine).join('\n'));
  }
}

/** Runs the oracle on a case; throws a FuzzFailure listing what broke. `accept` lets a run pass failures it has seen. */
export async function runCase(c: FuzzCase, checkers: readonly ObjectChecker[] = objectCheckers, accept: (f: Failure) => boolean = () => false): Promise<void> {
  const text = caseText(c);
  const failures = (await checkCase(text, { output: c.output, edit: c.edit }, checkers)).filter((f) => !accept(f));
  if (failures.length > 0) throw new FuzzFailure(failures, text);
}

/** A case as it is printed: its parts, then the text it makes. */
export function describeCase(c: FuzzCase): string {
  return `base ${BASES[c.base % BASES.length]!.name}, mutations ${JSON.stringify(c.mutations)}, output ${c.output}, edit ${c.edit}\ninput text (JSON): ${JSON.stringify(caseText(c))}`;
}
