import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { freeName, indexProblems, integerInput, quantityProblem, quantityValue } from './formModel.ts';

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

  it('checks whole numbers against their bounds', () => {
    expect(integerInput('4', 1)).toEqual({ value: 4 });
    expect(integerInput(' ')).toEqual({ empty: true });
    expect(integerInput('0', 1)).toEqual({ problem: 'The smallest allowed value is 1.' });
    expect(integerInput('8', 0, 7)).toEqual({ problem: 'The largest allowed value is 7.' });
    expect(integerInput('1.5')).toEqual({ problem: 'Write a whole number.' });
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

  it('picks a free name', () => {
    expect(freeName('data', [])).toBe('data');
    expect(freeName('data', ['data', 'data-2'])).toBe('data-3');
    expect(freeName('NAME', ['NAME'], '_')).toBe('NAME_2');
  });
});
