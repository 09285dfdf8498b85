import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseAllDocuments, parseDocument, type Document, type Pair } from 'yaml';
import { parseSpecText } from '../parse/index.ts';
import {
  EDIT_PARSE_OPTIONS,
  childOf,
  detectLayout,
  effectivePair,
  insertAfter,
  insertBefore,
  keyName,
  mapUnder,
  newPair,
  nodeAt,
  plainJson,
  removeAt,
  removeKey,
  removePair,
  renameKeyInMap,
  repeatedKeys,
  setPairKey,
  usesAliases,
} from './yamlDocument.ts';

const read = (text: string) => parseDocument(text, EDIT_PARSE_OPTIONS);
const root = (doc: Document) => {
  if (!isMap(doc.contents)) throw new Error('not a mapping');
  return doc.contents;
};
const at = (doc: Document, ...path: (string | number)[]) => {
  const node = nodeAt(doc, path);
  if (!isMap(node)) throw new Error(`no mapping at ${path.join('.')}`);
  return node;
};
const scalar = (value: unknown) => (isScalar(value) ? value.value : value);
const out = (doc: Document) => doc.toString({ lineWidth: 0 });

describe('EDIT_PARSE_OPTIONS', () => {
  it('reads YAML 1.1 even under a %YAML 1.2 directive, and allows repeated keys, as the parser does', () => {
    const text = '%YAML 1.2\n---\na: yes\nb: on\nb: off\n';
    const doc = read(text);
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toEqual({ a: true, b: false });
    expect(doc.toJS()).toEqual(parseSpecText(text).value);
  });

  it('writes a string that YAML 1.1 reads as a boolean in quotes', () => {
    const doc = read('%YAML 1.2\n---\na: 1\n');
    root(doc).items.push(newPair(doc, 'b', 'no'));
    expect(out(doc)).toContain('b: "no"');
  });
});

describe('keyName', () => {
  it('spells every key as the parser does', () => {
    const text = 'yes: 1\n0x10: 2\n2001-12-14: 3\n1_000: 4\n"quoted": 5\n.inf: 6\n0o17: 7\n012: 8\n';
    const names = root(read(text)).items.map((p) => keyName(p.key));
    expect(names).toEqual(['true', '16', '2001-12-14', '1000', 'quoted', '.inf', '15', '10']);
    expect([...names].sort()).toEqual(Object.keys(parseSpecText(text).value as object).sort());
  });

  it('has no name for a key the parser cannot read, and takes keys created in code as they are', () => {
    const map = root(read('~: 1\n[a]: 2\n'));
    expect(map.items.map((p) => keyName(p.key))).toEqual([undefined, undefined]);
    expect([keyName('a'), keyName(3), keyName(true), keyName(null)]).toEqual(['a', '3', 'true', undefined]);
  });
});

describe('effectivePair', () => {
  it('is the last of repeated keys, the one the parser keeps, not the one the yaml package gets', () => {
    const text = 'a: 1\nb: 2\na: 3\n';
    const map = root(read(text));
    expect(scalar(effectivePair(map, 'a')?.value)).toBe(3);
    expect((parseSpecText(text).value as { a: unknown }).a).toBe(3);
    expect(map.get('a')).toBe(1);
  });

  it('finds a key by the parser spelling, whatever it was written as', () => {
    const text = 'yes: 1\ntrue: 2\n0x10: 3\n';
    const map = root(read(text));
    expect(scalar(effectivePair(map, 'true')?.value)).toBe(2);
    expect(scalar(effectivePair(map, 16)?.value)).toBe(3);
    expect(parseSpecText(text).value).toEqual({ true: 2, 16: 3 });
    expect(effectivePair(map, 'yes')).toBeUndefined();
  });
});

describe('mapUnder, childOf and nodeAt', () => {
  const doc = read('spec:\n  c: [o]\n  s: text\nspec:\n  c: [p, q]\n  m: {k: v}\n');

  it('follow the pair that counts and list indices', () => {
    expect(scalar(nodeAt(doc, ['spec', 'c', 1]))).toBe('q');
    expect(scalar(childOf(nodeAt(doc, ['spec', 'c']), 0))).toBe('p');
    expect(mapUnder(at(doc, 'spec'), 'm')?.toJSON()).toEqual({ k: 'v' });
  });

  it('find nothing where a step is missing or of the other kind', () => {
    expect(nodeAt(doc, ['spec', 's'])).toBeUndefined();
    expect(nodeAt(doc, ['spec', 'c', 2])).toBeUndefined();
    expect(nodeAt(doc, ['spec', 0])).toBeUndefined();
    expect(childOf(nodeAt(doc, ['spec', 'c']), '0')).toBeUndefined();
    expect(mapUnder(at(doc, 'spec'), 'c')).toBeUndefined();
    expect(mapUnder(undefined, 'c')).toBeUndefined();
  });
});

