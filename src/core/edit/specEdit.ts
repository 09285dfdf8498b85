/**
 * Edits of a MiniCluster spec text, as the form makes them: through the `yaml` Document API, so
 * comments and key order stay, then spliced into the text so that the lines the edit did not
 * touch stay byte for byte (see lineMerge.ts).
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isAlias, isMap, isNode, isScalar, isSeq, parseDocument, visit, type Node, type ToStringOptions } from 'yaml';
import { formatPath, type PathSegment } from '../diagnostics.ts';
import { printable, quote } from '../common/quoteText.ts';
import { valueAt } from '../common/plain.ts';
import { tooDeepAt } from '../parse/depth.ts';
import { DEFAULT_MAX_BYTES } from '../parse/parseSpecText.ts';
import { formatBytes, utf8SizeIfOver } from '../parse/utf8.ts';
import { parseSpecText } from '../parse/parseSpecText.ts';
import { yamlDocuments } from '../parse/documents.ts';
import { TextLines } from '../parse/lines.ts';
import { KEEP_WHEN_EMPTY, editableLines, linesRewrittenOutside } from './editScope.ts';
import { spliceFlowEdit, trailOf } from './flowSplice.ts';
import { mergeEdit } from './lineMerge.ts';
// Every step of an edit goes by the pair that counts (the last of repeated keys, which the form's
// values come from), never by the `yaml` package's get/set, which take the first.
import { EDIT_PARSE_OPTIONS, childOf, effectivePair, nodeAt, plainJson, removeAt, renameKeyInMap, usesAliases } from './yamlDocument.ts';

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

/** Character offsets of one document of a file with several (see yamlDocuments). */
export type DocumentRange = { start: number; end: number };

export function applySpecEdit(text: string, edit: SpecEdit, target?: DocumentRange): EditResult {
  return applySpecEdits(text, [edit], target);
}

/**
 * Applies edits in order as one change to one document of `text`: `target`, or the first. The
 * other documents, and their syntax errors, stay as they are.
 */
export function applySpecEdits(text: string, edits: readonly SpecEdit[], target?: DocumentRange): EditResult {
  return applyEdits(text, edits, target, true);
}

/**
 * The same edit without the check that it leaves the lines outside its field as they are: what
 * the fuzz suite's oracle compares a refusal of that check against. Not for the form.
 */
export function applySpecEditUnchecked(text: string, edit: SpecEdit, target?: DocumentRange): EditResult {
  return applyEdits(text, [edit], target, false);
}

function applyEdits(text: string, edits: readonly SpecEdit[], target: DocumentRange | undefined, keepOtherLines: boolean): EditResult {
  // The analysis reads nothing larger (its "too large" error says so), and an edit of a text many
  // times that size would hold the page for seconds.
  const bytes = utf8SizeIfOver(text, DEFAULT_MAX_BYTES);
  if (bytes !== undefined) {
    return { ok: false, reason: `The file is ${formatBytes(bytes)}, more than the ${formatBytes(DEFAULT_MAX_BYTES)} this tool reads; the form cannot edit it. Make it smaller in the YAML view first.` };
  }
  const { start, end } = target ?? yamlDocuments(text)[0]!;
  if (edits.length === 0) return applyEdit(text, undefined, { start, end }, keepOtherLines);
  // One at a time, each on the text the one before wrote: an edit inside a flow collection is
  // made in the text itself (see flowSplice.ts).
  let result: EditResult = { ok: true, text };
  for (const edit of edits) {
    if (!result.ok) break;
    const before: string = result.text;
    result = applyEdit(before, edit, { start, end: end + before.length - text.length }, keepOtherLines);
  }
  return result;
}

