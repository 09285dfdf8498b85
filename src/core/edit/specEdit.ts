/**
 * Edits of a MiniCluster spec text, as the form makes them: through the `yaml` Document API, so
 * comments and key order stay, then spliced into the text so that the lines the edit did not
 * touch stay byte for byte (see lineMerge.ts).
 */
import { Document, Scalar, YAMLMap, YAMLSeq, isCollection, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { PathSegment } from '../diagnostics.ts';
import { mergeEdit } from './lineMerge.ts';

export type EditPath = readonly PathSegment[];

export type SpecEdit =
  /** Sets a scalar, list or map at `path`, creating missing parents. `undefined` clears it. */
  | { op: 'set'; path: EditPath; value: unknown }
  /** Removes the key (or list item) at `path`; maps left empty by it go too (see KEEP_WHEN_EMPTY). */
  | { op: 'clear'; path: EditPath }
  /** Appends `value` to the list at `path` (created when missing). */
  | { op: 'add'; path: EditPath; value: unknown }
  | { op: 'remove'; path: EditPath; index: number }
  | { op: 'move'; path: EditPath; from: number; to: number }
  /** Renames a key of the map at `path`, keeping its place, value and comments. */
  | { op: 'renameKey'; path: EditPath; from: string; to: string };

export type EditResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Objects whose mere presence matters (the CRD defaults of their fields apply only when they are
 * written), so clearing their last field keeps them as `{}`.
 */
const KEEP_WHEN_EMPTY = new Set(['spec', 'metadata', 'spec.flux']);

// Kubernetes reads YAML 1.1 (yes/no/on/off are booleans), so strings like that must be quoted.
const PARSE_OPTIONS = { version: '1.1', uniqueKeys: false } as const;

export function applySpecEdit(text: string, edit: SpecEdit): EditResult {
  return applySpecEdits(text, [edit]);
}

/** Applies edits in order as one change. */
export function applySpecEdits(text: string, edits: readonly SpecEdit[]): EditResult {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) {
    return { ok: false, reason: 'The YAML has syntax errors; fix them in the YAML view before editing in the form.' };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { ok: false, reason: 'The spec is not a YAML mapping; fix it in the YAML view first.' };
  }
  const options = toStringOptions(text);
  const base = doc.toString(options);
  try {
    for (const edit of edits) applyToDocument(doc, edit);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, text: mergeEdit(text, base, doc.toString(options)) };
}

function toStringOptions(text: string) {
  // A list written at the same indentation as its key ("key:\n- item") sets the style of new lists.
  const flushSequences = /^( *)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\r?\n\1- /m.test(text);
  return { lineWidth: 0, indentSeq: !flushSequences } as const;
}

