/**
 * Files of many documents, and documents nested too deep: each document is parsed from its own
 * text (so a file of n documents is read in time linear in n), and no input aborts the process.
 * The spec parser is wrapped to see what it is given; it still does its work.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeFile, fileDiagnostics } from './fileAnalysis.ts';
import { parseSpecText } from './parse/parseSpecText.ts';

vi.mock('./parse/parseSpecText.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./parse/parseSpecText.ts')>();
  return { ...actual, parseSpecText: vi.fn(actual.parseSpecText) };
});

const parsedLengths = () => vi.mocked(parseSpecText).mock.calls.map(([text]) => text.length);

const miniCluster = (name: string, size: number) => `---
apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: ${name}
spec:
  size: ${size}
  containers:
    - image: ubuntu:noble
`;

beforeEach(() => {
  vi.mocked(parseSpecText).mockClear();
});

describe('analyzeFile on large files', () => {
  it('parses each of 1,000 MiniClusters from its own text, with its problems at their lines in the file', () => {
    const docs = Array.from({ length: 1000 }, (_, i) => miniCluster(`mc-${i}`, i % 100 === 7 ? 0 : 2));
    const text = docs.join('');
    const file = analyzeFile(text);
    expect(file.specs).toHaveLength(1000);
    expect(parsedLengths()).toHaveLength(1000);
    expect(Math.max(...parsedLengths())).toBeLessThanOrEqual(Math.max(...docs.map((d) => d.length)));
    const linesPerDoc = docs[0]!.split('\n').length - 1;
    file.specs.forEach((spec, i) => {
      expect(spec.document).toMatchObject({ name: `mc-${i}`, line: i * linesPerDoc + 2 });
      const size = spec.analysis.diagnostics.find((d) => d.path === 'spec.size' && d.severity === 'error');
      if (i % 100 === 7) expect(size).toMatchObject({ line: i * linesPerDoc + 7, column: 9 });
      else expect(spec.analysis.resolved?.cluster.metadata.name).toBe(`mc-${i}`);
    });
  });

  it('reads a MiniCluster after 100 KB of unclosed "[" without parsing the whole file as a spec', () => {
    const deep = '['.repeat(100_000);
    const text = `${deep}\n${miniCluster('after', 2)}`;
    const file = analyzeFile(text);
    expect(file.specs.map((s) => s.analysis.resolved?.cluster.metadata.name)).toEqual(['after']);
    expect(Math.max(...parsedLengths())).toBeLessThan(1000);
    expect(file.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'other-document-syntax', line: 1, column: 258, message: expect.stringMatching(/^This document \(line 1\) is not valid YAML: The document nests more than 256 levels deep here; .*structure\. kubectl apply/) }),
    ]);
  });

  it('refuses two documents nested too deep with a positioned error, every time, in a process of their own (a 2 KB file once aborted Node)', () => {
    // Whether deep recursion aborts V8 depends on what ran before in the process, so this runs
    // where it did: in a fresh Node, three times over.
    const module = JSON.stringify(pathToFileURL(fileURLToPath(new URL('./fileAnalysis.ts', import.meta.url))).href);
    const script = `
      import { analyzeFile, fileDiagnostics } from ${module};
      const text = '['.repeat(1000) + '\\n---\\n' + '['.repeat(1000);
      for (let run = 0; run < 3; run++) {
        const errors = fileDiagnostics(analyzeFile(text)).filter((d) => d.severity === 'error');
        console.log(JSON.stringify(errors.map((d) => [d.code, d.line, d.column])));
      }`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).not.toContain('FATAL');
    expect({ status: child.status, lines: child.stdout.trim().split('\n') }).toEqual({ status: 0, lines: Array(3).fill('[["too-deep",1,258]]') });
  });

  it('keeps a MiniCluster nested too deep among the specs, with its error at its place in the file', () => {
    const text = `${miniCluster('a', 2)}${miniCluster('b', 2).replace('size: 2', `x:\n    ${'- '.repeat(3000)}y`)}${miniCluster('c', 2)}`;
    for (let run = 0; run < 2; run++) {
      const file = analyzeFile(text);
      expect(file.specs.map((s) => s.document.name)).toEqual(['a', 'b', 'c']);
      expect(file.specs.map((s) => s.analysis.resolved !== undefined)).toEqual([true, false, true]);
      expect(fileDiagnostics(file).filter((d) => d.severity === 'error')).toEqual([expect.objectContaining({ code: 'too-deep', line: 17, column: 4 + 2 * 255 })]);
    }
  });
});
