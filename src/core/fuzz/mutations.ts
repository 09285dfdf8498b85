/**
 * The fuzz suite's inputs: our own specs (the test fixtures and the app's presets), changed by a
 * few mutations each. A mutation is plain data (a mutator's name and some numbers), so that a
 * failing case prints as JSON, shrinks (fewer mutations, smaller numbers) and replays exactly.
 *
 * Text mutations change characters and lines; document mutations parse the text with `yaml`,
 * change the node tree and print it again. Numbers pick positions modulo what there is, so any
 * number fits any text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import { fixtures } from '../testing/fixtures.ts';

export interface Base {
  name: string;
  text: string;
}

const presetsDir = fileURLToPath(new URL('../../app/presets', import.meta.url));

/** Every spec the mutations start from: both versions' fixtures, then the app's presets. */
export const BASES: readonly Base[] = [
  ...fixtures('v1alpha2').map((f) => ({ name: `fixtures/v1alpha2/${f.name}`, text: f.text })),
  ...fixtures('v1alpha1').map((f) => ({ name: `fixtures/v1alpha1/${f.name}`, text: f.text })),
  ...readdirSync(presetsDir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ name: `presets/${file}`, text: readFileSync(join(presetsDir, file), 'utf8') })),
];

/** One mutation: which mutator, and the numbers it picks its position and variant with. */
export interface Mutation {
  m: MutatorName;
  a: number;
  b: number;
  /** Free text some mutators insert. */
  s?: string;
}

interface Mutator {
  level: 'text' | 'document';
  apply: (text: string, mutation: Mutation) => string;
}

// ---------------------------------------------------------------------------------------------
// Material the mutators insert.