function applyToDocument(doc: Document, edit: SpecEdit): void {
  switch (edit.op) {
    case 'set':
      if (edit.value === undefined) clear(doc, edit.path);
      else set(doc, edit.path, edit.value);
      return;
    case 'clear':
      clear(doc, edit.path);
      return;
    case 'add': {
      const seq = ensureCollection(doc, edit.path, 'seq') as YAMLSeq;
      seq.items.push(doc.createNode(edit.value));
      return;
    }
    case 'remove': {
      const seq = existingSeq(doc, edit.path);
      if (edit.index < 0 || edit.index >= seq.items.length) throw new Error(`There is no item ${edit.index + 1} to remove.`);
      seq.items.splice(edit.index, 1);
      if (seq.items.length === 0) clear(doc, edit.path);
      return;
    }
    case 'move': {
      const seq = existingSeq(doc, edit.path);
      const { from, to } = edit;
      if (from < 0 || from >= seq.items.length || to < 0 || to >= seq.items.length) throw new Error('Cannot move the item there.');
      // A comment above the first item belongs to the list node; it stays with that item.
      const first = seq.items[0];
      if (seq.commentBefore && isNode(first)) {
        first.commentBefore = first.commentBefore ? `${seq.commentBefore}\n${first.commentBefore}` : seq.commentBefore;
        seq.commentBefore = undefined;
      }
      const [item] = seq.items.splice(from, 1);
      seq.items.splice(to, 0, item);
      return;
    }
    case 'renameKey': {
      const map = doc.getIn(edit.path, true);
      if (!isMap(map)) throw new Error('There is nothing to rename here.');
      if (edit.from === edit.to) return;
      if (map.items.some((p) => keyText(p.key) === edit.to)) throw new Error(`"${edit.to}" is already there.`);
      const pair = map.items.find((p) => keyText(p.key) === edit.from);
      if (!pair) throw new Error(`"${edit.from}" is not there.`);
      if (isScalar(pair.key)) pair.key.value = edit.to;
      else pair.key = doc.createNode(edit.to);
      return;
    }
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function existingSeq(doc: Document, path: EditPath): YAMLSeq {
  const seq = doc.getIn(path, true);
  if (!isSeq(seq)) throw new Error('There is no list here.');
  return seq;
}

function set(doc: Document, path: EditPath, value: unknown): void {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('Cannot replace the whole document.');
  const parent = ensureCollection(doc, parentPath, typeof last === 'number' ? 'seq' : 'map');
  const current = parent.get(last, true) as unknown;
  if (isScalar(current) && (value === null || typeof value !== 'object')) {
    if (current.value === value) return;
    // Quotes that the old value needed ("", "8080", "a ") are not a choice worth keeping.
    if ((current.type === Scalar.QUOTE_DOUBLE || current.type === Scalar.QUOTE_SINGLE) && needsQuotes(current.value)) current.type = undefined;
    current.value = value;
    styleScalar(current);
    return;
  }
  const node = doc.createNode(value);
  if (isScalar(node)) styleScalar(node);
  if (isSeq(parent) && typeof last === 'number' && last >= parent.items.length) parent.items.push(node);
  else parent.set(last, node);
}

/** Multi-line text reads best as a literal block; a single line never needs one. */
function styleScalar(node: Scalar): void {
  if (typeof node.value !== 'string') {
    if (node.type !== Scalar.PLAIN && node.type !== undefined) node.type = undefined;
    return;
  }
  const multiline = node.value.includes('\n');
  if (multiline && node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED) node.type = Scalar.BLOCK_LITERAL;
  else if (!multiline && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) node.type = undefined;
}

/** The collection at `path`, creating it (and its parents) where it is missing or empty (`key:`). */
function ensureCollection(doc: Document, path: EditPath, kind: 'map' | 'seq'): YAMLMap | YAMLSeq {
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = new YAMLMap() as never;
  let node = doc.contents as unknown as Node;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (!isCollection(node)) throw new Error('Cannot add a field under a value that is not a map or list.');
    let child = node.get(key, true) as unknown;
    if (child === undefined || (isScalar(child) && (child.value === null || child.value === undefined))) {
      const nextIsIndex = i + 1 < path.length ? typeof path[i + 1] === 'number' : kind === 'seq';
      const created = nextIsIndex ? new YAMLSeq() : new YAMLMap();
      if (isSeq(node) && typeof key === 'number' && key >= node.items.length) node.items.push(created);
      else node.set(key, created);
      child = created;
    }
    node = child as Node;
  }
  if (kind === 'map' ? !isMap(node) : !isSeq(node)) {
    throw new Error(`Expected a ${kind === 'map' ? 'map' : 'list'} at ${path.join('.') || 'the top'}.`);
  }
  return node as YAMLMap | YAMLSeq;
}

function clear(doc: Document, path: EditPath): void {
  if (!doc.hasIn(path)) return;
  doc.deleteIn(path);
  for (let depth = path.length - 1; depth > 0; depth--) {
    const parentPath = path.slice(0, depth);
    if (typeof path[depth - 1] === 'number' || KEEP_WHEN_EMPTY.has(parentPath.join('.'))) return;
    const parent = doc.getIn(parentPath, true);
    if (!isMap(parent) || parent.items.length > 0) return;
    doc.deleteIn(parentPath);
  }
}

function needsQuotes(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const plain = new Document(value, PARSE_OPTIONS).toString().trimEnd();
  return plain.startsWith('"') || plain.startsWith("'");
}
