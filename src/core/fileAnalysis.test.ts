import { describe, expect, it } from 'vitest';
import { analyzeFile, fileDiagnostics, specAt } from './fileAnalysis.ts';
import { analyzeAnySpec } from './pipeline.ts';
import { fixture } from './testing/fixtures.ts';

const podGroup = `# The scheduler's group, created before the MiniCluster.
apiVersion: scheduling.x-k8s.io/v1alpha1
kind: PodGroup
metadata:
  name: flux-sample
spec:
  minMember: 4
`;
const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{port: 80}]
`;
const miniCluster = (name: string, size: number) => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: ${name}
spec:
  size: ${size}
  containers:
    - image: ubuntu:noble
`;
const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

describe('analyzeFile', () => {
  it('finds the MiniCluster after a PodGroup and names the PodGroup in a note', () => {
    const text = `${podGroup}---\n${miniCluster('flux-sample', 4)}`;
    const file = analyzeFile(text);
    expect(file.documents.map((d) => d.kind)).toEqual(['PodGroup', 'MiniCluster']);
    expect(file.specs).toHaveLength(1);
    const [spec] = file.specs;
    expect(spec?.analysis.resolved?.version).toBe('v1alpha2');
    expect(spec?.analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(file.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'other-object',
        line: 2,
        message: 'Line 2: PodGroup flux-sample (scheduling.x-k8s.io/v1alpha1) is not a MiniCluster; it is left as it is and not part of the generated objects.',
      }),
    ]);
  });

  it('positions a problem of the second document at its line in the file', () => {
    const text = `${podGroup}---\n${miniCluster('flux-sample', 0)}`;
    const [spec] = analyzeFile(text).specs;
    const size = spec?.analysis.diagnostics.find((d) => d.path === 'spec.size');
    expect(size).toMatchObject({ severity: 'error', line: lineOf(text, 'size: 0'), column: 9 });
  });

  it('places every problem of a later document where the same spec alone has it, moved down by the lines before it', () => {
    const broken = fixture('v1alpha2', 'user-certificate').replace('public-key = "rq:', 'public-key = "rq').replace('size: 2', 'size: 0\n  bogus: 1');
    const text = `${podGroup}---\n${miniCluster('first', 2)}---\n${broken}`;
    const shift = text.slice(0, text.lastIndexOf('---\n') + 4).split('\n').length - 1;
    const alone = analyzeAnySpec(broken).diagnostics;
    expect(alone.map((d) => d.code)).toEqual(expect.arrayContaining(['curve-cert', 'unknown-field', 'size']));
    const inFile = analyzeFile(text).specs[1]?.analysis.diagnostics;
    expect(inFile).toEqual(alone.map((d) => ({ ...d, line: d.line + shift, endLine: (d.endLine ?? d.line) + shift })));
  });

  it('analyses several MiniClusters in file order, each on its own, and finds the one at a cursor', () => {
    const text = `${miniCluster('first', 2)}---\n${service}---\n${miniCluster('second', 0)}`;
    const file = analyzeFile(text);
    expect(file.specs.map((s) => s.document.name)).toEqual(['first', 'second']);
    expect(file.specs[0]?.analysis.resolved?.cluster.spec.size).toBe(2);
    expect(file.specs[1]?.analysis.resolved).toBeUndefined();
    const all = fileDiagnostics(file);
    expect(all.find((d) => d.code === 'other-object')?.message).toContain('Service web (v1)');
    expect(all.find((d) => d.path === 'spec.size')?.line).toBe(lineOf(text, 'size: 0'));
    expect(specAt(file, 0)?.document.name).toBe('first');
    expect(specAt(file, text.indexOf('kind: Service'))?.document.name).toBe('first');
    expect(specAt(file, text.indexOf('name: second'))?.document.name).toBe('second');
    expect(specAt(file, text.length)?.document.name).toBe('second');
  });

  it('refuses a second MiniCluster of the same name and namespace at its metadata.name, in both versions', () => {
    const v1alpha1 = (name: string) => miniCluster(name, 2).replace('v1alpha2', 'v1alpha1');
    for (const make of [(name: string) => miniCluster(name, 2), v1alpha1]) {
      const text = `${make('twin')}---\n${make('twin')}`;
      const file = analyzeFile(text);
      expect(file.specs[0]?.analysis.resolved).toBeDefined();
      expect(file.specs[1]?.analysis.resolved).toBeUndefined();
      const problem = file.specs[1]?.analysis.diagnostics.find((d) => d.code === 'duplicate-minicluster');
      expect(problem).toMatchObject({ severity: 'error', path: 'metadata.name', line: lineOf(text, 'name: twin', text.indexOf('---')), column: 9 });
      expect(problem?.message).toContain('at line 1');
      expect(problem?.message).toContain('overwrite each other');
      // Another namespace, or another name, is another set of objects.
      const elsewhere = `${make('twin')}---\n${make('twin').replace('spec:', '  namespace: other\nspec:')}`;
      expect(analyzeFile(elsewhere).specs.every((s) => s.analysis.resolved)).toBe(true);
    }
    // Another name is another set of objects, where each headless Service is named after its MiniCluster.
    expect(analyzeFile(`${miniCluster('one', 2)}---\n${miniCluster('two', 2)}`).specs.every((s) => s.analysis.resolved)).toBe(true);
  });

  it('refuses a second MiniCluster whose headless Service has the name of one before it (v1alpha1 calls every one flux-service)', () => {
    const v1alpha1 = (name: string) => miniCluster(name, 2).replace('v1alpha2', 'v1alpha1');
    const text = `${v1alpha1('one')}---\n${v1alpha1('two')}`;
    const file = analyzeFile(text);
    expect(file.specs[0]?.analysis.resolved).toBeDefined();
    expect(file.specs[1]?.analysis.resolved).toBeUndefined();
    const problem = file.specs[1]?.analysis.diagnostics.find((d) => d.code === 'duplicate-service');
    // Not written, so at spec: where spec.network.headlessName would go.
    expect(problem).toMatchObject({ severity: 'error', path: 'spec.network.headlessName', line: lineOf(text, 'spec:', text.indexOf('---')), column: 1 });
    expect(problem?.message).toMatch(/^The MiniCluster at line 1 also makes the headless Service "flux-service" in namespace "default": /);
    expect(problem?.message).toContain('Give one of them a spec.network.headlessName of its own');
    // A name of its own, or another namespace, and both are made.
    const named = text.replace(/(name: two\n(?:.*\n)*?spec:\n)/, '$1  network:\n    headlessName: two-service\n');
    expect(named).not.toBe(text);
    expect(analyzeFile(named).specs.every((s) => s.analysis.resolved)).toBe(true);
    // And in v1alpha2, one named like another's Service.
    const clash = `${miniCluster('one', 2)}---\n${miniCluster('two', 2).replace('spec:\n', 'spec:\n  network:\n    headlessName: one\n')}`;
    const v2 = analyzeFile(clash).specs[1]?.analysis;
    expect(v2?.resolved).toBeUndefined();
    expect(v2?.diagnostics.find((d) => d.code === 'duplicate-service')).toMatchObject({ path: 'spec.network.headlessName', line: lineOf(clash, 'headlessName: one'), column: 19 });
  });

  it('reads a file of one document exactly as one spec', () => {
    for (const text of [fixture('v1alpha2', 'hello-world'), fixture('v1alpha1', 'volumes'), '', 'size: [1\n', 'kind: PodGroup\n']) {
      const file = analyzeFile(text);
      expect(file.diagnostics).toEqual([]);
      expect(file.specs.map((s) => s.analysis)).toEqual([analyzeAnySpec(text)]);
    }
  });

  it('gives text that is not Kubernetes objects the errors of one spec, as before', () => {
    const text = 'size: 4\n---\nhello: world\n';
    const file = analyzeFile(text);
    expect(file.specs.map((s) => s.analysis)).toEqual([analyzeAnySpec(text)]);
    expect(fileDiagnostics(file).some((d) => d.code === 'extra-document')).toBe(true);
  });

  it('says a file of other objects holds no MiniCluster, naming them', () => {
    const text = `${podGroup}---\n${service}`;
    const file = analyzeFile(text);
    expect(file.specs).toEqual([]);
    expect(file.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'no-minicluster', line: 2, message: expect.stringContaining('only PodGroup flux-sample (scheduling.x-k8s.io/v1alpha1) at line 2, Service web (v1) at line 9') }),
    ]);
  });

  it('warns about another document that is not valid YAML, where it is broken', () => {
    const text = `${miniCluster('ok', 2)}---\nkind: Service\nmetadata: {name: [broken\n`;
    const file = analyzeFile(text);
    expect(file.specs[0]?.analysis.resolved).toBeDefined();
    const warning = file.diagnostics.find((d) => d.code === 'other-document-syntax');
    expect(warning?.severity).toBe('warning');
    // Inside the broken document (the parser reports an unclosed bracket where the text runs out).
    expect(warning?.line).toBeGreaterThanOrEqual(lineOf(text, 'kind: Service'));
    expect(warning?.message).toMatch(/^This document \(line \d+\) is not valid YAML: .+ kubectl apply would stop at it/);
  });

  it('ends the notes about other documents inside their line, even at the end of a line or of the file', () => {
    const lines = (text: string) => text.split(/\r\n|\r|\n/);
    for (const other of ['--- !!map\n', '---\nkind: Service\nmetadata: {name: [broken\n', '---\nkind: Service\nmetadata: {name: [broken']) {
      const text = `${miniCluster('ok', 2)}${other}`;
      const notes = analyzeFile(text).diagnostics;
      expect(notes.length).toBeGreaterThan(0);
      for (const d of notes) expect(d.endColumn, `${JSON.stringify(other)}: ${d.line}:${d.column}`).toBeLessThanOrEqual((lines(text)[(d.endLine ?? 0) - 1]?.length ?? -1) + 1);
    }
  });

  it('keeps comments, directives and document end markers with their own document', () => {
    const text = `# leading\n${miniCluster('a', 1)}# trailing of a\n...\n%YAML 1.1\n---\n${miniCluster('b', 2)}`;
    const file = analyzeFile(text);
    const [a, b] = file.documents;
    expect(a?.start).toBe(0);
    expect(text.slice(a?.start, a?.end)).toContain('...\n');
    expect(text.slice(b?.start, b?.end)).toMatch(/^%YAML 1\.1\n---\n/);
    expect(file.specs.map((s) => s.analysis.resolved?.cluster.spec.size)).toEqual([1, 2]);
    expect(fileDiagnostics(file).filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
