/**
 * Where each part of the cluster picture goes, in SVG user units: the objects wrapped around the
 * workload in a row on top, the broker pods as an indented tree (the shape `flux overlay status`
 * prints) on the left, and the pod template every rank runs (drawn once, in detail), the headless
 * Service and the services pod on the right, or under the tree when the space is narrow. Pure: the
 * page draws it and the tests check it. Text widths are estimated for the picture's monospaced
 * font, and long text is wrapped or shortened to its box.
 */
import { listRanks, type PathSegment } from '../../core/page.ts';
import type { ClusterService, DrawnNode, PodContainer, VolumeMount, Wrapper } from '../../core/index.ts';
import type { ClusterPicture } from './picture.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Width of one character of the picture's 12px monospaced font, a little over the usual 0.6em. */
export const CHAR_W = 7.4;
export const LINE_H = 16;
/** The title's 14px bold monospaced characters. */
const TITLE_CHAR_W = 8.8;
const PAD = 12;
const GAP = 16;
const ROW_H = 30;
const NODE_H = 24;
const MOUNT_H = 20;
/** The side column's width beside the tree. */
const SIDE_W = 300;

/** What a click on a part selects: a field of the spec. */
export interface Linked {
  field?: PathSegment[] | undefined;
  /** The accessible name of the part, and the tooltip. */
  label: string;
}

export interface LaidNode extends Linked {
  node: DrawnNode;
  box: Box;
  /** The part's text, shortened to its box. */
  text: string;
  lead: boolean;
}

export interface LaidMount extends Linked {
  mount: VolumeMount;
  box: Box;
  text: string;
}

export interface LaidContainer extends Linked {
  container: PodContainer;
  box: Box;
  /** The header (name and badge) the click lands on. */
  head: Box;
  /** The name, shortened to leave room for the Flux runner's badge. */
  name: string;
  badge?: string | undefined;
  image: string[];
  mounts: LaidMount[];
}

export interface LaidService extends Linked {
  service: ClusterService;
  box: Box;
  lines: string[];
}

export interface LaidWrapper {
  wrapper: Wrapper;
  box: Box;
  title: string;
  detail: string[];
}

export interface Frame {
  box: Box;
  title: string;
}

export interface ClusterLayout {
  width: number;
  height: number;
  title: Linked & { box: Box; text: string };
  topology: Linked & { box: Box; lines: string[] };
  wrappers: LaidWrapper[];
  tree: Frame;
  nodes: LaidNode[];
  /** The elbow from each node's parent node to it, as SVG path data. */
  edges: Array<{ d: string; offline: boolean }>;
  template: Frame & { containers: LaidContainer[] };
  headless?: LaidService | undefined;
  servicesPod?: (Frame & { containers: LaidContainer[]; services: LaidService[] }) | undefined;
}

/** Text that fits `chars` characters, shortened in the middle (host names differ at their end). */
export function fit(text: string, chars: number): string {
  if (text.length <= chars) return text;
  if (chars < 3) return text.slice(0, Math.max(0, chars));
  const tail = Math.ceil((chars - 1) / 2);
  return `${text.slice(0, chars - 1 - tail)}…${text.slice(text.length - tail)}`;
}

/** Lines of at most `chars` characters, broken after `.`, `/`, `-`, `:` or a space where one is near. */
export function wrap(text: string, chars: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > chars && lines.length < maxLines - 1) {
    let cut = -1;
    for (let i = chars; i > chars / 2; i--) {
      if ('./-: '.includes(rest[i - 1] as string)) {
        cut = i;
        break;
      }
    }
    if (cut < 0) cut = chars;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(fit(rest, chars));
  return lines;
}

const charsIn = (width: number) => Math.max(4, Math.floor(width / CHAR_W));

function nodeText(node: DrawnNode): string {
  if (node.kind === 'rank') return `${node.rank}  ${node.host}`;
  return `${node.first}–${node.last}  ${node.count.toLocaleString('en-US')} pods`;
}

function nodeLabel(node: DrawnNode, lead: boolean): string {
  const state = node.offline ? ', offline until the cluster grows' : '';
  if (node.kind === 'rank') return `Rank ${node.rank}, pod ${node.host}${lead ? ', the lead broker' : ''}${state}`;
  const under = node.parents.length > 0 ? `, under rank${node.parents.length > 1 ? 's' : ''} ${listRanks(node.parents)}` : '';
  return `Ranks ${node.first} to ${node.last}, ${node.count} pods ${node.firstHost} to ${node.lastHost}, folded${under}${state}`;
}

interface Cursor {
  x: number;
  y: number;
  w: number;
}