describe('removeKey', () => {
  it('removes every repeat of the key and keeps the comments of the other pairs', () => {
    const doc = read('m:\n  a: 1\n  # about b\n  b: 2 # b it is\n  a: 3\n');
    expect(removeKey(at(doc, 'm'), 'a')).toBe(true);
    expect(out(doc)).toBe('m:\n  # about b\n  b: 2 # b it is\n');
  });

  it('is false and changes nothing when the key is not there', () => {
    const text = 'm:\n  # about a\n  a: 1\n';
    const doc = read(text);
    expect(removeKey(at(doc, 'm'), 'b')).toBe(false);
    expect(out(doc)).toBe(text);
  });

  it('takes the comment above the first pair with it, unless told to keep it', () => {
    const text = 'm:\n  # about a\n  a: 1\n  b: 2\n';
    const dropped = read(text);
    removeKey(at(dropped, 'm'), 'a');
    expect(out(dropped)).toBe('m:\n  b: 2\n');
    const kept = read(text);
    removeKey(at(kept, 'm'), 'a', { keepMappingComment: true });
    expect(out(kept)).toBe('m:\n  # about a\n  b: 2\n');
  });

  it('removes a pair of a flow mapping and keeps the comment after it', () => {
    const doc = read('m: {a: 1, b: 2} # flow\n');
    removeKey(at(doc, 'm'), 'a');
    expect(out(doc)).toBe('m: { b: 2 } # flow\n');
  });
});

describe('removeAt', () => {
  it('removes a list item or a key at a path, and reports what is not there', () => {
    const doc = read('spec:\n  list: [a, b, c]\n  keep: 1\n  drop: 2\n');
    expect(removeAt(doc, ['spec', 'list', 1])).toBe(true);
    expect(removeAt(doc, ['spec', 'drop'])).toBe(true);
    expect(removeAt(doc, ['spec', 'list', 5])).toBe(false);
    expect(removeAt(doc, ['spec', 'missing'])).toBe(false);
    expect(removeAt(doc, ['nowhere', 'x'])).toBe(false);
    expect(removeAt(doc, [])).toBe(false);
    expect(doc.toJS()).toEqual({ spec: { list: ['a', 'c'], keep: 1 } });
  });
});

describe('removePair', () => {
  it('removes exactly the pair given, even when its key is repeated', () => {
    const doc = read('spec:\n  a: 1 # first\n  a: 2 # second\n');
    const first = at(doc, 'spec').items[0] as Pair;
    removePair(doc, first);
    expect(out(doc)).toBe('spec:\n  a: 2 # second\n');
  });
});

describe('renameKeyInMap', () => {
  it.each([
    ['keeps the place, value, comments and quoting of the key', 'm:\n  a: 0\n  # before b\n  "b": 2 # after b\n  c: 3\n', 'm:\n  a: 0\n  # before b\n  "d": 2 # after b\n  c: 3\n'],
    ['renames the pair that counts and drops the earlier repeats, which would come back as the value', 'm:\n  b: 1\n  c: 3\n  b: 2\n', 'm:\n  c: 3\n  d: 2\n'],
    ['renames in a flow mapping', 'm: {b: 1, c: 2}\n', 'm: { d: 1, c: 2 }\n'],
  ])('%s', (_, text, expected) => {
    const doc = read(text);
    renameKeyInMap(at(doc, 'm'), 'b', 'd');
    expect(out(doc)).toBe(expected);
  });

  it('refuses a name that is taken and a key that is not there, and does nothing for the same name', () => {
    const doc = read('a: 1\nb: 2\n');
    expect(() => renameKeyInMap(root(doc), 'a', 'b')).toThrow('"b" is already there.');
    expect(() => renameKeyInMap(root(doc), 'x', 'y')).toThrow('"x" is not there.');
    renameKeyInMap(root(doc), 'a', 'a');
    expect(out(doc)).toBe('a: 1\nb: 2\n');
  });
});

describe('setPairKey', () => {
  it('writes the new name plain, keeping the comments and position of the key', () => {
    const doc = read('commands:\n  # hooks\n  "pre": echo hi # run first\n  post: echo bye\n');
    setPairKey(at(doc, 'commands').items[0] as Pair, 'servicePre');
    expect(out(doc)).toBe('commands:\n  # hooks\n  servicePre: echo hi # run first\n  post: echo bye\n');
  });

  it('still gets quotes where a plain name would read as something else', () => {
    const doc = read('a: 1\n');
    setPairKey(root(doc).items[0] as Pair, 'on');
    expect(out(doc)).toBe('"on": 1\n');
  });
});

