/** Bad and hostile input: each gets a clear error with a position, never a crash or a hang. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { analyzeSpec } from './analyze.ts';

const spec = (body: string, metadata = 'name: flux-sample') => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  ${metadata}
spec:
${body}`;

const CONTAINERS = `  containers:
    - image: ubuntu:noble
      command: echo hello`;

function only(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
  return found[0] as Diagnostic;
}

function errorsOf(text: string): Diagnostic[] {
  const analysis = analyzeSpec(text);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  expect(analysis.cluster).toBeUndefined();
  for (const e of errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
  }
  return errors;
}

describe('hostile and broken specs', () => {
  it('reports a syntax error where it is', () => {
    const errors = errorsOf(spec(`  size: [1, 2\n${CONTAINERS}`));
    expect(errors[0]?.code).toBe('yaml-syntax');
    expect(errors[0]?.line).toBeGreaterThanOrEqual(6);
  });

  it('says to remove quotes around a number', () => {
    const error = only(errorsOf(spec(`  size: "4"\n${CONTAINERS}`)), 'schema');
    expect(error).toMatchObject({ path: 'spec.size', line: 6, column: 9 });
    expect(error.message).toMatch(/whole number|number/);
    expect(error.message).toMatch(/Remove the quotes/);
  });

  it('says to quote a YAML 1.1 boolean where text is expected', () => {
    const error = only(errorsOf(spec(`${CONTAINERS}\n      environment:\n        FOO: yes`)), 'schema');
    expect(error).toMatchObject({ path: 'spec.containers[0].environment.FOO', line: 10 });
    expect(error.message).toMatch(/quotes/);
  });

  it('rejects negative, zero and huge sizes', () => {
    expect(only(errorsOf(spec(`  size: -3\n${CONTAINERS}`)), 'size').path).toBe('spec.size');
    expect(only(errorsOf(spec(`  size: 0\n${CONTAINERS}`)), 'size').message).toMatch(/creates nothing/);
    const huge = only(errorsOf(spec(`  size: 99999999999\n${CONTAINERS}`)), 'schema');
    expect(huge).toMatchObject({ path: 'spec.size', line: 6 });
    expect(huge.message).toMatch(/too large/);
  });

  it('rejects size > maxSize with both numbers in the message', () => {
    const error = only(errorsOf(spec(`  size: 8\n  maxSize: 4\n${CONTAINERS}`)), 'max-size');
    expect(error).toMatchObject({ path: 'spec.maxSize', line: 7, column: 12 });
    expect(error.message).toContain('8');
  });

  it('stops an alias bomb quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const text = `${levels.join('\n')}\n${spec(CONTAINERS).replace(/^/, '')}`;
    const errors = errorsOf(text);
    expect(errors.some((e) => e.code === 'alias-limit' || e.code === 'yaml-syntax')).toBe(true);
  });

  it('refuses a 5 MB file without parsing it', () => {
    const text = spec(`${CONTAINERS}\n      command: "${'x'.repeat(5 * 1024 * 1024)}"`);
    const error = only(errorsOf(text), 'too-large');
    expect(error).toMatchObject({ line: 1, column: 1 });
    expect(error.message).toMatch(/MB|MiB|bytes/);
  });

  it('keeps __proto__ keys from polluting objects', () => {
    const analysis = analyzeSpec(spec(`${CONTAINERS}\n      __proto__:\n        polluted: true\n      environment:\n        __proto__: x`));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(analysis.diagnostics.some((d) => d.path.includes('__proto__'))).toBe(true);
  });

  it('names another kind and apiVersion', () => {
    const kind = only(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n'), 'kind');
    expect(kind.message).toContain('"Pod"');
    const version = only(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n'), 'api-version');
    expect(version).toMatchObject({ line: 1, column: 13 });
  });

  it('says v1alpha1 is not supported yet', () => {
    const error = only(errorsOf(spec(CONTAINERS).replace('v1alpha2', 'v1alpha1')), 'api-version');
    expect(error.message).toMatch(/v1alpha1/);
    expect(error.message).toMatch(/not supported|only/);
  });

  it('explains generateName', () => {
    const error = only(errorsOf(spec(CONTAINERS, 'generateName: flux-sample-kueue-')), 'generate-name');
    expect(error.path).toBe('metadata.generateName');
    expect(error.message).toContain('name: flux-sample-kueue');
  });

  it('rejects an empty file with the first lines to write', () => {
    for (const text of ['', '   \n', '# only a comment\n']) {
      const error = only(errorsOf(text), 'empty');
      expect(error.message).toContain('apiVersion');
    }
  });

  it('rejects names Kubernetes would reject', () => {
    expect(only(errorsOf(spec(CONTAINERS, 'name: Flux_Sample')), 'name').path).toBe('metadata.name');
    const long = only(errorsOf(spec(CONTAINERS, `name: ${'a'.repeat(53)}`)), 'name-length');
    expect(long.message).toContain('52');
    expect(only(errorsOf(spec(`  network:\n    headlessName: 9lives\n${CONTAINERS}`)), 'headless-name').path).toBe('spec.network.headlessName');
  });

  it('warns about values Flux refuses at run time', () => {
    const analysis = analyzeSpec(spec(`  flux:\n    scheduler:\n      queuePolicy: fastest\n    logLevel: 12\n${CONTAINERS}`));
    expect(analysis.cluster).toBeDefined();
    expect(only(analysis.diagnostics, 'queue-policy')).toMatchObject({ severity: 'warning', line: 8 });
    expect(only(analysis.diagnostics, 'log-level').severity).toBe('warning');
  });

  it('warns that shell operators in the runner command do not reach a shell', () => {
    const analysis = analyzeSpec(spec(`  containers:\n    - image: ubuntu\n      command: make && ./run | tee log`));
    expect(only(analysis.diagnostics, 'command-shell-operator')).toMatchObject({ severity: 'warning', path: 'spec.containers[0].command', line: 8 });
    const quoted = analyzeSpec(spec(`  containers:\n    - image: ubuntu\n      command: bash -c 'make && ./run | tee log'`));
    expect(quoted.diagnostics.filter((d) => d.code === 'command-shell-operator')).toEqual([]);
  });

  it('reports every problem at once', () => {
    const errors = errorsOf(spec(`  size: 4\n  maxSize: 2\n  backoffLimit: -1\n  containers:\n    - image: a\n      launcher: true\n      batch: true\n    - image: b`));
    const codes = errors.map((e) => e.code).sort();
    // Neither container runs Flux, so both need a name.
    expect(codes).toEqual(['backoff-limit', 'container-name', 'container-name', 'launcher-batch', 'max-size', 'runners']);
  });

  it('never throws on random garbage', () => {
    const samples = ['{', ']]]', '- - -', ': :', '!!binary ~', '&a [*a]', 'a: !!int x', '\t\tkey: v', '"unterminated', 'spec: 3'];
    for (const text of samples) expect(() => analyzeSpec(text)).not.toThrow();
  });
});