function applyEdit(text: string, edit: SpecEdit | undefined, { start, end }: DocumentRange, keepOtherLines: boolean): EditResult {
  const source = text.slice(start, end);
  // The analysis reads a lone CR as a line break, as Kubernetes does, and the yaml package this
  // edit goes through does not: the two would see different fields. (The editor writes none.)
  if (/\r(?!\n)/.test(source)) {
    return { ok: false, reason: 'The spec has line breaks written as a lone CR (old Mac style), which the form cannot edit; save it with LF or CRLF line breaks, or make the change in the YAML view.' };
  }
  // The parser's depth limit, before the yaml package composes (and recurses through) the document.
  if (tooDeepAt(source) !== undefined) {
    return { ok: false, reason: 'The YAML nests too deep to read (an unclosed "[" or "{"?); fix it in the YAML view before editing in the form.' };
  }
  const doc = parseDocument(source, EDIT_PARSE_OPTIONS);
  if (doc.errors.length > 0) {
    return { ok: false, reason: 'The YAML has syntax errors; fix them in the YAML view before editing in the form.' };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { ok: false, reason: 'The spec is not a YAML mapping; fix it in the YAML view first.' };
  }
  const alias = aliasProblem(doc, text, start);
  if (alias) return { ok: false, reason: alias };
  // A tag the yaml package cannot print its value with (a !!timestamp that is no date, a !!set
  // given values) makes toString throw: that is a reason to give, not an exception.
  let styles: { options: ToStringOptions; base: string }[];
  try {
    styles = listStyles(source).map((options) => ({ options, base: doc.toString(options) }));
  } catch (error) {
    return { ok: false, reason: unprintable(doc, text, start, error) };
  }
  const trail = edit && splicePath(doc, edit);
  const before = trail && trailOf(doc, source, trail);
  const aliased = usesAliases(doc);
  const scope = keepOtherLines && edit ? editableLines(source, doc, edit) : undefined;
  try {
    if (edit) applyToDocument(doc, edit);
  } catch (error) {
    return { ok: false, reason: refusalReason(error, text, start) };
  }
  try {
    const first = styles[0]!;
    if (doc.toString(first.options) === first.base) return { ok: true, text };
    const spliced = before && spliceFlowEdit(source, doc, before);
    const intended = spliced === undefined ? undefined : readsAs(doc);
    const edited = spliced !== undefined && intended !== undefined && readsAs(spliced) === intended ? spliced : mergeStyled(source, doc, styles);
    if (aliased && edit && !readsAsEdited(edited, edit)) {
      return { ok: false, reason: `${formatPath(edit.path)} also comes from a merge key (<<) or an alias, which wins over a value written here; change it in the YAML view.` };
    }
    const outside = scope && edit && linesRewrittenOutside(source, edited, scope);
    if (outside) return { ok: false, reason: rewriteRefusal(edit, outside, text, start) };
    return { ok: true, text: text.slice(0, start) + edited + text.slice(end) };
  } catch (error) {
    return { ok: false, reason: unprintable(doc, text, start, error) };
  }
}

/** Why an edit that would rewrite lines outside its field is refused, with the file's line numbers. */
function rewriteRefusal(edit: SpecEdit, [first, last]: readonly [number, number], text: string, start: number): string {
  const line = new TextLines(text).linePos(start).line;
  const lines = first === last ? `line ${line + first}` : `lines ${line + first}-${line + last}`;
  return `The form cannot change ${formatPath(edit.path)} here without also rewriting ${lines}, so it leaves the spec as it is; make this change in the YAML view.`;
}

/** Why the document cannot be printed: the first tagged value that cannot be, and where it is written. */
function unprintable(doc: Document, text: string, start: number, error: unknown): string {
  // The package's own message names its internals ("toISOString is not a function"); it is kept
  // only when no tagged value is to blame.
  const why = error instanceof Error ? error.message : String(error);
  let culprit: Node | undefined;
  visit(doc, {
    Node(_key, node) {
      if (!node.tag) return undefined;
      const alone = new Document(null, EDIT_PARSE_OPTIONS);
      alone.contents = node;
      try {
        alone.toString();
        return undefined;
      } catch {
        culprit = node;
        return visit.BREAK;
      }
    },
  });
  if (!culprit?.tag) return `The YAML cannot be written back after this change (${why}); make it in the YAML view.`;
  const tag = culprit.tag.replace(/^tag:yaml\.org,2002:/, '!!');
  const where = culprit.range ? new TextLines(text).linePos(start + culprit.range[0]) : undefined;
  const at = where ? `Line ${where.line}, column ${where.col}: the` : 'The';
  return `${at} value tagged ${tag} does not fit its tag, so the YAML cannot be written back with this change. Remove the tag in the YAML view, then edit in the form.`;
}

