/**
 * Edits inside a flow collection (`{ image: a, command: b }`, `[5000, 6000]`), and a scalar set
 * to one that fits on a line anywhere, made in the text.
 *
 * The yaml package prints every flow collection on one line, so the line merge of specEdit.ts
 * would put a flow collection the user wrote over several lines on one line for any edit inside
 * it. When the edit changes one entry of a flow collection (its value replaced, a pair or item
 * added at the end, or one removed), that entry alone is rewritten here, in flow style; the
 * caller checks that the result reads as the edited document and merges lines otherwise.
 */
import { Document, YAMLSeq, isMap, isNode, isPair, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PathSegment } from '../diagnostics.ts';
import { EDIT_PARSE_OPTIONS, childOf, effectivePair } from './yamlDocument.ts';

type Range = readonly [number, number];

/** One entry of a collection on the edit's path, as it was written before the edit. */
interface Entry {
  /** From the key (or the item's props) to the end of the value. */
  whole: Range;
  /** The value, from its props (tag, anchor) on; undefined when none is written. */
  value: Range | undefined;
}

/** The nodes along an edit's path before the edit, with the entry each one holds for the next key. */
export interface Trail {
  path: readonly PathSegment[];
  nodes: unknown[];
  entries: (Entry | undefined)[];
  sizes: number[];
}

/** Notes the path's nodes before an edit changes the document. */
export function trailOf(doc: Document, source: string, path: readonly PathSegment[]): Trail {
  const trail: Trail = { path, nodes: [], entries: [], sizes: [] };
  let node: unknown = doc.contents;
  for (let i = 0; i <= path.length && node !== undefined; i++) {
    trail.nodes.push(node);
    trail.sizes.push(isMap(node) || isSeq(node) ? node.items.length : -1);
    if (i === path.length) break;
    trail.entries.push(entryOf(source, node, path[i]!));
    node = childOf(node, path[i]!);
  }
  return trail;
}

function entryOf(source: string, parent: unknown, key: PathSegment): Entry | undefined {
  if (isMap(parent)) {
    const pair = effectivePair(parent, key);
    return pair ? pairEntry(source, pair) : undefined;
  }
  if (isSeq(parent) && typeof key === 'number') {
    const item = parent.items[key];
    const range = isNode(item) ? nodeRange(source, item) : undefined;
    return range ? { whole: range, value: range } : undefined;
  }
  return undefined;
}

function pairEntry(source: string, pair: Pair): Entry | undefined {
  const key = isNode(pair.key) ? pair.key.range : undefined;
  const value = isNode(pair.value) ? nodeRange(source, pair.value) : undefined;
  if (!key) return undefined;
  return { whole: [key[0], value ? value[1] : key[1]], value };
}

/** A node's text, its tag and anchor included (the yaml package's range starts after them). */
function nodeRange(source: string, node: Node): Range | undefined {
  if (!node.range) return undefined;
  let start = node.range[0];
  for (;;) {
    let end = start;
    while (end > 0 && /[ \t\r\n]/.test(source[end - 1]!)) end--;
    let begin = end;
    while (begin > 0 && !/[\s,[\]{}]/.test(source[begin - 1]!)) begin--;
    const token = source.slice(begin, end);
    if (begin === end || (token[0] !== '!' && token[0] !== '&')) break;
    start = begin;
  }
  return [start, node.range[1]];
}

/**
 * `source` with the edit made to the one entry of a flow collection it changed, or undefined when
 * the edit changed something else (a block collection, several entries, or nothing written).
 */
