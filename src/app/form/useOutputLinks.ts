/**
 * Ties the form to the output cards in the page: a focused field highlights the output it writes
 * (CSS Custom Highlight API, so the cards' DOM is not touched), and a click on an output line
 * focuses the field it came from (see outputLinks.ts for which ones).
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { formatPath, type PathSegment } from '../../core/page.ts';
import { fieldForOutputLine, outputNeedles } from './outputLinks.ts';

const HIGHLIGHT = 'mcs-form-field';
const CODE = '.mcs-code';
const MAX_RANGES = 60;

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** A range over `[start, end)` of the concatenated text of `nodes`. */
function rangeOf(nodes: readonly Text[], starts: readonly number[], start: number, end: number): Range | undefined {
  const find = (offset: number, atEnd: boolean) => {
    for (let i = 0; i < nodes.length; i++) {
      const s = starts[i]!;
      const len = nodes[i]!.length;
      if (offset < s + len || (atEnd && offset === s + len)) return { node: nodes[i]!, offset: offset - s };
    }
    return undefined;
  };
  const a = find(start, false);
  const b = find(end, true);
  if (!a || !b) return undefined;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

export function highlightOutput(needles: readonly string[]): void {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry || typeof Highlight === 'undefined') return;
  if (needles.length === 0) {
    registry.delete(HIGHLIGHT);
    return;
  }
  const ranges: Range[] = [];
  for (const pre of document.querySelectorAll(CODE)) {
    const nodes = textNodes(pre);
    const starts: number[] = [];
    let text = '';
    for (const n of nodes) {
      starts.push(text.length);
      text += n.data;
    }
    for (const needle of needles) {
      for (let at = text.indexOf(needle); at >= 0 && ranges.length < MAX_RANGES; at = text.indexOf(needle, at + needle.length)) {
        const range = rangeOf(nodes, starts, at, at + needle.length);
        if (range) ranges.push(range);
      }
    }
  }
  registry.set(HIGHLIGHT, new Highlight(...ranges));
}

/** The line of an output card under a click. */
function clickedLine(event: MouseEvent, pre: Element): string | undefined {
  const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
  const node = caret?.offsetNode;
  if (!node || !pre.contains(node)) return undefined;
  let offset = caret.offset;
  let text = '';
  for (const n of textNodes(pre)) {
    if (n === node) offset += text.length;
    text += n.data;
  }
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

export function useOutputLinks(root: unknown, form: RefObject<HTMLElement | null>) {
  const latest = useRef(root);
  latest.current = root;

  const onFocusField = useCallback((path: readonly PathSegment[]) => highlightOutput(outputNeedles(latest.current, path)), []);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const pre = (event.target as Element | null)?.closest?.(CODE);
      if (!pre || window.getSelection()?.toString()) return;
      const line = clickedLine(event, pre);
      const path = line === undefined ? undefined : fieldForOutputLine(latest.current, line);
      if (!path) return;
      const input = form.current?.querySelector<HTMLElement>(`[data-spec-path="${CSS.escape(formatPath(path))}"]`);
      if (!input) return;
      input.scrollIntoView({ block: 'center' });
      input.focus({ preventScroll: true });
    };
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('click', onClick);
      highlightOutput([]);
    };
  }, [form]);

  return onFocusField;
}
