import { describe, expect, it } from 'vitest';
import { yamlDocuments } from './documents.ts';
import { MAX_DEPTH } from './documentOptions.ts';
import { TextLines } from './lines.ts';

const miniCluster = (name: string) => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: ${name}
spec:
  size: 2
  containers:
    - image: ubuntu:noble
`;

describe('yamlDocuments', () => {
  it('reports a document nested too deep where it gets too deep, and reads the documents after it', () => {
    const deep = '['.repeat(1000);
    const text = `${deep}\n---\n${miniCluster('after')}---\n${deep}\n`;
    const [first, second, third, ...rest] = yamlDocuments(text);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ start: 0, line: 1, column: 1, hasContent: true });
    expect(first?.syntaxError).toEqual({ message: expect.stringContaining(`more than ${MAX_DEPTH} levels`), line: 1, column: MAX_DEPTH + 2 });
    expect(second).toMatchObject({ start: deep.length + 1, line: 3, column: 1, kind: 'MiniCluster', name: 'after' });
    expect(second?.syntaxError).toBeUndefined();
    expect(third).toMatchObject({ start: text.lastIndexOf('---'), line: 12, column: 1 });
    expect(third?.syntaxError).toMatchObject({ message: expect.stringContaining('nests more than'), line: 12, column: MAX_DEPTH + 2 });
  });

  it('keeps what the parser could not read after a document in that document, with its error, up to the next ---', () => {
    const broken = `${miniCluster('stray')}  logging: [1]\n  ]\n  size: 3\n# about the next one\n`;
    const text = `${broken}---\n${miniCluster('next')}`;
    const [first, second, ...rest] = yamlDocuments(text);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ start: 0, end: text.indexOf('# about'), kind: 'MiniCluster', name: 'stray' });
    expect(first?.syntaxError).toMatchObject({ line: 10, column: 3 });
    expect(second).toMatchObject({ start: text.indexOf('# about'), kind: 'MiniCluster', name: 'next' });
    expect(second?.syntaxError).toBeUndefined();
    // A space or a comment after the unreadable token on its line stays with it too.
    for (const rest of ['', '  ', '  # stray']) {
      const last = `${miniCluster('stray')}  logging: [1]\n  ]${rest}\n# about the next one\n---\n${miniCluster('next')}`;
      expect(yamlDocuments(last)[0]?.end, JSON.stringify(rest)).toBe(last.indexOf('# about'));
    }
  });

  it('reads a document nested too deep whose pairs before the limit hold a value the package cannot resolve', () => {
    const text = `---\nkind: %x\nspec: ${'['.repeat(MAX_DEPTH + 10)}\n---\n${miniCluster('after')}`;
    const [first, second] = yamlDocuments(text);
    expect(first?.syntaxError?.message).toContain('nests more than');
    expect(second).toMatchObject({ kind: 'MiniCluster', name: 'after' });
  });

  it('resumes after a document nested too deep at a directive or a document end too', () => {
    const deep = '{a: '.repeat(400);
    const text = `${deep}\n...\n%YAML 1.1\n---\n${miniCluster('b')}`;
    const documents = yamlDocuments(text);
    expect(documents.map((d) => [d.kind, d.syntaxError?.message.slice(0, 29)])).toEqual([
      [undefined, 'The document nests more than '],
      ['MiniCluster', undefined],
    ]);
    expect(text.slice(documents[1]?.start)).toMatch(/^%YAML 1\.1\n---\n/);
  });

  it('reads deeply nested block lists (no brackets) with the same limit', () => {
    const text = `${miniCluster('a')}---\nx:\n  ${'- '.repeat(3000)}x\n---\n${miniCluster('c')}`;
    const documents = yamlDocuments(text);
    expect(documents.map((d) => d.name)).toEqual(['a', undefined, 'c']);
    expect(documents[1]?.syntaxError?.message).toContain('nests more than');
  });

  it('gives each document of a 1,000-document file its own range and line', () => {
    const one = `---\n${miniCluster('x')}`;
    const lines = one.split('\n').length - 1;
    const text = one.repeat(1000);
    const documents = yamlDocuments(text);
    expect(documents).toHaveLength(1000);
    documents.forEach((d, i) => {
      expect(d).toMatchObject({ index: i, start: i * one.length, end: (i + 1) * one.length, line: i * lines + 2, column: 1, kind: 'MiniCluster' });
    });
  });
});

describe('TextLines', () => {
  it('finds the line and column of an offset and the text of a line', () => {
    const lines = new TextLines('ab\r\ncd\n\nef');
    expect([0, 1, 2, 4, 6, 7, 8, 9, 10].map((o) => lines.linePos(o))).toEqual([
      { line: 1, col: 1 },
      { line: 1, col: 2 },
      { line: 1, col: 3 },
      { line: 2, col: 1 },
      { line: 2, col: 3 },
      { line: 3, col: 1 },
      { line: 4, col: 1 },
      { line: 4, col: 2 },
      { line: 4, col: 3 },
    ]);
    expect([1, 2, 3, 4, 5].map((l) => lines.lineText(l))).toEqual(['ab', 'cd', '', 'ef', '']);
  });
});