export function spliceFlowEdit(source: string, doc: Document, trail: Trail): string | undefined {
  let depth = -1;
  let node: unknown = doc.contents;
  for (let i = 0; i < trail.nodes.length && node === trail.nodes[i]; i++) {
    if (isMap(node) || isSeq(node)) depth = i;
    if (i < trail.path.length) node = childOf(node, trail.path[i]!);
  }
  const parent = trail.nodes[depth] as YAMLMap | YAMLSeq | undefined;
  if (!parent?.range) return undefined;
  const key = trail.path[depth];
  const before = trail.entries[depth];
  const grown = parent.items.length - trail.sizes[depth]!;
  if (key === undefined || Math.abs(grown) > 1) return undefined;
  const after: unknown = isMap(parent) ? effectivePair(parent, key) : grown < 0 ? undefined : parent.items[key as number];
  if (before && after !== undefined && grown === 0) {
    const value = isPair(after) ? after.value : after;
    // In a block collection too, a scalar written on one line goes in by itself: the line merge
    // would also rewrite a neighbour the yaml package prints otherwise (quoted text over several lines).
    // A block scalar's range takes the line break and blank lines after it: those go by line merge.
    const oneLine = before.value !== undefined && !source.slice(before.value[0], before.value[1]).includes('\n');
    const text = parent.flow ? flowText(value) : isScalar(value) && oneLine ? printed(value, false) : undefined;
    return before.value && text !== undefined ? splice(source, before.value, text) : undefined;
  }
  if (!parent.flow) return undefined;
  if (!before && after !== undefined && grown === 1) return insert(source, parent, after);
  if (before && after === undefined && grown === -1) return remove(source, before.whole);
  return undefined;
}

function splice(source: string, [from, to]: Range, text: string): string {
  return source.slice(0, from) + text + source.slice(to);
}

/** A new last entry goes after the one before it; an empty collection is written anew. */
function insert(source: string, parent: YAMLMap | YAMLSeq, added: unknown): string | undefined {
  const index = parent.items.indexOf(added as never);
  if (index !== parent.items.length - 1) return undefined;
  if (index === 0) {
    const text = flowText(parent);
    return text === undefined ? undefined : splice(source, parent.range! as unknown as Range, text);
  }
  const previous = parent.items[index - 1];
  const end = isPair(previous) ? pairEntry(source, previous)?.whole[1] : isNode(previous) ? previous.range?.[1] : undefined;
  const text = flowText(added);
  if (end === undefined || text === undefined) return undefined;
  return splice(source, [end, end], `, ${text}`);
}

/**
 * Takes an entry out with the comma after it (or, for the last, the comma before it on its line),
 * and its line when nothing else is written on it.
 */
function remove(source: string, [from, to]: Range): string {
  let start = from;
  let end = to;
  const after = /^[ \t]*,[ \t]*/.exec(source.slice(end));
  if (after) end += after[0].length;
  else {
    const before = /,[ \t]*$/.exec(source.slice(0, start));
    if (before) start -= before[0].length;
  }
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = source.indexOf('\n', end);
  const rest = source.slice(end, lineEnd < 0 ? source.length : lineEnd);
  if (/^[ \t]*$/.test(source.slice(lineStart, start)) && /^[ \t]*$/.test(rest)) {
    return source.slice(0, lineStart) + source.slice(lineEnd < 0 ? source.length : lineEnd + 1);
  }
  return splice(source, [start, end], '');
}

/** A value or pair as the yaml package writes it inside a flow collection, on one line. */
function flowText(node: unknown): string | undefined {
  const copy = isPair(node) || isNode(node) ? node.clone() : node;
  toFlow(copy);
  return printed(copy, true);
}

/** A node as the yaml package writes it as an item of a flow or block list, when that is one line (its own comments left out). */
function printed(node: unknown, flow: boolean): string | undefined {
  const copy = isPair(node) || isNode(node) ? node.clone() : node;
  if (isNode(copy)) {
    copy.commentBefore = undefined;
    copy.comment = undefined;
    copy.spaceBefore = undefined;
  }
  const wrapper = new YAMLSeq();
  wrapper.flow = flow;
  wrapper.items = [copy];
  const doc = new Document(null, EDIT_PARSE_OPTIONS);
  doc.contents = wrapper as never;
  const out = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  if (out.includes('\n')) return undefined;
  if (flow) return out.startsWith('[ ') && out.endsWith(' ]') ? out.slice(2, -2) : undefined;
  return out.startsWith('- ') ? out.slice(2) : undefined;
}

/** Block scalars are not allowed in a flow collection: text with line breaks goes in double quotes. */
function toFlow(node: unknown): void {
  if (isPair(node)) {
    toFlow(node.key);
    toFlow(node.value);
  } else if (isMap(node) || isSeq(node)) {
    node.flow = true;
    for (const item of node.items) toFlow(item);
  } else if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.QUOTE_DOUBLE;
    else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) node.type = undefined;
  }
}
