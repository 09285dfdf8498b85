/**
 * The lines of a document that a form edit may rewrite, and the check that it rewrote no others.
 *
 * An edit goes through the `yaml` package, which prints the whole document again; lineMerge.ts
 * keeps the lines the edit did not touch. Where the package prints some other part of the document
 * differently from how it is written (a merge key under an empty block scalar, a control character
 * in a comment), the merge could still change lines far from the field. Such an edit is refused:
 * the form never changes the user's text outside the field they edit.
 */
import { isMap, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { EditPath, SpecEdit } from './specEdit.ts';
import { effectivePair, keyName, nodeAt } from './yamlDocument.ts';

/**
 * Objects whose mere presence matters (the CRD defaults of their fields apply only when they are
 * written), so clearing their last field keeps them as `{}`.
 */
export const KEEP_WHEN_EMPTY: ReadonlySet<string> = new Set(['spec', 'metadata', 'spec.flux']);

/** A line range, zero-based and inclusive; `[0, -1]` holds no line. */
export type LineSpan = readonly [first: number, last: number];

/** Lines with their line breaks: joined, the text byte for byte. */
export const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** The zero-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const keyText = (pair: Pair): string => keyName(pair.key) ?? '';

/** Lines above a removed pair that go with it: its comment and the blank line `yaml` keeps with it. */
const BLANK_OR_COMMENT = /^\s*(?:#.*)?$/;

function linesOfPair(source: string, pair: Pair, removed: boolean): LineSpan | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const from = key?.range?.[0] ?? value?.range?.[0];
  // The node's third offset takes in a comment after the value.
  const to = value?.range?.[2] ?? value?.range?.[1] ?? key?.range?.[1];
  if (from === undefined || to === undefined) return undefined;
  let first = lineAt(source, from);
  let last = lineAt(source, Math.max(from, to - 1));
  const lines = source.split('\n');
  if (removed) {
    while (first > 0 && BLANK_OR_COMMENT.test(lines[first - 1] ?? '')) first--;
    // The first key of a list item shares its line with the dash, which moves to the next key.
    const lineStart = source.lastIndexOf('\n', from - 1) + 1;
    if (/^\s*-\s+$/.test(source.slice(lineStart, from))) last++;
  }
  // Blank lines below a pair go with what is written there (the first item under a `key:` with
  // nothing after it), and removing a pair with the blank line above it reads, line by line, like
  // removing it with the blank line below: either may be the one the comparison finds.
  const count = source.endsWith('\n') ? lines.length - 1 : lines.length;
  while (last + 1 < count && /^\s*$/.test(lines[last + 1] ?? '')) last++;
  return [first, last];
}

/**
 * The path whose pair the edit removes, when it removes one: a removal, a value set to nothing,
 * and the removal of a list's last item (the list goes too), as specEdit's clear makes them.
 */
function removedPath(doc: Document, edit: SpecEdit): EditPath | undefined {
  if (edit.op === 'clear' || (edit.op === 'set' && edit.value === undefined)) return edit.path;
  if (edit.op === 'remove') {
    const list = nodeAt(doc, edit.path);
    if (isSeq(list) && list.items.length <= 1) return edit.path;
  }
  return undefined;
}

/**
 * The lines of `source` (read as `doc`, before the edit) that `edit` may rewrite: those of the
 * deepest pair of its path that is written in the document. A removal takes in every repeat of
 * the key with the blank and comment lines right above it, and a mapping it leaves empty (which
 * goes, or becomes `{}` where its presence matters, as specEdit's clear does). A path through a
 * flow collection may rewrite that collection's lines, whose separators the edit moves.
 * Undefined when the whole document may change (it has no block mapping to edit in).
 */
export function editableLines(source: string, doc: Document, edit: SpecEdit): LineSpan | undefined {
  const removal = removedPath(doc, edit);
  const path = removal ?? edit.path;
  // By depth in the path: the pair written for that key (the last of repeats, which counts), and the mapping holding it.
  const pairs: (Pair | undefined)[] = [];
  const maps: YAMLMap[] = [];
  let flow: Node | undefined;
  let node: unknown = doc.contents;
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth]!;
    if (!flow && (isMap(node) || isSeq(node)) && node.flow) flow = node;
    if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) break;
      continue;
    }
    const pair = isMap(node) ? effectivePair(node, key) : undefined;
    if (!pair || !isMap(node)) break;
    pairs[depth] = pair;
    maps[depth] = node;
    node = pair.value;
  }
  if (!flow && (isMap(node) || isSeq(node)) && node.flow) flow = node;
  let deepest = pairs.length - 1;
  if (removal && deepest === path.length - 1) {
    for (let depth = deepest; depth > 0; depth--) {
      const pair = pairs[depth];
      const map = maps[depth];
      if (!pair || !map || typeof path[depth - 1] === 'number') break;
      const name = keyText(pair);
      if (!map.items.every((p) => keyText(p) === name)) break;
      deepest = depth - 1;
      if (KEEP_WHEN_EMPTY.has(path.slice(0, depth).join('.'))) break;
    }
  }
  const pair = pairs[deepest];
  // Nothing of the path is written: the edit adds lines to a block mapping, or rewrites a flow one.
  if (!pair) return isMap(doc.contents) && !doc.contents.flow ? [0, -1] : undefined;
  const name = keyText(pair);
  const written = removal ? (maps[deepest]?.items.filter((p) => keyText(p) === name) ?? [pair]) : [pair];
  const spans = written.map((p) => linesOfPair(source, p, removal !== undefined));
  if (flow?.range) spans.push([lineAt(source, flow.range[0]), lineAt(source, Math.max(flow.range[0], flow.range[1] - 1))]);
  if (spans.some((s) => s === undefined)) return undefined;
  return [Math.min(...spans.map((s) => s![0])), Math.max(...spans.map((s) => s![1]))];
}

/**
 * The first run of lines of `before` that `after` changes outside `allowed` (first and last line);
 * undefined when every changed line is inside it. Lines only inserted change no line.
 */
export function linesRewrittenOutside(before: string, after: string, allowed: LineSpan): LineSpan | undefined {
  const a = linesOf(before);
  const b = linesOf(after);
  // A last line without a line break gets one when lines go after it, and the line before a
  // removed last line loses its break when the text had none at its end: still the same line.
  const gainedBreak = (x: string | undefined, y: string | undefined) => x !== undefined && !x.endsWith('\n') && (y === `${x}\n` || y === `${x}\r\n`);
  const same = (x: string | undefined, y: string | undefined) => x === y || gainedBreak(x, y) || gainedBreak(y, x);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix], b[prefix])) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const changedTo = a.length - suffix - 1;
  if (changedTo < prefix) return undefined;
  if (prefix < allowed[0]) return [prefix, Math.min(changedTo, allowed[0] - 1)];
  return changedTo > allowed[1] ? [Math.max(prefix, allowed[1] + 1), changedTo] : undefined;
}
