/** Pure helpers of the form: problems by field, values as the inputs show and write them. */
import { asRecord, type Diagnostic, formatPath, parseQuantity, type PathSegment, type SpecEdit } from '../../core/page.ts';

export interface ProblemIndex {
  at(path: readonly PathSegment[], within?: boolean): readonly Diagnostic[];
}

const NONE: readonly Diagnostic[] = [];

/**
 * Problems the core reports on an object, shown at the one field of the form that fixes them: a
 * volume with no source is a claim without its name (the operator makes it a PersistentVolumeClaim).
 */
const SHOWN_AT_FIELD: Readonly<Record<string, string>> = { 'volume-source': 'claimName' };

/** Errors and warnings by field path; `within` also takes the problems of everything under the path. */
export function indexProblems(diagnostics: readonly Diagnostic[]): ProblemIndex {
  const shown = diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => (SHOWN_AT_FIELD[d.code] ? { ...d, path: `${d.path}.${SHOWN_AT_FIELD[d.code]}` } : d));
  const byPath = new Map<string, Diagnostic[]>();
  for (const d of shown) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  return {
    at(path, within = false) {
      const key = formatPath(path);
      if (!within) return byPath.get(key) ?? NONE;
      const found = shown.filter((d) => d.path === key || d.path.startsWith(`${key}.`) || d.path.startsWith(`${key}[`));
      return found.length ? found : NONE;
    },
  };
}

/** How a scalar of the spec reads in a text input. */
export function displayText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A quantity typed in: plain integers are written as numbers (cpu: 2), everything else as text. */
export function quantityValue(text: string): string | number {
  return /^(0|[1-9][0-9]{0,14})$/.test(text) ? Number(text) : text;
}

/** Why a typed quantity is not one, or undefined when Kubernetes accepts it. */
export function quantityProblem(text: string): string | undefined {
  if (text === '') return undefined;
  return parseQuantity(text) ? undefined : 'Not a Kubernetes quantity: write a number with an optional suffix, such as 500m, 2, 4Gi or 200M.';
}

/**
 * An integer typed in. A whole number outside the bounds is still a value (written to the spec, so
 * the core's own problem reaches the Problems list and the output is marked out of date); its
 * `problem` is what to show when the core says nothing about it.
 */
export function integerInput(text: string, min?: number, max?: number): { value: number; problem?: string } | { problem: string } | { empty: true } {
  const trimmed = text.trim();
  if (trimmed === '') return { empty: true };
  if (!/^[+-]?[0-9]+$/.test(trimmed)) return { problem: 'Write a whole number.' };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return { problem: 'The number is too large.' };
  if (min !== undefined && value < min) return { value, problem: `The smallest allowed value is ${min}.` };
  if (max !== undefined && value > max) return { value, problem: `The largest allowed value is ${max}.` };
  return { value };
}

/** The typed text's own problem, unless the spec's problems (`fromSpec`) already say what is wrong. */
export function localProblem(parsed: ReturnType<typeof integerInput>, fromSpec: readonly unknown[]): string | undefined {
  if (!('problem' in parsed)) return undefined;
  return 'value' in parsed && fromSpec.length > 0 ? undefined : parsed.problem;
}

/** The first of `base`, `base-2`, `base-3`, ... that `taken` lacks. */
export function freeName(base: string, taken: Iterable<string>, separator = '-'): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${separator}${i}`)) return `${base}${separator}${i}`;
}

/** The value as a mapping, or an empty one: the form shows a missing mapping as an empty one. */
export function recordOrEmpty(value: unknown): Record<string, unknown> {
  return asRecord(value) ?? {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The edits of "Add container" (or "Add service"): a new item with a free name. The only container
 * runs Flux without saying so; with a second one the spec must name the runner, and the one that
 * ran Flux until now is the one the user means, so it gets `runFlux: true` in the same change.
 */
export function addContainerEdits(listKey: 'containers' | 'services', items: readonly unknown[]): SpecEdit[] {
  const listPath = ['spec', listKey];
  const names = items.map((c) => displayText(recordOrEmpty(c)['name']));
  const value = { name: freeName(listKey === 'services' ? 'service' : 'sidecar', names), image: 'ubuntu:noble' };
  const runnerImplicit = listKey === 'containers' && items.length === 1 && recordOrEmpty(items[0])['runFlux'] === undefined;
  return [...(runnerImplicit ? [{ op: 'set' as const, path: [...listPath, 0, 'runFlux'], value: true }] : []), { op: 'add', path: listPath, value }];
}
