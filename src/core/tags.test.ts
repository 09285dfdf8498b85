/**
 * YAML tags in every place a spec can carry them, through every public entry point of the core,
 * in both API versions: none throws. !!binary and !!timestamp, which no MiniCluster field can
 * hold, are a positioned error with the field's path; the other tags read as Kubernetes reads them.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics.ts';
import { applySpecEdit, applySpecEdits, type SpecEdit } from './edit/specEdit.ts';
import { analyzeFile, fileDiagnostics } from './fileAnalysis.ts';
import { migrateV1alpha1 } from './migrate/index.ts';
import { analyzeAnySpec, generateAny } from './pipeline.ts';
import { renderYaml } from './render/index.ts';
import { TEST_KEYS } from './testing/testKeys.ts';
import * as v1alpha1 from './v1alpha1/index.ts';
import * as v1alpha2 from './v1alpha2/index.ts';

const VERSIONS = ['v1alpha2', 'v1alpha1'] as const;

/** Each tagged value, and whether it is one no MiniCluster field can hold. */
const TAGGED: Record<string, { text: string; refused: boolean }> = {
  'valid !!binary': { text: '!!binary aGVsbG8=', refused: true },
  'invalid !!binary': { text: '!!binary "not base64!"', refused: true },
  '!!timestamp date': { text: '!!timestamp 2001-12-14', refused: true },
  '!!timestamp date and time': { text: '!!timestamp 2001-12-14t21:59:43.10-05:00', refused: true },
  '!!timestamp that is no date': { text: '!!timestamp nonsense', refused: true },
  '!!set': { text: '!!set {a, b}', refused: false },
  '!!omap': { text: '!!omap [a: 1, b: 2]', refused: false },
  'custom tag on text': { text: '!foo bar', refused: false },
  'custom tag on a mapping': { text: '!foo {a: 1}', refused: false },
};

const specLines = (version: string) => [
  `apiVersion: flux-framework.org/${version}`,
  'kind: MiniCluster',
  'metadata:',
  '  name: flux-sample',
  'spec:',
  '  size: 2',
  '  containers:',
  '    - image: ubuntu:noble',
  '      command: echo hi',
];

interface Place {
  text: string;
  /** Where the tagged value is: line, column of its value, field path (for a tagged scalar). */
  at?: { line: number; column: number; path: string };
}

/** The tagged value in each place: a top-level value, a spec field, a list item, a key, the document itself. */
function places(version: string, tagged: string): Record<string, Place> {
  const lines = specLines(version);
  const replace = (index: number, ...by: string[]) => [...lines.slice(0, index), ...by, ...lines.slice(index + 1)].join('\n') + '\n';
  const valueColumn = (line: string) => line.indexOf(tagged) + tagged.indexOf(' ') + 2;
  const at = (text: string, line: number, path: string) => ({ line, column: valueColumn(text.split('\n')[line - 1] ?? ''), path });
  const keyName = tagged.startsWith('!!binary aGVs') ? 'hello' : tagged.slice(tagged.indexOf(' ') + 1);
  const build = (text: string, line: number, path: string): Place => ({ text, at: at(text, line, path) });
  return {
    'top-level value': build(replace(8, '      command: echo hi', `extra: ${tagged}`), 10, 'extra'),
    'metadata.name': build(replace(3, `  name: ${tagged}`), 4, 'metadata.name'),
    'spec.size': build(replace(5, `  size: ${tagged}`), 6, 'spec.size'),
    image: build(replace(7, `    - image: ${tagged}`), 8, 'spec.containers[0].image'),
    'list item': build(replace(8, '      command: echo hi', '      ports:', `        - ${tagged}`), 11, 'spec.containers[0].ports[0]'),
    'environment value': build(replace(8, '      command: echo hi', '      environment:', `        A: ${tagged}`), 11, 'spec.containers[0].environment.A'),
    key: build(replace(5, '  size: 2', `  ? ${tagged}`, '  : 1'), 7, /^[a-z][a-z0-9]*$/.test(keyName) ? `spec.${keyName}` : ''),
    'whole document': { text: `--- ${tagged.split(' ')[0]}\n${lines.join('\n')}\n` },
  };
}

const EDITS: SpecEdit[] = [
  { op: 'set', path: ['spec', 'size'], value: 3 },
  { op: 'set', path: ['metadata', 'name'], value: 'renamed' },
  { op: 'set', path: ['extra'], value: 'text' },
  { op: 'set', path: ['spec', 'containers', 0, 'image'], value: 'rockylinux:9' },
  { op: 'clear', path: ['spec', 'size'] },
  { op: 'add', path: ['spec', 'containers', 0, 'ports'], value: 8080 },
  { op: 'set', path: ['spec', 'containers', 0, 'environment', 'B'], value: 'b' },
  { op: 'renameKey', path: ['spec', 'containers', 0, 'environment'], from: 'A', to: 'C' },
];

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');

