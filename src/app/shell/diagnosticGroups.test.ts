import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { TEST_KEYS } from '../../core/testing/testKeys.ts';
import type { GenerateResponse } from '../worker/protocol.ts';
import { groupDiagnostics } from './diagnosticGroups.ts';

const diagnostic = (severity: Diagnostic['severity'], code: string, line: number): Diagnostic => ({
  severity,
  code,
  line,
  column: 1,
  path: '',
  message: `${severity} ${code} on ${line}`,
});

const response = (diagnostics: Diagnostic[], inFile?: GenerateResponse['inFile']): GenerateResponse => ({
  id: 1,
  diagnostics,
  keys: TEST_KEYS,
  hasCurveCert: false,
  workerMs: 0,
  ...(inFile ? { inFile } : {}),
});

describe('diagnostic groups', () => {
  const error = diagnostic('error', 'bad-size', 3);
  const warning = diagnostic('warning', 'odd', 12);
  const filled = diagnostic('info', 'default-applied', 4);
  const other = diagnostic('info', 'other-object', 20);

  it('splits problems, what was filled in and the other objects', () => {
    const groups = groupDiagnostics(response([error, warning, filled, other]));
    expect(groups.all).toEqual([error, warning, filled, other]);
    expect(groups.problems).toEqual([error, warning]);
    expect(groups.filledIn).toEqual([filled]);
    expect(groups.otherObjects).toEqual([other]);
    expect(groups.ofForm).toEqual(groups.all);
  });

  it("gives the form only the lines of the MiniCluster it edits", () => {
    const inFile = { index: 0, count: 2, start: 0, end: 100, firstLine: 1, lastLine: 10 };
    expect(groupDiagnostics(response([error, warning, filled, other], inFile)).ofForm).toEqual([error, filled]);
  });

  it('is empty before the first response', () => {
    const groups = groupDiagnostics(undefined);
    expect([groups.all, groups.problems, groups.filledIn, groups.otherObjects, groups.ofForm]).toEqual([[], [], [], [], []]);
  });
});
