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
    // The dash of a removed first key moves to the next key's line.
    expect(scope(repeated, { op: 'clear', path: ['spec', 'containers', 0, 'image'] })).toEqual([2, 3]);
    // A list item left empty stays (as `- {}`): its list is not taken in.
    const lone = 'spec:\n  containers:\n  - image: a\n  - image: b\n';
    expect(scope(lone, { op: 'clear', path: ['spec', 'containers', 1, 'image'] })).toEqual([3, 4]);
  });

  it('take in the blank lines below the pair, where the first item under an empty `key:` goes', () => {
    expect(scope('spec:\n  containers:\n \n  size: 2\n', { op: 'set', path: ['spec', 'containers', 0, 'image'], value: 'a' })).toEqual([1, 2]);
  });

  it('take in the blank and comment lines above a removed key, which `yaml` removes with it', () => {
    const text = 'spec:\n  size: 2\n\n  # how many\n  tasks: 4\n  containers:\n  - image: a\n';
    expect(scope(text, { op: 'clear', path: ['spec', 'tasks'] })).toEqual([2, 4]);
    expect(scope(text, { op: 'set', path: ['spec', 'tasks'], value: undefined })).toEqual([2, 4]);
    expect(scope(text, { op: 'set', path: ['spec', 'tasks'], value: 5 })).toEqual([4, 4]);
    // And the blank lines below it: removing the pair with the blank line above reads the same.
    const spaced = 'a:\n  b: 1\n\n  c: 2\n\n  d: 3\n';
    expect(scope(spaced, { op: 'clear', path: ['a', 'c'] })).toEqual([2, 4]);
    expect(scope(spaced, { op: 'clear', path: ['a', 'd'] })).toEqual([4, 5]);
  });

  it('count removing the last item of a list as removing the list, and its mapping when left empty', () => {
    const text = 'spec:\n  containers:\n  - image: a\n    securityContext:\n      capabilities:\n        add:\n        - SYS_ADMIN\n';
    const path = ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'];
    expect(scope(text, { op: 'remove', path, index: 0 })).toEqual([3, 6]);
    const two = text.replace('        - SYS_ADMIN\n', '        - SYS_ADMIN\n        - NET_ADMIN\n');
    expect(scope(two, { op: 'remove', path, index: 0 })).toEqual([5, 7]);
  });

  it('take in the lines of a flow collection on the path, whose separators move', () => {
    const text = 'spec:\n  containers:\n  - image: a\n    environment: {\n      A: "1",\n      B: "2"\n    }\n';
    expect(scope(text, { op: 'clear', path: ['spec', 'containers', 0, 'environment', 'B'] })).toEqual([3, 6]);
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
    expect(linesRewrittenOutside(text, 'a: 1\nb: 9\nc: 4\n', [1, 1])).toEqual([2, 2]);
    expect(linesRewrittenOutside(text, 'a: 0\nb: 9\nc: 4\n', [1, 1])).toEqual([0, 0]);
    expect(linesRewrittenOutside(text, 'a: 1\nb: 2\n', [1, 1])).toEqual([2, 2]);
    expect(linesRewrittenOutside(text, 'a: 1\nb: 2\nc: 3 # x\n', [0, -1])).toEqual([2, 2]);
  });

  it('count a last line that only gains or loses its line break (LF or CRLF) as the same line', () => {
    expect(linesRewrittenOutside('a: 1\nb: 2', 'a: 1\nb: 2\nc: 3\n', [0, -1])).toBeUndefined();
    expect(linesRewrittenOutside('a: 1\r\nb: 2', 'a: 1\r\nb: 2\r\nc: 3', [0, -1])).toBeUndefined();
    expect(linesRewrittenOutside('a: 1\nb: 2\n', 'a: 1', [1, 1])).toBeUndefined();
  });
});
