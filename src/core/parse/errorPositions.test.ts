/**
 * Every position the parser reports is one the editor can show: a line of the file (lines end at
 * LF, CRLF or a lone CR, as in Monaco) and a column at most one past that line's last character.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { analyzeFile, fileDiagnostics } from '../fileAnalysis.ts';
import { parseSpecText } from './index.ts';

const editorLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

function outsideProblem(text: string, d: Diagnostic): string | undefined {
  const lines = editorLines(text);
  for (const [line, column] of [[d.line, d.column], [d.endLine, d.endColumn]] as const) {
    if (line === undefined || column === undefined) return 'has no end';
    const length = lines[line - 1]?.length;
    if (length === undefined) return `${line}:${column} is past the file's ${lines.length} lines`;
    if (column < 1 || column > length + 1) return `${line}:${column} is outside line ${line} (${length} characters)`;
  }
  if (d.endLine! < d.line || (d.endLine === d.line && d.endColumn! < d.column)) return 'ends before it starts';
  return undefined;
}

function expectInside(text: string, diagnostics: readonly Diagnostic[]): void {
  expect(diagnostics.length).toBeGreaterThan(0);
  expect(diagnostics.map((d) => outsideProblem(text, d)).filter(Boolean)).toEqual([]);
}

const at = (d: Diagnostic) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;

describe('positions of syntax errors', () => {
  it('places errors after a multi-line plain scalar on their own lines', () => {
    const text = '  a: 1\nb: c\n  d\ne: 1\nf: 2\n';
    const ds = fileDiagnostics(analyzeFile(text));
    expectInside(text, ds);
    expect(ds.map(at)).toEqual(['2:1-2:2', '4:1-4:2', '5:1-5:2']);
    expect(ds[1]?.message).toContain('"e"');
    expect(ds[2]?.message).toContain('"f"');
  });

  it('ends a multi-line token inside the file', () => {
    const text = ' a: 1\nb: |\n  x\n  y\n';
    const ds = fileDiagnostics(analyzeFile(text));
    expectInside(text, ds);
    expect(ds.map(at)).toContain('3:1-5:1');
  });

  it('counts lines of CR CR LF and lone CR files as the editor does, and reads them as Kubernetes does', () => {
    for (const eol of ['\r\r\n', '\r']) {
      const text = ['apiVersion: flux-framework.org/v1alpha2', 'kind: MiniCluster', 'metadata:', '  name: flux-sample', 'spec:', '  size: yes', ''].join(eol);
      const r = parseSpecText(text);
      expect(r.value).toEqual({ apiVersion: 'flux-framework.org/v1alpha2', kind: 'MiniCluster', metadata: { name: 'flux-sample' }, spec: { size: true } });
      const perLine = eol === '\r' ? 1 : 2;
      expect(r.diagnostics.map(at)).toEqual([`${5 * perLine + 1}:9-${5 * perLine + 1}:12`]);
      expect(r.locate(['metadata', 'name'])).toEqual({ line: 3 * perLine + 1, column: 9, endLine: 3 * perLine + 1, endColumn: 20 });
      expectInside(text, r.diagnostics);
    }
  });

  it('keeps the end of a CRLF line on that line', () => {
    const text = 'a: 1\r\n- b\r\n';
    expectInside(text, parseSpecText(text).diagnostics);
    const list = '- a\r\n- b\r\n';
    expect(parseSpecText(list).diagnostics.map(at)).toEqual(['1:1-1:4']);
  });
});

describe('messages about text after a value', () => {
  const message = (text: string) => parseSpecText(text).diagnostics.find((d) => d.severity === 'error')?.message ?? '';

  it('speaks of quotes only after a quoted value', () => {
    expect(message('a: "x" y\n')).toContain('a quoted value ends at its closing quote');
    expect(message("a: 'x' y\n")).toContain('a quoted value ends at its closing quote');
    expect(message('a: [1] y\n')).toContain("ends at its closing ']'");
    expect(message('a: {b: 1} y\n')).toContain("ends at its closing '}'");
    for (const text of ['  a: 1\nb: c\n', ' a: 1\nb: |\n  x\n', '- a\nb: c\n']) {
      expect(message(text)).not.toMatch(/quot/);
      expect(parseSpecText(text).diagnostics.find((d) => d.line === 2)?.message).toContain("does not continue the document's top-level value");
    }
  });
});
