/**
 * The cluster picture as SVG, drawn from its layout. The parts that come from a spec field (the
 * title, the topology, the pods, the containers, the volumes, the Services) are buttons that
 * select that field; they form one tab stop, and the arrow keys move between them (the parts are
 * many in a large cluster). State is in class names only, so that the download can copy each
 * class's computed style into the file (download.ts).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { PathSegment } from '../../core/page.ts';
import { LINE_H, type Box, type ClusterLayout, type LaidContainer, type LaidService, type Linked } from './layout.ts';

export interface ClusterSvgProps {
  layout: ClusterLayout;
  /** Selects a field of the spec (in the form or the YAML). */
  onSelect(field: readonly PathSegment[]): void;
  labelId: string;
  describedBy: string;
}

const LINK = 'data-cl-link';

function Link({ linked, box, className, onSelect, children }: { linked: Linked; box: Box; className: string; onSelect: ClusterSvgProps['onSelect']; children: ReactNode }) {
  const { field } = linked;
  const hit = <rect className={className} x={box.x} y={box.y} width={box.w} height={box.h} rx={4} />;
  if (!field) {
    return (
      <g>
        <title>{linked.label}</title>
        {hit}
        {children}
      </g>
    );
  }
  const select = () => onSelect(field);
  return (
    <g
      className="mcs-cl-link"
      role="button"
      tabIndex={-1}
      aria-label={linked.label}
      {...{ [LINK]: '' }}
      onClick={select}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        select();
      }}
    >
      <title>{linked.label}</title>
      {hit}
      {children}
    </g>
  );
}

const text = (x: number, y: number, content: string, className = 'mcs-cl-text', key?: string | number) => (
  <text key={key} className={className} x={x} y={y}>
    {content}
  </text>
);

function Container({ laid, onSelect }: { laid: LaidContainer; onSelect: ClusterSvgProps['onSelect'] }) {
  const { box, head } = laid;
  return (
    <g>
      <rect className="mcs-cl-container" x={box.x} y={box.y} width={box.w} height={box.h} rx={4} />
      <Link linked={laid} box={head} className="mcs-cl-hit" onSelect={onSelect}>
        <text className="mcs-cl-text mcs-cl-strong" x={head.x + 8} y={head.y + 16}>
          {laid.name}
          {laid.badge && <tspan className="mcs-cl-accent">{` · ${laid.badge}`}</tspan>}
        </text>
        {laid.image.map((line, i) => text(head.x + 8, head.y + 16 + LINE_H * (i + 1), line, 'mcs-cl-muted', i))}
      </Link>
      {laid.mounts.map((m, i) => (
        <Link key={i} linked={m} box={m.box} className="mcs-cl-mount" onSelect={onSelect}>
          {text(m.box.x + 6, m.box.y + 13, m.text)}
        </Link>
      ))}
    </g>
  );
}

function Service({ laid, onSelect }: { laid: LaidService; onSelect: ClusterSvgProps['onSelect'] }) {
  return (
    <Link linked={laid} box={laid.box} className="mcs-cl-service" onSelect={onSelect}>
      {laid.lines.map((line, i) => text(laid.box.x + 8, laid.box.y + 16 + LINE_H * i, line, i === 0 ? 'mcs-cl-text mcs-cl-strong' : 'mcs-cl-muted', i))}
    </Link>
  );
}

function Frame({ box, title }: { box: Box; title: string }) {
  return (
    <>
      <rect className="mcs-cl-frame" x={box.x} y={box.y} width={box.w} height={box.h} rx={6} />
      {text(box.x + 8, box.y + 18, title, 'mcs-cl-text mcs-cl-strong')}
    </>
  );
}

/** Arrow keys, Home and End move between the picture's buttons (one tab stop for them all). */
function moveFocus(event: KeyboardEvent<SVGSVGElement>) {
  const links = [...event.currentTarget.querySelectorAll<SVGGElement>(`[${LINK}]`)];
  const at = links.indexOf(event.target as SVGGElement);
  if (at < 0) return;
  const step: Record<string, number> = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: links.length - 1 };
  const next = step[event.key];
  if (next === undefined) return;
  event.preventDefault();
  links[Math.max(0, Math.min(links.length - 1, next))]?.focus();
}

