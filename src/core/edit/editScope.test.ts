import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editableLines, linesRewrittenOutside } from './editScope.ts';
import { EDIT_PARSE_OPTIONS } from './yamlDocument.ts';
import type { SpecEdit } from './specEdit.ts';

const SPEC = `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: x
spec:
  # the size
  size: 2
  containers:
  - image: a
    command: b
`;
const scope = (text: string, edit: SpecEdit) => editableLines(text, parseDocument(text, EDIT_PARSE_OPTIONS), edit);

describe('the lines a form edit may rewrite', () => {
  it('are those of the deepest pair of the path that is written', () => {
    expect(scope(SPEC, { op: 'set', path: ['metadata', 'name'], value: 'y' })).toEqual([3, 3]);
    expect(scope(SPEC, { op: 'set', path: ['spec', 'containers', 0, 'command'], value: 'c' })).toEqual([9, 9]);
    // A field not written yet: its parent pair, where the new line goes.
    expect(scope(SPEC, { op: 'set', path: ['spec', 'tasks'], value: 4 })).toEqual([4, 9]);
  });

  it('take in the comment lines above a removed key, and the dash of a removed first key of an item', () => {
    expect(scope(SPEC, { op: 'clear', path: ['spec', 'size'] })).toEqual([5, 6]);
    expect(scope(SPEC, { op: 'clear', path: ['spec', 'containers', 0, 'image'] })).toEqual([8, 9]);
  });

  it('take in the pair of a mapping a removal leaves empty: it goes, or becomes {} where its presence matters', () => {
    const flux = 'spec:\n  flux:\n    logLevel: 7\n  size: 2\n';
    expect(scope(flux, { op: 'clear', path: ['spec', 'flux', 'logLevel'] })).toEqual([1, 2]);
    const repeated = 'spec:\n  containers:\n  - image: a\n    environment:\n      A: "1"\n      A: "2"\n';
    expect(scope(repeated, { op: 'clear', path: ['spec', 'containers', 0, 'environment', 'A'] })).toEqual([3, 5]);
    // A list item left empty stays, as `- {}` on its own line.
    expect(scope(repeated, { op: 'clear', path: ['spec', 'containers', 0, 'image'] })).toEqual([2, 3]);
  });

  it('are none when nothing of the path is written in a block mapping, and the whole document for a flow one', () => {
    expect(scope('kind: MiniCluster\n', { op: 'set', path: ['spec', 'size'], value: 2 })).toEqual([0, -1]);
    expect(scope('{kind: MiniCluster}\n', { op: 'set', path: ['spec', 'size'], value: 2 })).toBeUndefined();
  });
});

describe('lines rewritten outside the allowed ones', () => {
  const text = 'a: 1\nb: 2\nc: 3\n';
  it('are none when the changed lines are inside, or lines are only inserted', () => {
    expect(linesRewrittenOutside(text, 'a: 1\nb: 9\nc: 3\n', [1, 1])).toBeUndefined();
    expect(linesRewrittenOutside(text, 'a: 1\nb: 2\nb2: 5\nc: 3\n', [0, -1])).toBeUndefined();
    expect(linesRewrittenOutside(text, text, [0, -1])).toBeUndefined();
  });

  it('are the first and last changed line when any is outside', () => {
    expect(linesRewrittenOutside(text, 'a: 1\nb: 9\nc: 4\n', [1, 1])).toEqual([1, 2]);
    expect(linesRewrittenOutside(text, 'a: 1\nb: 2\n', [1, 1])).toEqual([2, 2]);
    expect(linesRewrittenOutside(text, 'a: 1\nb: 2\nc: 3 # x\n', [0, -1])).toEqual([2, 2]);
  });

  it('count a last line that only gains or loses its line break as the same line', () => {
    expect(linesRewrittenOutside('a: 1\nb: 2', 'a: 1\nb: 2\nc: 3\n', [0, -1])).toBeUndefined();
    expect(linesRewrittenOutside('a: 1\nb: 2\n', 'a: 1', [1, 1])).toBeUndefined();
  });
});
