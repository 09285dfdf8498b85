/**
 * The lines of a document that a form edit may rewrite, and the check that it rewrote no others.
 *
 * An edit goes through the `yaml` package, which prints the whole document again; lineMerge.ts
 * keeps the lines the edit did not touch. Where the package prints some other part of the document
 * differently from how it is written (a merge key under an empty block scalar, a control character
 * in a comment), the merge could still change lines far from the field. Such an edit is refused:
 * the form never changes the user's text outside the field they edit.
 */
import { isMap, isPair, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SpecEdit } from './specEdit.ts';

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

const keyText = (pair: Pair): string => String((pair.key as { value?: unknown } | null)?.value ?? pair.key);

function linesOfPair(source: string, pair: Pair, withCommentAbove: boolean): LineSpan | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const from = key?.range?.[0] ?? value?.range?.[0];
  const to = value?.range?.[1] ?? key?.range?.[1];
  if (from === undefined || to === undefined) return undefined;
  let first = lineAt(source, from);
  const last = lineAt(source, Math.max(from, to - 1));
  if (!withCommentAbove) return [first, last];
  const lines = source.split('\n');
  while (first > 0 && /^\s*#/.test(lines[first - 1] ?? '')) first--;
  // The first key of a list item shares its line with the dash, which moves to the next key.
  const lineStart = source.lastIndexOf('\n', from - 1) + 1;
  return [first, /^\s*-\s+$/.test(source.slice(lineStart, from)) ? last + 1 : last];
}

/**
 * The lines of `source` (read as `doc`, before the edit) that `edit` may rewrite: those of the
 * deepest pair of its path that is written in the document, with every repeat of a removed key and
 * the comment lines right above it. A removal that leaves a mapping empty takes the mapping's pair
 * too (it goes, or becomes `{}` where its presence matters), as specEdit's clear does. Undefined
 * when the whole document may change (it has no block mapping to edit in).
 */
export function editableLines(source: string, doc: Document, edit: SpecEdit): LineSpan | undefined {
  const { path } = edit;
  // By depth in the path: the pair written for that key (the last of repeats, which counts), and the mapping holding it.
  const pairs: (Pair | undefined)[] = [];
  const maps: YAMLMap[] = [];
  let node: unknown = doc.contents;
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth];
    if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) break;
      continue;
    }
    const pair = isMap(node) ? node.items.findLast((p) => isPair(p) && keyText(p) === String(key)) : undefined;
    if (!pair || !isMap(node)) break;
    pairs[depth] = pair;
    maps[depth] = node;
    node = pair.value;
  }
  let deepest = pairs.length - 1;
  if (edit.op === 'clear' && deepest === path.length - 1) {
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
  const removed = edit.op === 'clear' ? (maps[deepest]?.items.filter((p) => keyText(p) === name) ?? [pair]) : [pair];
  const spans = removed.map((p) => linesOfPair(source, p, edit.op === 'clear'));
  if (spans.some((s) => s === undefined)) return undefined;
  return [Math.min(...spans.map((s) => s![0])), Math.max(...spans.map((s) => s![1]))];
}

/**
 * The lines of `before` that `after` changes (first and last), when some of them lie outside
 * `allowed`; undefined when every changed line is inside it. Lines only inserted change no line.
 */
export function linesRewrittenOutside(before: string, after: string, allowed: LineSpan): LineSpan | undefined {
  const a = linesOf(before);
  const b = linesOf(after);
  // A last line without a line break gets one when lines go after it, and the line before a
  // removed last line loses its break when the text had none at its end: still the same line.
  const gainedBreak = (x: string | undefined, y: string | undefined) => x !== undefined && !x.endsWith('\n') && y === `${x}\n`;
  const same = (x: string | undefined, y: string | undefined) => x === y || gainedBreak(x, y) || gainedBreak(y, x);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix], b[prefix])) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const changedTo = a.length - suffix - 1;
  if (changedTo < prefix) return undefined;
  return prefix < allowed[0] || changedTo > allowed[1] ? [prefix, changedTo] : undefined;
}