function layContainer(container: PodContainer, at: Cursor): LaidContainer {
  const inner = at.w - 16;
  const badge = container.fluxRunner ? 'Flux runner' : undefined;
  const name = fit(container.name, charsIn(inner) - (badge ? badge.length + 3 : 0));
  const image = wrap(container.image, charsIn(inner), 2);
  const head: Box = { x: at.x, y: at.y, w: at.w, h: 8 + LINE_H * (1 + image.length) };
  let y = head.y + head.h;
  const mounts = container.mounts.map((mount): LaidMount => {
    const box = { x: at.x + 8, y, w: at.w - 16, h: MOUNT_H - 2 };
    y += MOUNT_H;
    // The path is what tells mounts apart: the name gives way first, down to a few characters.
    const room = charsIn(box.w - 12);
    const path = `${mount.mountPath}${mount.readOnly ? ' (ro)' : ''}`;
    const name = fit(mount.name, Math.max(8, room - path.length - 3));
    return { mount, box, text: fit(`${name} → ${path}`, room), field: mount.field, label: `Volume ${mount.name} mounted at ${mount.mountPath}${mount.readOnly ? ', read-only' : ''}, in container ${container.name}` };
  });
  const box = { x: at.x, y: at.y, w: at.w, h: y - at.y + (mounts.length > 0 ? 6 : 0) };
  at.y = box.y + box.h + 8;
  return {
    container,
    box,
    head,
    name,
    badge,
    image,
    mounts,
    field: container.field,
    label: `Container ${container.name}, image ${container.image}${container.fluxRunner ? ', runs the Flux broker' : ''}`,
  };
}

function layService(service: ClusterService, what: string, at: Cursor): LaidService {
  const chars = charsIn(at.w - 16);
  const ports = service.ports.length > 0 ? ` · port${service.ports.length > 1 ? 's' : ''} ${service.ports.join(', ')}` : '';
  const lines = [fit(`${what} ${service.name}${ports}`, chars), ...(service.hostPattern ? wrap(service.hostPattern, chars, 3) : [])];
  const box = { x: at.x, y: at.y, w: at.w, h: 8 + LINE_H * lines.length };
  at.y += box.h + 8;
  return { service, box, lines, field: service.field, label: `${what} ${service.name}${service.hostPattern ? `, host names ${service.hostPattern}` : ''}${ports}` };
}

