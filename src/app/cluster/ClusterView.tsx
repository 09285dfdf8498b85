/**
 * The Cluster view: the picture of what the spec makes, its text alternative beside it (the tree
 * as `flux overlay status` prints it), and "Download SVG". The layout is remade only when the
 * picture or the width class changes; typing that leaves the cluster alone costs nothing here.
 */
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PathSegment } from '../../core/page.ts';
import { downloadFile } from '../preview/browser.ts';
import { ClusterSvg } from './ClusterSvg.tsx';
import { standaloneSvg, SVG_TYPE, svgFileName } from './download.ts';
import { layoutCluster } from './layout.ts';
import type { ClusterPicture } from './picture.ts';
import './cluster.css';

export interface ClusterViewProps {
  picture: ClusterPicture | undefined;
  /** Must be stable (the view is memoised). */
  onSelectField(field: readonly PathSegment[]): void;
  /** Asks first while the output is out of date, like every export (see Preview). */
  handOut(run: () => void): void;
  headingLevel?: 2 | 3 | 4;
}

/** The most lines of the tree's text that the picture's description reads out. */
const DESCRIBED_LINES = 32;

/** Widths are rounded to this step, so that a resize lays the picture out again only now and then. */
const WIDTH_STEP = 40;

/** The view's width (px, rounded down to WIDTH_STEP), measured: the layout takes two columns when they fit. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(640);
  // Measured before the first paint too, so a phone does not see two columns become one.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measured = element.getBoundingClientRect().width;
    if (measured > 0) setWidth(Math.max(320, Math.floor(measured / WIDTH_STEP) * WIDTH_STEP));
  }, [ref]);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(320, Math.floor((entry?.contentRect.width ?? 640) / WIDTH_STEP) * WIDTH_STEP)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function ClusterViewImpl({ picture, onSelectField, handOut, headingLevel = 3 }: ClusterViewProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const layout = useMemo(() => (picture ? layoutCluster(picture, width) : undefined), [picture, width]);
  const Heading = `h${headingLevel}` as const;
  const name = picture?.model.name;
  // The tree's text describes the picture when a screen reader can read it out in one go; a longer
  // one has its own heading right after the picture.
  const shortText = picture !== undefined && picture.text.split('\n').length <= DESCRIBED_LINES;

  const download = () => {
    const svg = box.current?.querySelector('svg');
    if (!svg || !picture) return;
    handOut(() => downloadFile(svgFileName(name), standaloneSvg(svg, `MiniCluster ${picture.model.name}: its pods and the Flux broker tree`), SVG_TYPE));
  };

  return (
    <section className="mcs-cluster" aria-labelledby={`${id}-heading`}>
      <div className="mcs-cluster-bar">
        <Heading id={`${id}-heading`} className="mcs-cluster-heading">
          Cluster{name ? ` ${name}` : ''}
        </Heading>
        <button type="button" className="mcs-button mcs-button-small" disabled={!picture} onClick={download}>
          Download SVG
        </button>
      </div>
      <p id={`${id}-hint`} className="mcs-note">
        Select a pod, container, volume or Service to find its field (arrow keys move between them, Enter selects).
      </p>
      <div ref={box} className="mcs-cluster-picture">
        {layout ? (
          <ClusterSvg layout={layout} onSelect={onSelectField} labelId={`${id}-heading`} describedBy={shortText ? `${id}-hint ${id}-text` : `${id}-hint`} />
        ) : (
          <p className="mcs-note">The picture appears with the generated objects.</p>
        )}
      </div>
      {picture && (
        <div className="mcs-cluster-text-wrap">
          <Heading className="mcs-cluster-subheading" id={`${id}-text-heading`}>
            Broker tree (as <code>flux overlay status</code> shows it)
          </Heading>
          {picture.textFolded && (
            <p className="mcs-note">
              {picture.tree.ranks.toLocaleString('en-US')} ranks: the ranks between the first and the last ones are folded into lines of consecutive
              ranks. <code>minicluster-gen --tree</code> prints every rank.
            </p>
          )}
          {/* Focusable so that keyboard users can scroll a long tree. */}
          <pre id={`${id}-text`} className="mcs-cluster-text" tabIndex={0} role="region" aria-labelledby={`${id}-text-heading`}>
            {picture.text}
          </pre>
        </div>
      )}
    </section>
  );
}

export const ClusterView = memo(ClusterViewImpl);
