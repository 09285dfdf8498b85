import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { addContainerEdits, freeName, indexProblems, integerInput, localProblem, quantityProblem, quantityValue } from './formModel.ts';

const problem = (path: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ severity, code: 'x', path, message: path, line: 1, column: 1 });

describe('form model helpers', () => {
  it('finds the problems of a field, and of everything under it when asked', () => {
    const index = indexProblems([
      problem('spec.size'),
      problem('spec.containers[0].resources.limits.cpu'),
      problem('spec.containers[0]', 'warning'),
      problem('spec.containers[1].image'),
      problem('metadata', 'info'),
    ]);
    expect(index.at(['spec', 'size']).map((d) => d.path)).toEqual(['spec.size']);
    expect(index.at(['spec', 'containers', 0]).map((d) => d.path)).toEqual(['spec.containers[0]']);
    expect(index.at(['spec', 'containers', 0, 'resources', 'limits'], true).map((d) => d.path)).toEqual(['spec.containers[0].resources.limits.cpu']);
    expect(index.at(['metadata'])).toEqual([]);
  });

  it('shows a volume without a source at its claim name, the field that fixes it', () => {
    const index = indexProblems([{ ...problem('spec.containers[0].volumes.data'), code: 'volume-source' }]);
    expect(index.at(['spec', 'containers', 0, 'volumes', 'data', 'claimName']).map((d) => d.code)).toEqual(['volume-source']);
    expect(index.at(['spec', 'containers', 0, 'volumes', 'data'])).toEqual([]);
  });

  it('checks whole numbers against their bounds', () => {
    expect(integerInput('4', 1)).toEqual({ value: 4 });
    expect(integerInput(' ')).toEqual({ empty: true });
    // Out of bounds is still a value: written, so the core's problem reaches the Problems list.
    expect(integerInput('0', 1)).toEqual({ value: 0, problem: 'The smallest allowed value is 1.' });
    expect(integerInput('8', 0, 7)).toEqual({ value: 8, problem: 'The largest allowed value is 7.' });
    expect(integerInput('1.5')).toEqual({ problem: 'Write a whole number.' });
  });

  it('shows a typed number’s own problem only when the spec’s problems do not cover it', () => {
    expect(localProblem(integerInput('0', 1), [])).toBe('The smallest allowed value is 1.');
    expect(localProblem(integerInput('0', 1), ['size is 0'])).toBeUndefined();
    // Text that is not a number never reached the spec: its problem is the only one.
    expect(localProblem(integerInput('1.5'), ['size is 0'])).toBe('Write a whole number.');
    expect(localProblem(integerInput('3', 1), [])).toBeUndefined();
  });

  it('checks quantities with the Kubernetes grammar and writes plain integers as numbers', () => {
    expect(quantityProblem('500m')).toBeUndefined();
    expect(quantityProblem('4Gi')).toBeUndefined();
    expect(quantityProblem('2 cores')).toMatch(/Not a Kubernetes quantity/);
    expect(quantityProblem('1e1.5')).toMatch(/Not a Kubernetes quantity/);
    expect(quantityValue('2')).toBe(2);
    expect(quantityValue('007')).toBe('007');
    expect(quantityValue('1Gi')).toBe('1Gi');
  });

  it('adds a second container with the first marked as the Flux runner it already was', () => {
    expect(addContainerEdits('containers', [{ image: 'a' }])).toEqual([
      { op: 'set', path: ['spec', 'containers', 0, 'runFlux'], value: true },
      { op: 'add', path: ['spec', 'containers'], value: { name: 'sidecar', image: 'ubuntu:noble' } },
    ]);
    // A runner the spec names already (or a choice made against it) is left as it is.
    expect(addContainerEdits('containers', [{ image: 'a', runFlux: false }]).map((e) => e.op)).toEqual(['add']);
    expect(addContainerEdits('containers', [{ image: 'a', runFlux: true }, { name: 'sidecar' }])).toEqual([
      { op: 'add', path: ['spec', 'containers'], value: { name: 'sidecar-2', image: 'ubuntu:noble' } },
    ]);
    expect(addContainerEdits('services', [{ name: 'service' }])).toEqual([{ op: 'add', path: ['spec', 'services'], value: { name: 'service-2', image: 'ubuntu:noble' } }]);
  });

  it('picks a free name', () => {
    expect(freeName('data', [])).toBe('data');
    expect(freeName('data', ['data', 'data-2'])).toBe('data-3');
    expect(freeName('NAME', ['NAME'], '_')).toBe('NAME_2');
  });
});