/** Characters that a terminal, an editor or a YAML reader treats specially. */
export const SPECIAL_CHARS = [
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\r', '\u001b', '\u001b[31m', '\u007f', '\u0085', '\u009b',
  '\u00a0', '\u2028', '\u2029', '\u200b', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\ufffe', '\uffff',
  '\ud800', '\udfff', '🚀', 'e\u0301', 'ß', 'İ', 'ﬁ', 'א', '中文', '\u0000\u001b]0;title\u0007',
];

/** Scalars that read as something else than they look, or sit at the edge of a type. */
const ODD_SCALARS = [
  'null', '~', '', 'yes', 'No', 'on', 'OFF', 'y', 'true', 'True', '0', '-1', '-0', '0.0', '1e3', '1e309', '-1e309', '.inf', '-.Inf', '.nan', 'NaN',
  '0x1F', '0o17', '017', '0b101', '1_000', '9007199254740993', '2147483648', '-2147483649', '99999999999999999999', '1:20', '12:30:45',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '"quoted"', "'single'", '- item', 'a: b', '[1, 2]', '{a: 1}', '# not a comment', '&anchor', '*alias',
  '!tag', '|', '>', '@at', '`tick`', '%percent', '? key', ' leading', 'trailing ', '\ttab', 'line1\nline2', 'a\r\nb', 'a\rb',
];

/** YAML tags, the standard ones of YAML 1.1 and 1.2 and local ones. */
const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!!set', '!!omap', '!!pairs', '!x', '!', '!<tag:example.com,2000:x>', '!!python/object', '!e!x'];
const BINARY_TAGS = ['!!binary'];
const TIMESTAMP_TAGS = ['!!timestamp'];

/** Lines inserted as they are: document markers, directives and other YAML structure. */
const SNIPPETS = [
  '---', '...', '--- !!map', '--- |', '--- >', '---\n---', '...\n---', '%YAML 1.1\n---', '%YAML 1.2\n---', '%YAML 1.3\n---', '%YAML 2.0\n---', '%TAG ! tag:example.com,2000:\n---',
  '%TAG !e! tag:example.com,2000:app/\n---', '%FOO bar\n---', '%YAML 1.1\n%YAML 1.1\n---', '# comment', '#', '', '  ', '\t', '- item', '? complex key\n: value', '? [a, b]\n: c',
  '<<: {size: 3}', '<<: *missing', '<<: []', '<<: [1, 2]', '<<: null', '<<:', 'x: &a {size: 2}\n<<: *a', 'spec:', 'spec: null', 'metadata: {name: other}', 'apiVersion: v1',
  'kind: ConfigMap', 'kind: MiniCluster', 'apiVersion: flux-framework.org/v1alpha1', 'apiVersion: flux-framework.org/v1alpha2', 'key: "unterminated', "key: 'unterminated", 'key: [1, 2',
  'key: {a: 1', 'key: |\n  block\n   more', 'key: >-\n  folded', '&anchor key: value', '*alias : value', '!!null : value', '"quoted key": 1', '? |\n  block key\n: v',
  'size: 1\nsize: 2', 'a: b: c', 'a:b', ': no key', '- - - nested', 'key: @reserved', 'key: `reserved`',
];

const DEPTHS = [3, 20, 100, 500, 2000];
const LENGTHS = [100, 1000, 10_000, 100_000];

const pick = <T>(list: readonly T[], n: number): T => list[Math.abs(n) % list.length] as T;

// ---------------------------------------------------------------------------------------------
// Text mutations.

/** Lines with their line breaks, so that joining them gives the text back byte for byte. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function editLines(text: string, edit: (lines: string[]) => void): string {
  const lines = linesOf(text);
  edit(lines);
  return lines.join('');
}

/** Where a `key: value` line's value starts, or -1. */
function valueStart(line: string): number {
  const match = /^(\s*(?:- )?[^\s#:][^:#]*:)[ \t]+\S/.exec(line);
  return match ? (match[1] as string).length + 1 : -1;
}

/** The index of a line at or after `from` (wrapping) that has a `key: value`, or -1. */
function valueLine(lines: readonly string[], from: number): number {
  for (let k = 0; k < lines.length; k++) {
    const i = (Math.abs(from) + k) % lines.length;
    if (valueStart(lines[i] as string) >= 0) return i;
  }
  return -1;
}

function insertBeforeValue(text: string, line: number, insert: string): string {
  return editLines(text, (lines) => {
    const i = valueLine(lines, line);
    if (i < 0) return;
    const l = lines[i] as string;
    const at = valueStart(l);
    lines[i] = `${l.slice(0, at)}${insert} ${l.slice(at)}`;
  });
}

const insertLine = (text: string, at: number, line: string): string =>
  editLines(text, (lines) => {
    lines.splice(Math.abs(at) % (lines.length + 1), 0, `${line}\n`);
  });

/** A line's indentation, to insert a new line at the same level. */
const indentAt = (text: string, at: number): string => {
  const lines = linesOf(text);
  return /^[ \t]*/.exec(lines[Math.abs(at) % Math.max(lines.length, 1)] ?? '')?.[0] ?? '';
};

const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

const textMutators = {
  /** A special character anywhere. */
  insertChar: (text, { a, b }) => {
    const at = Math.abs(a) % (text.length + 1);
    return text.slice(0, at) + pick(SPECIAL_CHARS, b) + text.slice(at);
  },
  /** Free text anywhere (fast-check's unicode strings). */
  insertText: (text, { a, s }) => {
    const at = Math.abs(a) % (text.length + 1);
    return text.slice(0, at) + (s ?? '') + text.slice(at);
  },
  /** A structural line (marker, directive, merge key, broken flow collection) between two lines. */
  insertSnippet: (text, { a, b }) => insertLine(text, a, indentAt(text, a) + pick(SNIPPETS, b)),
  /** The same line at the document's top level. */
  insertSnippetTop: (text, { a, b }) => insertLine(text, a, pick(SNIPPETS, b)),
  deleteLine: (text, { a }) => editLines(text, (lines) => void lines.splice(Math.abs(a) % Math.max(lines.length, 1), 1)),
  /** A repeated line: a duplicate key or list item. */
  duplicateLine: (text, { a }) =>
    editLines(text, (lines) => {
      const i = Math.abs(a) % Math.max(lines.length, 1);
      if (lines[i] !== undefined) lines.splice(i, 0, lines[i].endsWith('\n') ? lines[i] : `${lines[i]}\n`);
    }),
  swapLines: (text, { a }) =>
    editLines(text, (lines) => {
      const i = Math.abs(a) % Math.max(lines.length - 1, 1);
      const [x, y] = [lines[i], lines[i + 1]];
      if (x !== undefined && y !== undefined && x.endsWith('\n') && y.endsWith('\n')) [lines[i], lines[i + 1]] = [y, x];
    }),
  /** A line moved in or out by some spaces, or indented with a tab. */
  reindent: (text, { a, b }) =>
    editLines(text, (lines) => {
      const i = Math.abs(a) % Math.max(lines.length, 1);
      const l = lines[i];
      if (l === undefined) return;
      lines[i] = pick([(x: string) => `  ${x}`, (x: string) => x.replace(/^ {1,2}/, ''), (x: string) => `\t${x}`, (x: string) => ` ${x}`, (x: string) => x.trimStart()], b)(l);
    }),
  /** The text cut short. */
  truncate: (text, { a }) => text.slice(0, Math.abs(a) % (text.length + 1)),
  /** Line breaks as CRLF or CR, a byte-order mark, no final newline. */
  lineEnds: (text, { b }) =>
    pick([(t: string) => t.replace(/\n/g, '\r\n'), (t: string) => t.replace(/\n/g, '\r'), (t: string) => `\ufeff${t}`, (t: string) => t.replace(/\n+$/, ''), (t: string) => t.replace(/\n/g, '\u2028'), (t: string) => t.replace(/\n/g, '\u0085')], b)(text),
  /** A tag in front of a value. */
  tagValue: (text, { a, b }) => insertBeforeValue(text, a, pick(TAGS, b)),
  tagBinary: (text, { a, b }) => insertBeforeValue(text, a, pick(BINARY_TAGS, b)),
  tagTimestamp: (text, { a, b }) => insertBeforeValue(text, a, pick(TIMESTAMP_TAGS, b)),
  /** An anchor on one value and an alias to it as another value. */
  anchorAliasText: (text, { a, b }) =>
    editLines(text, (lines) => {
      const i = valueLine(lines, a);
      const j = valueLine(lines, b);
      if (i < 0 || j < 0) return;
      const li = lines[i] as string;
      const at = valueStart(li);
      lines[i] = `${li.slice(0, at)}&fz ${li.slice(at)}`;
      const lj = lines[j] as string;
      lines[j] = `${lj.slice(0, valueStart(lj))}*fz${lj.endsWith('\n') ? '\n' : ''}`;
    }),
  /** Deeply nested flow or block collections as a value. */
  deepNestText: (text, { a, b }) => {
    const depth = pick(DEPTHS, b);
    const value = pick(
      [nested(depth, '[', ']'), nested(depth, '{a: ', '}'), '['.repeat(depth), '{'.repeat(depth), `${'- '.repeat(Math.min(depth, 200))}x`, nested(depth, '[{a: ', '}]')],
      Math.floor(Math.abs(b) / DEPTHS.length),
    );
    return insertLine(text, a, `${indentAt(text, a)}fuzzDeep: ${value}`);
  },
  /** A second document: another base spec, or this one again. */
  appendDocument: (text, { a, b }) => {
    const other = pick(BASES, a).text;
    const sep = pick(['---\n', '...\n---\n', '\n---\n', '...\n%YAML 1.1\n---\n', '--- \n', '---\r\n'], b);
    return text + (text.endsWith('\n') || text === '' ? '' : '\n') + sep + other;
  },
  /** A very long key or value. */
  longLine: (text, { a, b }) => {
    const length = pick(LENGTHS, b);
    const long = pick(['k', 'é', '🚀', 'a b '], Math.floor(Math.abs(b) / LENGTHS.length)).repeat(length);
    return Math.floor(Math.abs(b) / 16) % 2 === 0 ? insertLine(text, a, `${indentAt(text, a)}${long}: 1`) : insertBeforeValue(text, a, long);
  },
} satisfies Record<string, Mutator['apply']>;

// ---------------------------------------------------------------------------------------------
// Document mutations: parse, change one node, print again. A text that does not parse as YAML,
// or a change `yaml` cannot print, leaves the text as it was.

interface Slot {
  /** The collection holding the node. */
  parent: YAMLMap | YAMLSeq;
  index: number;
  node: unknown;
  depth: number;
}

function slotsOf(doc: Document): Slot[] {
  const out: Slot[] = [];
  const walk = (node: unknown, depth: number) => {
    if (!isMap(node) && !isSeq(node)) return;
    node.items.forEach((item, index) => {
      const value = isPair(item) ? item.value : item;
      out.push({ parent: node as YAMLMap | YAMLSeq, index, node: value, depth });
      walk(value, depth + 1);
    });
  };
  walk(doc.contents, 0);
  return out;
}

function replaceIn(slot: Slot, node: unknown): void {
  const item = slot.parent.items[slot.index];
  if (isPair(item)) item.value = node;
  else (slot.parent.items as unknown[])[slot.index] = node;
}

function printDocuments(docs: readonly Document[]): string {
  return docs.map((d, i) => {
    const text = d.toString();
    return i > 0 && !/^(?:---|%)/.test(text) ? `---\n${text}` : text;
  }).join('');
}

/** Applies `change` to one document of the text (the `a`-th), or returns the text unchanged. */
function onDocument(text: string, a: number, change: (doc: Document, slots: Slot[]) => void): string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length === 0 || docs.some((d) => d.errors.length > 0)) return text;
  const doc = docs[Math.abs(a) % docs.length] as Document;
  try {
    change(doc, slotsOf(doc));
    return printDocuments(docs);
  } catch {
    return text;
  }
}

/** Applies `change` to one node (the `a`-th, of the `a / 1000`-th document). */
function onSlot(text: string, { a }: Mutation, change: (doc: Document, slot: Slot, slots: Slot[]) => void): string {
  return onDocument(text, Math.floor(Math.abs(a) / 1000), (doc, slots) => {
    const slot = slots.length > 0 ? pick(slots, a) : undefined;
    if (slot) change(doc, slot, slots);
  });
}

function retyped(doc: Document, node: unknown, variant: number): unknown {
  const scalar = (value: unknown) => doc.createNode(value);
  switch (Math.abs(variant) % 10) {
    case 0: return scalar(null);
    case 1: return new YAMLMap();
    case 2: return new YAMLSeq();
    case 3: return scalar(pick(ODD_SCALARS, variant >> 4));
    case 4: return scalar(pick([0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -0, 1e300, Number.NaN, Number.POSITIVE_INFINITY], variant >> 4));
    case 5: return scalar(isScalar(node) ? String(node.value) : 'text');
    case 6: return scalar(pick([true, false], variant >> 4));
    case 7: { const seq = new YAMLSeq(); seq.items.push(node); return seq; }
    case 8: { const map = new YAMLMap(); map.items.push(new Pair(doc.createNode('value'), node)); return map; }
    default:
      if (isMap(node)) return (node.items[0] as Pair | undefined)?.value ?? null;
      if (isSeq(node)) return node.items[0] ?? null;
      return scalar(Number(isScalar(node) ? node.value : 0));
  }
}

function deepNode(doc: Document, depth: number, variant: number): unknown {
  let node: unknown = doc.createNode('leaf');
  for (let i = 0; i < depth; i++) {
    if (variant % 2 === 0) {
      const seq = new YAMLSeq();
      seq.items.push(node);
      if (variant % 4 === 2) seq.flow = true;
      node = seq;
    } else {
      const map = new YAMLMap();
      map.items.push(new Pair(doc.createNode('a'), node));
      if (variant % 4 === 3) map.flow = true;
      node = map;
    }
  }
  return node;
}

function tagged(tags: readonly string[]) {
  return (text: string, mutation: Mutation) =>
    onSlot(text, mutation, (_doc, slot) => {
      if (slot.node && typeof slot.node === 'object' && 'tag' in (slot.node as object)) (slot.node as Scalar).tag = pick(tags, mutation.b);
    });
}

const documentMutators = {
  /** Scalar ↔ map ↔ list, numbers ↔ strings, null. */
  retype: (text, mutation) => onSlot(text, mutation, (doc, slot) => replaceIn(slot, retyped(doc, slot.node, mutation.b))),
  /** A key or a list item removed. */
  deleteNode: (text, mutation) => onSlot(text, mutation, (_doc, slot) => void slot.parent.items.splice(slot.index, 1)),
  /** A pair repeated, with its value or another one. */
  duplicateKey: (text, mutation) =>
    onSlot(text, mutation, (doc, slot) => {
      const item = slot.parent.items[slot.index];
      if (!isPair(item)) return;
      const value = mutation.b % 2 === 0 ? (isNode(item.value) ? item.value.clone() : item.value) : retyped(doc, item.value, mutation.b >> 1);
      (slot.parent as YAMLMap).items.splice(slot.index + (mutation.b % 3 === 0 ? 0 : 1), 0, new Pair(item.key, value));
    }),
  /** A tag set on a node, as the document printer writes it. */
  tagNode: tagged(TAGS),
  tagNodeBinary: tagged(BINARY_TAGS),
  tagNodeTimestamp: tagged(TIMESTAMP_TAGS),
  /** An anchor on one node and an alias to it in place of another (which may contain the anchor). */
  anchorAlias: (text, mutation) =>
    onSlot(text, mutation, (doc, target, slots) => {
      const source = pick(slots, mutation.b);
      if (!source.node || typeof source.node !== 'object' || isAlias(source.node)) return;
      const node = source.node as Node;
      node.anchor ??= 'fz';
      replaceIn(target, doc.createAlias(node as never, node.anchor));
    }),
  /** A merge key (`<<`) in a mapping: an alias, a list of aliases, a mapping written in place, or nonsense. */
  mergeKey: (text, mutation) =>
    onSlot(text, mutation, (doc, slot, slots) => {
      const map = isMap(slot.node) ? slot.node : slot.parent;
      if (!isMap(map)) return;
      const source = pick(slots, mutation.b >> 3);
      let value: unknown;
      switch (Math.abs(mutation.b) % 6) {
        case 0:
        case 1: {
          if (!isMap(source.node) || source.node === map) return;
          source.node.anchor ??= 'base';
          value = mutation.b % 6 === 0 ? doc.createAlias(source.node, source.node.anchor) : Object.assign(new YAMLSeq(), { items: [doc.createAlias(source.node, source.node.anchor)], flow: true });
          break;
        }
        case 2: value = doc.createNode({ size: 3, name: 'merged', image: 'busybox' }); break;
        case 3: value = doc.createNode(pick(ODD_SCALARS, mutation.b >> 3)); break;
        case 4: value = doc.createNode([1, 'two', null]); break;
        default: value = retyped(doc, source.node, mutation.b >> 3);
      }
      map.items.splice(Math.abs(mutation.b) % (map.items.length + 1), 0, new Pair(doc.createNode('<<'), value));
    }),
  /** A node replaced by deeply nested lists or maps, flow or block. */
  deepNest: (text, mutation) => onSlot(text, mutation, (doc, slot) => replaceIn(slot, deepNode(doc, pick(DEPTHS, mutation.b), Math.floor(Math.abs(mutation.b) / DEPTHS.length)))),
  /** A very long string value. */
  longString: (text, mutation) =>
    onSlot(text, mutation, (doc, slot) => replaceIn(slot, doc.createNode(pick(['x', 'é', '🚀', 'word ', 'line\n', '\\'], mutation.b >> 2).repeat(pick(LENGTHS, mutation.b))))),
  /** A very long key. */
  longKey: (text, mutation) =>
    onSlot(text, mutation, (doc, slot) => {
      const item = slot.parent.items[slot.index];
      if (isPair(item)) item.key = doc.createNode(pick(['k', 'é', '🚀', 'K-'], mutation.b >> 2).repeat(pick(LENGTHS, mutation.b)));
    }),
  /** A special character inside a value (printed escaped, in double quotes, where YAML needs it). */
  controlCharValue: (text, mutation) =>
    onSlot(text, mutation, (doc, slot) => {
      const old = isScalar(slot.node) ? String(slot.node.value) : 'value';
      const at = Math.abs(mutation.b >> 6) % (old.length + 1);
      replaceIn(slot, doc.createNode(old.slice(0, at) + pick(SPECIAL_CHARS, mutation.b) + old.slice(at)));
    }),
  /** A special character inside a key. */
  controlCharKey: (text, mutation) =>
    onSlot(text, mutation, (doc, slot) => {
      const item = slot.parent.items[slot.index];
      if (!isPair(item)) return;
      const old = isScalar(item.key) ? String(item.key.value) : 'key';
      const at = Math.abs(mutation.b >> 6) % (old.length + 1);
      item.key = doc.createNode(old.slice(0, at) + pick(SPECIAL_CHARS, mutation.b) + old.slice(at));
    }),
  /** A key renamed to something close (a typo, another case, a number, null, a collection). */
  renameKey: (text, mutation) =>
    onSlot(text, mutation, (doc, slot) => {
      const item = slot.parent.items[slot.index];
      if (!isPair(item)) return;
      const old = isScalar(item.key) ? String(item.key.value) : 'key';
      const variants = [old.toUpperCase(), `${old} `, ` ${old}`, old.slice(1), `${old}s`, old.split('').reverse().join(''), '1', '', 'null', '<<', '__proto__', 'constructor', 'hasOwnProperty'];
      const variant = Math.abs(mutation.b) % (variants.length + 3);
      item.key = variant < variants.length ? doc.createNode(variants[variant]) : pick([null, doc.createNode([old]), doc.createNode({ [old]: 1 })], variant);
    }),
  /** A value replaced by free text (fast-check's unicode strings). */
  stringValue: (text, mutation) => onSlot(text, mutation, (doc, slot) => replaceIn(slot, doc.createNode(mutation.s ?? ''))),
  /** A list's items in another order, or one of them twice. */
  reorderItems: (text, mutation) =>
    onSlot(text, mutation, (_doc, slot) => {
      const seq = isSeq(slot.node) ? slot.node : isMap(slot.node) ? slot.node : undefined;
      if (!seq || seq.items.length === 0) return;
      const items = seq.items as unknown[];
      if (mutation.b % 2 === 0) items.reverse();
      else items.push(items[Math.abs(mutation.b) % items.length]);
    }),
  /** The whole document made a flow collection (`{...}`), or every collection block style. */
  restyle: (text, mutation) =>
    onDocument(text, mutation.a, (_doc, slots) => {
      for (const slot of slots) {
        if ((isMap(slot.node) || isSeq(slot.node)) && (mutation.b % 3 === 0 || slot.depth === Math.abs(mutation.b) % 4)) slot.node.flow = mutation.b % 2 === 0;
      }
    }),
} satisfies Record<string, Mutator['apply']>;

export type MutatorName = keyof typeof textMutators | keyof typeof documentMutators;

export const MUTATORS: Readonly<Record<MutatorName, Mutator>> = {
  ...(Object.fromEntries(Object.entries(textMutators).map(([name, apply]) => [name, { level: 'text', apply }])) as Record<keyof typeof textMutators, Mutator>),
  ...(Object.fromEntries(Object.entries(documentMutators).map(([name, apply]) => [name, { level: 'document', apply }])) as Record<keyof typeof documentMutators, Mutator>),
};

export const MUTATOR_NAMES = Object.keys(MUTATORS) as MutatorName[];

/**
 * Defects that are known and being fixed elsewhere, and how the CI run passes over them: it leaves
 * out the `mutators` (those whose cases crash or throw), and accepts failures that match `failure`
 * (for defects that many mutators reach). `npm run fuzz` passes over nothing unless given
 * `--skip-known`. Empty this list as the fixes land.
 */
export interface KnownOpen {
  defect: string;
  mutators?: readonly MutatorName[];
  /** Matched against `[check] api: message` of a failure. */
  failure?: RegExp;
}

export const KNOWN_OPEN: readonly KnownOpen[] = [];

/** The mutators the CI run leaves out. */
export const KNOWN_OPEN_MUTATORS: ReadonlySet<MutatorName> = new Set(KNOWN_OPEN.flatMap((k) => k.mutators ?? []));

/** The text of a case: its base spec with its mutations applied in order. */
export function mutate(base: string, mutations: readonly Mutation[]): string {
  return mutations.reduce((text, mutation) => MUTATORS[mutation.m].apply(text, mutation), base);
}

/** A mutation of one of `names`. */
export function mutationArbitrary(names: readonly MutatorName[]): fc.Arbitrary<Mutation> {
  return fc.record(
    {
      m: fc.constantFrom(...names),
      a: fc.nat({ max: 1_000_000 }),
      b: fc.nat({ max: 1_000_000 }),
      s: fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom(...ODD_SCALARS)),
    },
    { requiredKeys: ['m', 'a', 'b'] },
  );
}
