/** Read-only, highlighted YAML with tabs and trailing spaces made visible. */
import { cloneElement, isValidElement, memo, type ReactNode } from 'react';
import { highlightYaml, tokenLines, type YamlToken } from './highlightYaml.ts';
import { CLASS_OF } from './tokenClasses.ts';
import type { LineMark } from './lineDiff.ts';

// A tab, or spaces that end a line: both invisible in plain text, both meaningful in scripts.
const INVISIBLE = /\t|[ ]+(?=\r?\n)/g;

/**
 * The real characters stay in the DOM (the glyph for a tab is CSS generated content), so
 * selecting and copying from the view gives the real text.
 */
function withInvisibles(text: string, key: number): ReactNode {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  INVISIBLE.lastIndex = 0;
  const parts: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (let match = INVISIBLE.exec(text); match; match = INVISIBLE.exec(text)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const ws = match[0];
    parts.push(
      <span key={`${key}.${n++}`} className={ws === '\t' ? 'mcs-ws-tab' : 'mcs-ws-trail'}>
        {ws}
      </span>,
    );
    last = match.index + ws.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function renderTokens(tokens: readonly YamlToken[], keyBase: string): ReactNode[] {
  return tokens.map((token, i) => {
    const className = CLASS_OF[token.kind];
    const content = withInvisibles(token.text, i);
    if (className === undefined && typeof content === 'string') return content;
    return (
      <span key={`${keyBase}.${i}`} className={className}>
        {content}
      </span>
    );
  });
}

interface LineProps {
  tokens: readonly YamlToken[];
  /** The line's text and token kinds: equal signatures render the same. */
  signature: string;
  /** Its change since the output before (a gutter mark, named for assistive technology in CSS). */
  mark?: LineMark | undefined;
}

/**
 * One line of the code. An edit usually changes a few lines of an object (a name, an image), so
 * the others, memoised on their signature and keyed by it, keep their DOM untouched, also when
 * lines are inserted above them.
 */
const Line = memo(
  function Line({ tokens, mark }: LineProps) {
    return <span data-change={mark}>{renderTokens(tokens, 't')}</span>;
  },
  (before, after) => before.signature === after.signature && before.mark === after.mark,
);

/** The cached lines with the marks of the changed ones: only those lines render again. */
function withMarks(nodes: ReactNode[], marks: ReadonlyMap<number, LineMark> | undefined): ReactNode[] {
  if (!marks || marks.size === 0) return nodes;
  return nodes.map((node, i) => {
    const mark = marks.get(i);
    return mark && isValidElement<LineProps>(node) ? cloneElement(node, { mark }) : node;
  });
}

function renderYaml(text: string): ReactNode[] {
  const seen = new Map<string, number>();
  return tokenLines(highlightYaml(text)).map((tokens) => {
    const signature = tokens.map((t) => `${t.kind}\u0000${t.text}`).join('\u0001');
    const n = seen.get(signature) ?? 0;
    seen.set(signature, n + 1);
    return <Line key={`${n}\u0002${signature}`} tokens={tokens} signature={signature} />;
  });
}

// React elements are immutable, so the nodes of a text can be reused by every render and every
// card that shows it: switching a toggle off and on again, or an edit that leaves an object
// unchanged, costs no highlighting. A few dozen entries cover a bundle and its recent versions.
const CACHE_LIMIT = 48;
const cache = new Map<string, ReactNode[]>();

export function highlightedNodes(text: string): ReactNode[] {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const nodes = renderYaml(text);
  cache.set(text, nodes);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return nodes;
}

/**
 * Chromium's Element Timing reports when each object was first painted: the benchmark's measure
 * of the first output, the same for these cards as for the objects written into the page at build
 * time. The attribute is not in React's types, hence the spread.
 */
const ELEMENT_TIMING = { elementtiming: 'mcs-object' } as Record<string, string>;

export interface YamlCodeProps {
  text: string;
  id?: string;
  /** Names the scrollable code area for assistive technology. */
  label: string;
  className?: string;
  /** Changed lines, by index; a stable object while they stay the same. */
  marks?: ReadonlyMap<number, LineMark> | undefined;
}

/** Memoised on the text and its marks: an edit re-renders only the objects whose YAML changed. */
export const YamlCode = memo(function YamlCode({ text, id, label, className, marks }: YamlCodeProps) {
  return (
    // Focusable so keyboard users can scroll long scripts (axe: scrollable-region-focusable).
    <pre id={id} className={className ? `mcs-code ${className}` : 'mcs-code'} tabIndex={0} role="group" aria-label={label} {...ELEMENT_TIMING}>
      <code>{withMarks(highlightedNodes(text), marks)}</code>
    </pre>
  );
});