/** The layout of `picture` for `available` px of width: two columns when they fit, else one. */
export function layoutCluster(picture: ClusterPicture, available: number): ClusterLayout {
  const { model, tree } = picture;
  const maxDepth = tree.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const jobSet = model.wrappers.find((w) => w.kind === 'JobSet');
  const treeTitle = `Broker pods (${jobSet ? `JobSet ${jobSet.name}` : `Indexed Job ${model.name}`})`;
  const columns = (nodeW: number, depthRoom: number) => {
    // Deep trees (a chain) indent less, so that the tree keeps a readable width.
    const indent = Math.max(6, Math.min(18, Math.floor(depthRoom / Math.max(1, maxDepth))));
    const treeW = Math.max(nodeW + 24 + maxDepth * indent, Math.min(treeTitle.length * CHAR_W + 16, 360));
    return { nodeW, indent, treeW };
  };
  const twoColumns = columns(236, 200);
  const wide = PAD + twoColumns.treeW + GAP + SIDE_W + PAD <= available;
  const { nodeW, indent, treeW } = wide ? twoColumns : columns(212, 120);
  const sideW = wide ? SIDE_W : Math.max(treeW, Math.min(available - 2 * PAD, 360));
  const width = wide ? PAD + treeW + GAP + sideW + PAD : PAD + Math.max(treeW, sideW) + PAD;
  const inner = width - 2 * PAD;

  let y = PAD;
  const titleText = fit(`MiniCluster ${model.name} in ${model.namespace}`, Math.floor(inner / TITLE_CHAR_W) - 2);
  const title = { box: { x: PAD, y, w: Math.min(inner, titleText.length * TITLE_CHAR_W + 12), h: 22 }, text: titleText, field: model.fields.name, label: `MiniCluster ${model.name} in namespace ${model.namespace}` };
  y += 26;
  const topologyLines = wrap(
    `size ${model.size}, maxSize ${model.maxSize}, tree ${model.topology.text}${model.topology.from === 'operator' ? ' (the operator’s fanout)' : ''}`,
    charsIn(inner - 12),
    2,
  );
  const topology = {
    box: { x: PAD, y, w: Math.min(inner, Math.max(...topologyLines.map((l) => l.length)) * CHAR_W + 12), h: 6 + LINE_H * topologyLines.length },
    lines: topologyLines,
    field: model.fields.topology,
    label: `${topologyLines.join('')}: the broker tree's topology`,
  };
  y += topology.box.h + GAP / 2;

  // The wrappers, left to right, onto a new row when one does not fit.
  const wrappers: LaidWrapper[] = [];
  let x = PAD;
  let rowH = 0;
  for (const wrapper of model.wrappers) {
    const titleText = `${wrapper.kind} ${wrapper.name}`;
    const w = Math.min(inner, Math.max(titleText.length, Math.min(wrapper.detail.length, 34)) * CHAR_W + 16);
    const detail = wrap(wrapper.detail, charsIn(w - 16), 3);
    const h = 8 + LINE_H * (1 + detail.length);
    if (x > PAD && x + w > PAD + inner) {
      x = PAD;
      y += rowH + 8;
      rowH = 0;
    }
    wrappers.push({ wrapper, box: { x, y, w, h }, title: fit(titleText, charsIn(w - 16)), detail });
    x += w + 8;
    rowH = Math.max(rowH, h);
  }
  if (wrappers.length > 0) y += rowH + GAP;

  // The broker pods: one row each, indented under their parent.
  const columnTop = y;
  const treeTop = columnTop + 28;
  const nodes = tree.nodes.map((node, i): LaidNode => {
    const box = { x: PAD + 12 + node.depth * indent, y: treeTop + i * ROW_H, w: nodeW, h: NODE_H };
    const lead = node.kind === 'rank' && node.rank === 0;
    const room = charsIn(nodeW - 16) - (lead ? 6 : 0) - (node.offline ? 8 : 0);
    return { node, box, text: fit(nodeText(node), room), lead, field: node.offline ? model.fields.maxSize : model.fields.size, label: nodeLabel(node, lead) };
  });
  const edges = nodes.flatMap(({ node, box }) => {
    if (node.under === null) return [];
    const parent = nodes[node.under] as LaidNode;
    const trunk = parent.box.x + 8;
    return [{ d: `M${trunk} ${parent.box.y + parent.box.h}V${box.y + box.h / 2}H${box.x}`, offline: node.offline }];
  });
  const treeBottom = treeTop + nodes.length * ROW_H + 4;
  const treeFrame: Frame = { box: { x: PAD, y: columnTop, w: treeW, h: treeBottom - columnTop }, title: fit(treeTitle, charsIn(treeW - 16)) };

  // The side: the pod template, the headless Service, the services pod.
  const side: Cursor = wide ? { x: PAD + treeW + GAP, y: columnTop, w: sideW } : { x: PAD, y: treeBottom + GAP, w: inner };
  const templateTop = side.y;
  const at: Cursor = { x: side.x + 8, y: side.y + 28, w: side.w - 16 };
  const containers = model.containers.map((c) => layContainer(c, at));
  const template = { box: { x: side.x, y: templateTop, w: side.w, h: at.y - templateTop }, title: fit('Pod template (every rank runs it)', charsIn(side.w - 16)), containers };
  side.y = template.box.y + template.box.h + GAP;
  const headless = model.headlessService ? layService(model.headlessService, 'Headless Service', side) : undefined;
  let servicesPod: ClusterLayout['servicesPod'];
  if (model.servicesPod) {
    const podTop = side.y + (headless ? GAP / 2 : 0);
    const podAt: Cursor = { x: side.x + 8, y: podTop + 28, w: side.w - 16 };
    const podContainers = model.servicesPod.containers.map((c) => layContainer(c, podAt));
    const services = model.servicesPod.services.map((s) => layService(s, 'Service', podAt));
    servicesPod = {
      box: { x: side.x, y: podTop, w: side.w, h: podAt.y - podTop },
      title: fit(`Services pod ${model.servicesPod.name}`, charsIn(side.w - 16)),
      containers: podContainers,
      services,
    };
    side.y = podAt.y + GAP;
  }
  const height = Math.max(treeBottom, side.y - (wide || headless || servicesPod ? 0 : GAP)) + PAD;
  return { width, height, title, topology, wrappers, tree: treeFrame, nodes, edges, template, headless, servicesPod };
}

/** Every box of the layout, for the tests (and anything that must not overlap). */
export function allBoxes(layout: ClusterLayout): Array<{ what: string; box: Box }> {
  const out: Array<{ what: string; box: Box }> = [];
  out.push({ what: 'title', box: layout.title.box });
  out.push({ what: 'topology', box: layout.topology.box });
  for (const w of layout.wrappers) out.push({ what: `wrapper ${w.wrapper.kind}`, box: w.box });
  for (const n of layout.nodes) out.push({ what: `node ${n.text}`, box: n.box });
  for (const c of [...layout.template.containers, ...(layout.servicesPod?.containers ?? [])]) out.push({ what: `container ${c.container.name}`, box: c.box });
  if (layout.headless) out.push({ what: 'headless', box: layout.headless.box });
  for (const s of layout.servicesPod?.services ?? []) out.push({ what: `service ${s.service.name}`, box: s.box });
  return out;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
