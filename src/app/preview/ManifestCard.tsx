/** One generated object: its kind and name, copy/download, and the highlighted YAML. */
import { memo, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RenderedManifest } from '../worker/protocol.ts';
import { changeLabel, type CardChange } from './changes.ts';
import type { LineMark } from './lineDiff.ts';
import { COLLAPSE_LINES, firstLines, lineCount } from './collapse.ts';
import { YamlCode } from './YamlCode.tsx';

export interface ManifestCardProps {
  manifest: RenderedManifest;
  copied: boolean;
  /** Both callbacks must be stable (the card is memoised). */
  onCopy(manifest: RenderedManifest): void;
  onDownload(manifest: RenderedManifest): void;
  headingLevel: 2 | 3 | 4 | 5;
  /** Its change since the output before; undefined when it did not change. */
  change?: CardChange | undefined;
  /** A line to bring into view and focus ("next change"); a new `seq` asks again for the same line. */
  focusLine?: { line: number; seq: number } | undefined;
}

interface MarkedText {
  yaml: string | undefined;
  marks: ReadonlyMap<number, LineMark> | undefined;
}

const UNMARKED: MarkedText = { yaml: undefined, marks: undefined };

/**
 * Brings line `line` of the code into view, focused and highlighted until the focus leaves it. The
 * lines are the code's children, one element each.
 */
function focusCodeLine(code: HTMLElement, line: number): void {
  const target = code.querySelector(':scope > code')?.children[line];
  if (!(target instanceof HTMLElement)) return;
  target.tabIndex = -1;
  target.dataset['current'] = '';
  target.addEventListener(
    'blur',
    () => {
      delete target.dataset['current'];
      target.removeAttribute('tabindex');
    },
    { once: true },
  );
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center', inline: 'nearest' });
}

function ManifestCardImpl({ manifest, copied, onCopy, onDownload, headingLevel, change, focusLine }: ManifestCardProps) {
  const { kind, name, yaml } = manifest;
  const headingId = useId();
  const codeId = useId();
  const belowId = useId();
  const [expanded, setExpanded] = useState(false);
  const lines = lineCount(yaml);
  const long = lines > COLLAPSE_LINES;
  const collapsed = long && !expanded;
  const Heading = `h${headingLevel}` as const;
  const what = `${kind} ${name}`;
  const label = changeLabel(change);
  const marks = change?.kind === 'changed' ? change.lines.marks : undefined;
  // The marks are drawn in a render of their own just after the text: typing waits for the text
  // only (drawing the marks with it made the preview's p95 a few ms slower in bench:app). They go
  // with the text they were found for, so a mark is never drawn on another text's line.
  const marked = useMemo<MarkedText>(() => ({ yaml, marks }), [yaml, marks]);
  const drawn = useDeferredValue(marked, UNMARKED);
  const changesBelow = collapsed && change?.kind === 'changed' ? change.lines.stops.filter((line) => line >= COLLAPSE_LINES).length : 0;
  const hidden = focusLine !== undefined && collapsed && focusLine.line >= COLLAPSE_LINES;

  // The request last done: the card may be collapsed again afterwards without being reopened.
  const done = useRef(0);
  useLayoutEffect(() => {
    if (!focusLine || done.current === focusLine.seq) return;
    // A line past the collapsed part is shown first; this runs again once it is.
    if (hidden) {
      setExpanded(true);
      return;
    }
    done.current = focusLine.seq;
    const code = document.getElementById(codeId);
    if (code) focusCodeLine(code, focusLine.line);
  }, [focusLine, hidden, codeId]);

  return (
    <article className="mcs-card" aria-labelledby={headingId} data-change={change?.kind}>
      <header className="mcs-card-head">
        <Heading id={headingId} className="mcs-card-title">
          <span className="mcs-card-kind">{kind}</span> <span className="mcs-card-name">{name}</span>
        </Heading>
        <span className="mcs-card-lines">{lines === 1 ? '1 line' : `${lines} lines`}</span>
        {label && (
          <span className="mcs-card-change" data-kind={change?.kind}>
            {label}
          </span>
        )}
        <span className="mcs-card-actions">
          <span className="mcs-copy-wrap">
            <button type="button" className="mcs-button mcs-button-small" aria-label={`Copy ${what}`} data-copied={copied || undefined} onClick={() => onCopy(manifest)}>
              Copy
            </button>
            <span className="mcs-copied" aria-live="polite">
              {copied ? 'Copied' : ''}
            </span>
          </span>
          <button type="button" className="mcs-button mcs-button-small" aria-label={`Download ${what}`} onClick={() => onDownload(manifest)}>
            Download
          </button>
        </span>
      </header>
      <YamlCode
        text={collapsed ? firstLines(yaml, COLLAPSE_LINES) : yaml}
        id={codeId}
        label={`YAML of ${what}`}
        className={collapsed ? 'mcs-code-collapsed' : undefined}
        marks={drawn.yaml === yaml ? drawn.marks : undefined}
      />
      {long && (
        <button
          type="button"
          className="mcs-show-all"
          aria-expanded={expanded}
          aria-controls={codeId}
          aria-describedby={changesBelow > 0 ? belowId : undefined}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? 'Show less' : `Show all ${lines} lines`}
          <span className="mcs-visually-hidden"> of {what}</span>
          {/* A description, not part of the button's name, which stays the same with or without changes. */}
          {changesBelow > 0 && (
            <span id={belowId} aria-hidden="true">
              {` (${changesBelow === 1 ? '1 change' : `${changesBelow} changes`} below)`}
            </span>
          )}
        </button>
      )}
    </article>
  );
}

// Each result brings new manifest objects; compare what is shown so unchanged cards skip rendering.
export const ManifestCard = memo(
  ManifestCardImpl,
  (a, b) =>
    a.manifest.yaml === b.manifest.yaml &&
    a.manifest.kind === b.manifest.kind &&
    a.manifest.name === b.manifest.name &&
    a.copied === b.copied &&
    a.onCopy === b.onCopy &&
    a.onDownload === b.onDownload &&
    a.headingLevel === b.headingLevel &&
    a.change === b.change &&
    a.focusLine === b.focusLine,
);