/** What the yaml package allows in an anchor or alias name when it prints one. */
const UNPRINTABLE_ANCHOR = /[\x00-\x19\s,[\]{}]/;

/**
 * Why the document's aliases keep it from being printed, or undefined: an alias must follow its
 * anchor (the yaml package will not print one that does not), and a name must hold no space or
 * control character (the package reads a name up to a YAML space, but prints none with U+2028).
 */
function aliasProblem(doc: Document, text: string, start: number): string | undefined {
  const anchors = new Set<string>();
  let problem: string | undefined;
  const at = (node: Node) => {
    // A node's range starts at its value; its anchor is written before it.
    const offset = node.range && (isAlias(node) ? start + node.range[0] : text.lastIndexOf(`&${node.anchor}`, start + node.range[0]));
    const where = typeof offset === 'number' && offset >= start ? new TextLines(text).linePos(offset) : undefined;
    return where ? `Line ${where.line}, column ${where.col}: ` : '';
  };
  visit(doc, {
    Node(_key, node) {
      const name = isAlias(node) ? node.source : node.anchor;
      if (name === undefined) return undefined;
      if (UNPRINTABLE_ANCHOR.test(name)) {
        problem = `${at(node)}the ${isAlias(node) ? 'alias' : 'anchor'} name ${quote(name)} holds a space or control character, so the YAML cannot be written back; rename it in the YAML view before editing in the form.`;
        return visit.BREAK;
      }
      if (!isAlias(node)) anchors.add(name);
      else if (!anchors.has(name)) {
        const shown = printable(name);
        problem = `${at(node)}there is no anchor &${shown} before the alias *${shown}; define the anchor above it or fix the name in the YAML view before editing in the form.`;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return problem;
}

/**
 * The yaml package prints every list in one style, so the lines it prints into a list written in
 * the other style ("key:\n- item" against "key:\n  - item") land at the wrong indentation. The
 * first merge that reads back as the edited document is right; when none does (both styles nested
 * in each other), the whole document as the yaml package prints it is.
 */
function mergeStyled(source: string, doc: Document, styles: { options: ToStringOptions; base: string }[]): string {
  const intended = readsAs(doc);
  for (const { options, base } of styles) {
    const next = doc.toString(options);
    // The yaml package writes a blank line above a mapping's first pair (one left first by a
    // removal) as indentation; a blank line is empty. Only where that reads the same.
    const blankEmptied = [emptyBlankLines(base), emptyBlankLines(next)] as const;
    const pairs = blankEmptied[0] === base && blankEmptied[1] === next ? [blankEmptied] : [blankEmptied, [base, next] as const];
    for (const [b, n] of pairs) {
      const merged = mergeEdit(source, b, n);
      if (intended === undefined || readsAs(merged) === intended) return merged;
    }
  }
  const whole = doc.toString(styles[0]!.options);
  if (intended !== undefined && readsAs(whole) !== intended) throw new Error('the YAML package prints it as something else');
  return whole;
}

const emptyBlankLines = (text: string) => text.replace(/^[ \t]+$/gm, '');

/** A list under a key (comments and blank lines between them), capturing both indentations. */
const LIST_UNDER_KEY = /^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *)- /gm;

/** Both ways to print lists, the one most lists of `text` are written in first. */
function listStyles(text: string) {
  let flush = 0;
  let indented = 0;
  for (const [, key, dash] of text.matchAll(LIST_UNDER_KEY)) {
    if (dash!.length === key!.length) flush++;
    else if (dash!.length > key!.length) indented++;
  }
  const indentFirst = flush === 0 || indented > flush;
  return [indentFirst, !indentFirst].map((indentSeq): ToStringOptions => ({ lineWidth: 0, indentSeq }));
}

/**
 * Whether the spec parser reads the edited field as the edit set it. Only asked where aliases or
 * merge keys are used: a merge key after a pair overrides it, as Kubernetes reads it.
 */
function readsAsEdited(source: string, edit: SpecEdit): boolean {
  const value = parseSpecText(source).value;
  switch (edit.op) {
    case 'set':
      return sameValue(valueAt(value, edit.path), edit.value);
    case 'clear':
      return valueAt(value, edit.path) === undefined;
    case 'add': {
      const list = valueAt(value, edit.path);
      return Array.isArray(list) && sameValue(list[list.length - 1], edit.value);
    }
    default:
      return true;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The value a text or document reads as, or undefined when it cannot be read. */
function readsAs(source: string | Document): string | undefined {
  return plainJson([typeof source === 'string' ? parseDocument(source, EDIT_PARSE_OPTIONS) : source]);
}

/** The tags the yaml package prints a mapping or a list with; any other from its schema (!!str, !!timestamp) prints it away. */
const COLLECTION_TAGS = new Set(['map', 'omap', 'set', 'seq', 'pairs'].map((t) => `tag:yaml.org,2002:${t}`));

/** Drops a scalar's tag from the mappings and lists an edit goes into, so that they print as what they are. */
function untagCollectionsOn(doc: Document, path: EditPath): void {
  let node: unknown = doc.contents;
  for (let i = 0; i <= path.length && node !== undefined; i++) {
    if ((isMap(node) || isSeq(node)) && node.tag?.startsWith('tag:yaml.org,2002:') && !COLLECTION_TAGS.has(node.tag)) node.tag = undefined;
    if (i < path.length) node = childOf(node, path[i]!);
  }
}

/** The path of the entry an edit changes, as flowSplice.ts follows it; undefined for edits it does not make. */
function splicePath(doc: Document, edit: SpecEdit): EditPath | undefined {
  switch (edit.op) {
    case 'set':
    case 'clear':
      return edit.path;
    case 'add': {
      const seq = nodeAt(doc, edit.path);
      return [...edit.path, isSeq(seq) ? seq.items.length : 0];
    }
    case 'remove':
      return [...edit.path, edit.index];
    default:
      return undefined;
  }
}

function applyToDocument(doc: Document, edit: SpecEdit): void {
  untagCollectionsOn(doc, edit.path);
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
      const map = nodeAt(doc, edit.path);
      if (!isMap(map)) throw new Error('There is nothing to rename here.');
      renameKeyInMap(map, edit.from, edit.to);
      return;
    }
  }
}

function setChild(parent: YAMLMap | YAMLSeq, key: PathSegment, node: unknown): void {
  if (isMap(parent)) {
    const pair = effectivePair(parent, key);
    if (pair) pair.value = node;
    else parent.items.push(new Pair(key, node));
  } else {
    if (typeof key !== 'number') throw new RefusedAt(`Expected a list index, not "${key}".`, parent);
    // One past the end appends; further on, the item would land at another index than the one asked.
    if (!Number.isInteger(key) || key < 0 || key > parent.items.length) throw new RefusedAt(`There is no item ${key + 1} in this list.`, parent);
    if (key === parent.items.length) parent.items.push(node);
    else parent.items[key] = node;
  }
}

/** A reason to refuse an edit, about a node of the document (its position goes in front of the reason). */
class RefusedAt extends Error {
  constructor(
    message: string,
    readonly node: unknown,
  ) {
    super(message);
  }
}

/** The reason of a refused edit, with the line and column of the node it is about when it has one. */
function refusalReason(error: unknown, text: string, start: number): string {
  if (!(error instanceof Error)) return String(error);
  const range = error instanceof RefusedAt && isNode(error.node) ? error.node.range : undefined;
  if (!range) return error.message;
  const where = new TextLines(text).linePos(start + range[0]);
  return `Line ${where.line}, column ${where.col}: ${error.message}`;
}

/**
 * Refuses to go down `path` through a node of another kind than the next key needs: an index
 * into a mapping would write a `? 0` key, a name into a list has no place to go.
 */
function expectKind(node: unknown, key: PathSegment, at: EditPath): void {
  const want = typeof key === 'number' ? 'list' : 'mapping';
  if (want === 'list' ? isSeq(node) : isMap(node)) return;
  const is = isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : 'a single value';
  const make = want === 'list' ? 'a list ("- ...")' : 'a mapping ("key: value")';
  throw new RefusedAt(`${formatPath(at) || 'The document'} is ${is} here, where the form expects a ${want}; make it ${make} in the YAML view first.`, node);
}

function existingSeq(doc: Document, path: EditPath): YAMLSeq {
  const seq = nodeAt(doc, path);
  if (!isSeq(seq)) throw new Error('There is no list here.');
  return seq;
}

function set(doc: Document, path: EditPath, value: unknown): void {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('Cannot replace the whole document.');
  const parent = ensureCollection(doc, parentPath, typeof last === 'number' ? 'seq' : 'map');
  const current = childOf(parent, last);
  if (isScalar(current) && (value === null || typeof value !== 'object')) {
    if (current.value === value) return;
    // Quotes that the old value needed ("", "8080", "a ") are not a choice worth keeping.
    if ((current.type === Scalar.QUOTE_DOUBLE || current.type === Scalar.QUOTE_SINGLE) && needsQuotes(current.value)) current.type = undefined;
    // The form's value is plain text, a number or a boolean: a tag of the old value (!!timestamp,
    // !!binary, a custom one) would reinterpret it, or fail to print it at all. Text that needs
    // quotes to stay text gets them when printed.
    current.tag = undefined;
    // The old value's number format (1:20 read as base 60, 0x1F, 1e3) would print the new number
    // in that notation, which Kubernetes (yaml.v2) reads as text or another number.
    current.format = undefined;
    current.value = value;
    styleScalar(current);
    return;
  }
  const node = doc.createNode(value);
  if (isScalar(node)) styleScalar(node);
  setChild(parent, last, node);
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
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    expectKind(node, key, path.slice(0, i));
    const parent = node as YAMLMap | YAMLSeq;
    let child = childOf(parent, key);
    if (child === undefined || (isScalar(child) && (child.value === null || child.value === undefined))) {
      const nextIsIndex = i + 1 < path.length ? typeof path[i + 1] === 'number' : kind === 'seq';
      const created = nextIsIndex ? new YAMLSeq() : new YAMLMap();
      // A comment under a key without a value is kept by its empty value: it goes above the new contents.
      if (isScalar(child)) created.commentBefore = [child.commentBefore, child.comment].filter((c) => c !== undefined && c !== null).join('\n') || undefined;
      child = created;
      setChild(parent, key, child);
    }
    node = child;
  }
  expectKind(node, kind === 'seq' ? 0 : '', path);
  return node as YAMLMap | YAMLSeq;
}

/**
 * The form removes one field of a mapping the user keeps, and a comment at the top of a mapping
 * is as often about the whole mapping as about its first field, so it stays.
 */
const KEEP_COMMENT = { keepMappingComment: true } as const;

function clear(doc: Document, path: EditPath): void {
  if (!removeAt(doc, path, KEEP_COMMENT)) return;
  for (let depth = path.length - 1; depth > 0; depth--) {
    const parentPath = path.slice(0, depth);
    if (typeof path[depth - 1] === 'number' || KEEP_WHEN_EMPTY.has(parentPath.join('.'))) return;
    const parent = nodeAt(doc, parentPath);
    if (!isMap(parent) || parent.items.length > 0) return;
    removeAt(doc, parentPath, KEEP_COMMENT);
  }
}

function needsQuotes(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const plain = new Document(value, EDIT_PARSE_OPTIONS).toString().trimEnd();
  return plain.startsWith('"') || plain.startsWith("'");
}