describe.each(VERSIONS)('tags in a %s spec', (version) => {
  describe.each(Object.entries(TAGGED))('%s', (_name, { text: tagged, refused }) => {
    it.each(Object.entries(places(version, tagged)))('in the %s: no entry point throws', (_place, { text, at }) => {
      const analysis = analyzeAnySpec(text);
      const alone = (version === 'v1alpha2' ? v1alpha2.analyzeSpec(text) : v1alpha1.analyzeSpec(text)).diagnostics;
      const inFile = analyzeFile(`apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n${text}`);
      expect(fileDiagnostics(analyzeFile(text))).toEqual(analysis.diagnostics);
      const migration = migrateV1alpha1(text);
      for (const edit of EDITS) {
        const result = applySpecEdit(text, edit);
        if (!result.ok) expect(result.reason).toMatch(/\S/);
      }
      expect(applySpecEdits(text, EDITS.slice(0, 3))).toHaveProperty('ok');
      if (analysis.resolved) expect(renderYaml(generateAny(analysis.resolved, { keys: TEST_KEYS }))).toContain('kind: Job');

      if (!refused || !at) return;
      const expected = expect.objectContaining({ severity: 'error', code: 'yaml-tag', line: at.line, column: at.column, ...(at.path ? { path: at.path } : {}) });
      expect(analysis.resolved).toBeUndefined();
      expect(errorsOf(analysis.diagnostics)).toContainEqual(expected);
      expect(errorsOf(alone)).toContainEqual(expected);
      expect(errorsOf(fileDiagnostics(inFile))).toContainEqual(expect.objectContaining({ code: 'yaml-tag', line: at.line + 4, column: at.column }));
      expect(migration.text).toBeUndefined();
      expect(errorsOf(migration.diagnostics)).toContainEqual(expected);
    });
  });
});

describe('what a tag error says', () => {
  const spec = (line: string) => `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: x\nspec:\n${line}\n  containers:\n    - image: ubuntu\n`;
  const only = (text: string) => errorsOf(analyzeAnySpec(text).diagnostics);

  it('names the tag, what Kubernetes makes of it and what to do, at the field', () => {
    expect(only(spec('  size: !!timestamp 2001-12-14'))).toEqual([
      {
        severity: 'error',
        code: 'yaml-tag',
        path: 'spec.size',
        message: 'The !!timestamp tag marks "2001-12-14" as a date, but no MiniCluster field takes a date. Remove the tag (put the value in quotes if it is meant as text).',
        line: 6,
        column: 21,
        endLine: 6,
        endColumn: 31,
      },
    ]);
    // The one problem of the line: the yaml package's own complaint about the tag is not repeated.
    expect(analyzeAnySpec(spec('  size: !!timestamp 4')).diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ['error', 'yaml-tag', 'The value is tagged !!timestamp but "4" is not a date, so Kubernetes would refuse the spec. No MiniCluster field takes a date: remove the tag.'],
    ]);
    expect(only(spec('  size: 2\n  image: !!binary aGVsbG8=')).map((d) => [d.path, d.message])).toEqual([
      ['spec.image', 'The !!binary tag makes Kubernetes decode this base64 into bytes ("hello"), but no MiniCluster field takes binary data. Remove the tag and write the text itself.'],
    ]);
    expect(only(spec('  size: !!binary "%%%"'))[0]).toMatchObject({ path: 'spec.size', message: expect.stringMatching(/^The value is tagged !!binary but is not valid base64, so Kubernetes would refuse the spec\./) });
  });

  it('leaves untagged dates and quoted text alone', () => {
    expect(analyzeAnySpec(spec('  size: 2\n  x: 2001-12-14\n  y: "!!binary aGVsbG8="')).diagnostics.filter((d) => d.code === 'yaml-tag')).toEqual([]);
  });
});

describe('form edits of tagged values', () => {
  const spec = (size: string, env = 'x') =>
    `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: x\nspec:\n  size: ${size}\n  containers:\n    - image: ubuntu\n      environment:\n        A: ${env}\n`;

  it('writes a plain value over a tagged one, the tag gone (it once threw in both API versions)', () => {
    for (const version of VERSIONS) {
      for (const tagged of ['!!timestamp 2001-12-14', '!!binary aGVsbG8=', '!foo bar', '!!set {a, b}']) {
        const text = spec(tagged).replace('v1alpha2', version);
        expect(applySpecEdit(text, { op: 'set', path: ['spec', 'size'], value: 3 })).toEqual({ ok: true, text: text.replace(`size: ${tagged}`, 'size: 3') });
      }
    }
  });

  it('writes text over a !!str value in quotes where it needs them to stay text', () => {
    expect(applySpecEdit(spec('2', '!!str 12'), { op: 'set', path: ['spec', 'containers', 0, 'environment', 'A'], value: '13' })).toEqual({ ok: true, text: spec('2', '"13"') });
    expect(applySpecEdit(spec('2', '!!str 12'), { op: 'set', path: ['spec', 'containers', 0, 'environment', 'A'], value: 'abc' })).toEqual({ ok: true, text: spec('2', 'abc') });
  });

  it('refuses, with where and what to do, when a tagged value elsewhere cannot be written back', () => {
    const text = spec('2', '!!timestamp nonsense');
    for (const edit of EDITS) {
      expect(applySpecEdit(text, edit)).toEqual({
        ok: false,
        reason: 'Line 10, column 24: the value tagged !!timestamp does not fit its tag, so the YAML cannot be written back with this change. Remove the tag in the YAML view, then edit in the form.',
      });
    }
  });

  it('refuses an edit that would give a !!set document values', () => {
    expect(applySpecEdit('--- !!set {a, b}\n', { op: 'set', path: ['spec', 'size'], value: 3 })).toEqual({
      ok: false,
      reason: 'Line 1, column 11: the value tagged !!set does not fit its tag, so the YAML cannot be written back with this change. Remove the tag in the YAML view, then edit in the form.',
    });
  });
});