describe('insertAfter and insertBefore', () => {
  it('put a pair next to the pair that counts for a key, or at the end', () => {
    const doc = read('a: 1\nb: 2\na: 3\nc: 4\n');
    insertAfter(root(doc), 'a', newPair(doc, 'x', 0));
    insertAfter(root(doc), 'missing', newPair(doc, 'y', 0));
    insertBefore(root(doc), 'b', newPair(doc, 'w', 0));
    insertBefore(root(doc), 'missing', newPair(doc, 'z', 0));
    expect(root(doc).items.map((p) => keyName(p.key))).toEqual(['a', 'w', 'b', 'a', 'x', 'c', 'y', 'z']);
  });

  it('set a pair inserted before a key that starts a paragraph off by a blank line', () => {
    const doc = read('a: 1\n\n# section\nb: 2\nc: 3\n');
    insertBefore(root(doc), 'b', newPair(doc, 'x', 0));
    insertBefore(root(doc), 'c', newPair(doc, 'z', 0));
    expect(out(doc)).toBe('a: 1\n\nx: 0\n\n# section\nb: 2\nz: 0\nc: 3\n');
  });
});

describe('usesAliases', () => {
  it('is true for an alias anywhere and false without', () => {
    expect(usesAliases(read('a: &x 1\nb:\n  - c: *x\n'))).toBe(true);
    expect(usesAliases(read('a: 1\nb:\n  - c: 2\n'))).toBe(false);
  });

  it('is true for a merge key, also one that merges a mapping written in place, and false for a quoted "<<" key', () => {
    expect(usesAliases(read('base: &b {x: 1}\na:\n  <<: *b\n'))).toBe(true);
    expect(usesAliases(read('a:\n  <<: {b: 1}\n  c: 2\n'))).toBe(true);
    expect(usesAliases(read('a:\n  <<: [{b: 1}, {c: 2}]\n'))).toBe(true);
    // Quoted, it is an ordinary key named "<<": the parser merges nothing.
    expect(usesAliases(read('a:\n  "<<": 1\n'))).toBe(false);
  });
});

describe('repeatedKeys', () => {
  it('lists every pair but one of each repeated key; removing them leaves the value the parser reads', () => {
    const text = 'spec:\n  list:\n    - a: 1 # first\n      a: 2\n      a: 1\n  b: 1\n';
    const doc = read(text);
    const repeated = repeatedKeys(doc);
    expect(repeated.map(({ path, sameValue }) => ({ path, sameValue }))).toEqual([
      { path: ['spec', 'list', 0, 'a'], sameValue: false },
      { path: ['spec', 'list', 0, 'a'], sameValue: true },
    ]);
    for (const { pair } of repeated) removePair(doc, pair);
    // The first of the pairs with the value that counts stays, with its comment.
    expect(out(doc)).toBe('spec:\n  list:\n    - a: 1 # first\n  b: 1\n');
    expect(parseSpecText(out(doc)).value).toEqual(parseSpecText(text).value);
  });

  it('counts keys spelled differently as the same key, as the parser does', () => {
    const repeated = repeatedKeys(read('yes: 1\ntrue: 2\n'));
    expect(repeated.map((r) => r.path)).toEqual([['true']]);
  });
});

describe('plainJson', () => {
  const docs = (text: string) => parseAllDocuments(text, EDIT_PARSE_OPTIONS) as Document[];

  it('is equal for texts that differ only in comments and layout, and different for other values', () => {
    const a = plainJson(docs('a: 1 # one\nb: [x, y]\n---\nc: 2\n'));
    expect(a).toBe(plainJson(docs('a: 1\nb:\n  - x\n  - y\n---\n# c\nc: 2\n')));
    expect(a).not.toBe(plainJson(docs('a: 1\nb: [x, y]\n')));
    expect(a).not.toBe(plainJson(docs('a: 1\nb: [x, z]\n---\nc: 2\n')));
  });

  it('is undefined for a document with errors or with more aliases than the yaml package expands', () => {
    expect(plainJson(docs('a: [1\n'))).toBeUndefined();
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]'];
    expect(plainJson(docs(`${bomb.join('\n')}\n`))).toBeUndefined();
  });
});

describe('detectLayout', () => {
  it('reads the indentation step and whether list items are indented under their key', () => {
    expect(detectLayout('spec:\n    size: 2\n    containers:\n    - image: a\n')).toEqual({ indent: 4, indentSeq: false });
    expect(detectLayout('spec:\n  # items\n  containers:\n\n    - image: a\n')).toEqual({ indent: 2, indentSeq: true });
  });

  it('falls back to two spaces and indented lists when the text does not show them', () => {
    expect(detectLayout('a: 1\nb: 2\n')).toEqual({ indent: 2, indentSeq: true });
    expect(detectLayout('a:\n          b: 1\n')).toEqual({ indent: 2, indentSeq: true });
  });
});
