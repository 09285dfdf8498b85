/** One generated object: its kind and name, copy/download, and the highlighted YAML. */
import { memo, useId, useState } from 'react';
import type { RenderedManifest } from '../worker/protocol.ts';
import { YamlCode } from './YamlCode.tsx';

/** Cards longer than this start collapsed to their first lines with a "Show all" toggle. */
export const COLLAPSE_LINES = 40;

/**
 * The first `count` lines. A collapsed card renders only these: the DOM of a whole script bundle
 * is what made every edit slow to lay out, and the rest is one click away.
 */
function firstLines(text: string, count: number): string {
  let end = -1;
  for (let i = 0; i < count; i++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, end + 1);
}

export interface ManifestCardProps {
  manifest: RenderedManifest;
  copied: boolean;
  /** Both callbacks must be stable (the card is memoised). */
  onCopy(manifest: RenderedManifest): void;
  onDownload(manifest: RenderedManifest): void;
  headingLevel: 2 | 3 | 4 | 5;
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') || text === '' ? n : n + 1;
}

function ManifestCardImpl({ manifest, copied, onCopy, onDownload, headingLevel }: ManifestCardProps) {
  const { kind, name, yaml } = manifest;
  const headingId = useId();
  const codeId = useId();
  const [expanded, setExpanded] = useState(false);
  const lines = lineCount(yaml);
  const long = lines > COLLAPSE_LINES;
  const Heading = `h${headingLevel}` as const;
  const what = `${kind} ${name}`;
  return (
    <article className="mcs-card" aria-labelledby={headingId}>
      <header className="mcs-card-head">
        <Heading id={headingId} className="mcs-card-title">
          <span className="mcs-card-kind">{kind}</span> <span className="mcs-card-name">{name}</span>
        </Heading>
        <span className="mcs-card-lines">{lines === 1 ? '1 line' : `${lines} lines`}</span>
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
        text={long && !expanded ? firstLines(yaml, COLLAPSE_LINES) : yaml}
        id={codeId}
        label={`YAML of ${what}`}
        className={long && !expanded ? 'mcs-code-collapsed' : undefined}
      />
      {long && (
        <button type="button" className="mcs-show-all" aria-expanded={expanded} aria-controls={codeId} onClick={() => setExpanded((open) => !open)}>
          {expanded ? 'Show less' : `Show all ${lines} lines`}
          <span className="mcs-visually-hidden"> of {what}</span>
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
    a.headingLevel === b.headingLevel,
);