export function ClusterSvg({ layout, onSelect, labelId, describedBy }: ClusterSvgProps) {
  const ref = useRef<SVGSVGElement>(null);
  /** A part of the picture has the focus, or had it when a redraw removed that part. */
  const hadFocus = useRef(false);
  // The one tab stop stays on the button focused last; on the first one when that one is gone,
  // which then takes the focus too if it was there (an edit made from the picture redraws it).
  useEffect(() => {
    const links = ref.current?.querySelectorAll<SVGGElement>(`[${LINK}]`) ?? [];
    if (![...links].some((l) => l.tabIndex === 0)) links[0]?.setAttribute('tabindex', '0');
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (hadFocus.current && lost) [...links].find((l) => l.tabIndex === 0)?.focus();
  });
  const onFocus = (event: React.FocusEvent<SVGSVGElement>) => {
    const target = event.target as Element;
    if (!target.hasAttribute(LINK)) return;
    hadFocus.current = true;
    for (const link of event.currentTarget.querySelectorAll(`[${LINK}]`)) link.setAttribute('tabindex', link === target ? '0' : '-1');
  };
  const onBlur = (event: React.FocusEvent<SVGSVGElement>) => {
    const left = event.target as Element;
    const to = event.relatedTarget as Node | null;
    if (to && event.currentTarget.contains(to)) return;
    if (to) {
      hadFocus.current = false;
      return;
    }
    // The focus went nowhere: a click outside (the part is still there) or a redraw that removed it.
    requestAnimationFrame(() => {
      if (left.isConnected) hadFocus.current = false;
    });
  };
  const { width, height, title, topology } = layout;
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      className="mcs-cl"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      onKeyDown={moveFocus}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <rect className="mcs-cl-bg" x={0} y={0} width={width} height={height} />
      <Link linked={title} box={title.box} className="mcs-cl-hit" onSelect={onSelect}>
        {text(title.box.x + 6, title.box.y + 16, title.text, 'mcs-cl-text mcs-cl-title')}
      </Link>
      <Link linked={topology} box={topology.box} className="mcs-cl-hit" onSelect={onSelect}>
        {topology.lines.map((line, i) => text(topology.box.x + 6, topology.box.y + 15 + LINE_H * i, line, 'mcs-cl-muted', i))}
      </Link>
      {layout.wrappers.map(({ wrapper, box, title: heading, detail }, i) => (
        <g key={i}>
          <title>{`${wrapper.kind} ${wrapper.name}: ${wrapper.detail}`}</title>
          <rect className="mcs-cl-wrapper" x={box.x} y={box.y} width={box.w} height={box.h} rx={6} />
          {text(box.x + 8, box.y + 16, heading, 'mcs-cl-text mcs-cl-strong')}
          {detail.map((line, j) => text(box.x + 8, box.y + 16 + LINE_H * (j + 1), line, 'mcs-cl-muted', j))}
        </g>
      ))}
      <Frame {...layout.tree} />
      {layout.edges.map((edge, i) => (
        <path key={i} className={edge.offline ? 'mcs-cl-edge mcs-cl-offline' : 'mcs-cl-edge'} d={edge.d} />
      ))}
      {layout.nodes.map((laid, i) => {
        const { node, box } = laid;
        const state = `${node.offline ? ' mcs-cl-offline' : ''}${laid.lead ? ' mcs-cl-lead' : ''}`;
        return (
          <g key={i}>
            {node.kind === 'group' && <rect className={`mcs-cl-stack${state}`} x={box.x + 4} y={box.y + 4} width={box.w} height={box.h} rx={4} />}
            <Link linked={laid} box={box} className={`mcs-cl-node${state}`} onSelect={onSelect}>
              {text(box.x + 8, box.y + 16, laid.text, node.offline ? 'mcs-cl-muted' : 'mcs-cl-text')}
              {laid.lead && (
                <>
                  <rect className="mcs-cl-badge" x={box.x + box.w - 44} y={box.y + 4} width={40} height={box.h - 8} rx={8} />
                  {text(box.x + box.w - 38, box.y + 16, 'lead', 'mcs-cl-badge-text')}
                </>
              )}
              {node.offline && text(box.x + box.w - 58, box.y + 16, 'offline', 'mcs-cl-muted')}
            </Link>
          </g>
        );
      })}
      <Frame {...layout.template} />
      {layout.template.containers.map((c, i) => (
        <Container key={i} laid={c} onSelect={onSelect} />
      ))}
      {layout.headless && <Service laid={layout.headless} onSelect={onSelect} />}
      {layout.servicesPod && (
        <>
          <Frame {...layout.servicesPod} />
          {layout.servicesPod.containers.map((c, i) => (
            <Container key={i} laid={c} onSelect={onSelect} />
          ))}
          {layout.servicesPod.services.map((s, i) => (
            <Service key={i} laid={s} onSelect={onSelect} />
          ))}
        </>
      )}
    </svg>
  );
}
