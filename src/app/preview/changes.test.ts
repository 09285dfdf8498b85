import { describe, expect, it } from 'vitest';
import type { IncludeLetter, RenderedManifest } from '../worker/protocol.ts';
import { cardKeys, changeLabel, changesSummary, changeStops, nextShown, type ShownOutput } from './changes.ts';

const m = (kind: string, name: string, letter: IncludeLetter, ...lines: string[]): RenderedManifest => ({
  kind,
  name,
  letter,
  yaml: ['---', `kind: ${kind}`, `name: ${name}`, ...lines].map((line) => `${line}\n`).join(''),
});
const ALL = new Set<IncludeLetter>(['c', 's', 'j', 'p', 'v']);
const BASE = 'b';

const output = (name = 'a', size = '2') => [m('ConfigMap', `${name}-entrypoint`, 'c', 'script: run'), m('Service', name, 's', 'port: 80'), m('Job', name, 'j', `size: ${size}`, 'image: x')];

/** The first output, then `next` shown after it. */
function after(first: RenderedManifest[], next: RenderedManifest[], include: ReadonlySet<IncludeLetter> = ALL): ShownOutput {
  return nextShown(nextShown(undefined, first, include, BASE), next, include, BASE);
}

describe('nextShown', () => {
  it('marks nothing in the first output', () => {
    expect(nextShown(undefined, output(), ALL, BASE).changes.size).toBe(0);
    const beforeAny = nextShown(undefined, undefined, ALL, BASE);
    expect(nextShown(beforeAny, output(), ALL, BASE).changes.size).toBe(0);
  });

  it('marks the changed lines of the cards that changed, and says nothing of the others', () => {
    const shown = after(output('a', '2'), output('a', '3'));
    expect([...shown.changes.keys()]).toEqual(['Job/a']);
    const job = shown.changes.get('Job/a');
    expect(job?.kind === 'changed' && Object.fromEntries(job.lines.marks)).toEqual({ 3: 'changed' });
    expect(changeLabel(job)).toBe('1 line changed');
    expect(changeLabel(shown.changes.get('Service/a'))).toBeUndefined();
  });

  it('clears the marks of a card the next output leaves alone', () => {
    const first = nextShown(undefined, output('a', '2'), ALL, BASE);
    const second = nextShown(first, output('a', '3'), ALL, BASE);
    expect([...second.changes.keys()]).toEqual(['Job/a']);
    const servicePort = output('a', '3').map((card) => (card.kind === 'Service' ? m('Service', 'a', 's', 'port: 81') : card));
    const third = nextShown(second, servicePort, ALL, BASE);
    expect([...third.changes.keys()]).toEqual(['Service/a']);
  });

  it('keeps the marks when an edit leaves every object as it was, and clears them when one goes', () => {
    const first = nextShown(undefined, output('a', '2'), ALL, BASE);
    const second = nextShown(first, output('a', '3'), ALL, BASE);
    const sameAgain = nextShown(second, output('a', '3'), ALL, BASE);
    expect(sameAgain.changes).toBe(second.changes);
    const fewer = nextShown(second, output('a', '3').slice(0, 2), ALL, BASE);
    expect(fewer.changes.size).toBe(0);
  });

  it('says a card is new when its object was not in the output before', () => {
    const more = [...output(), m('Service', 'nginx', 's', 'port: 8080')];
    const shown = after(output(), more);
    expect([...shown.changes]).toEqual([['Service/nginx', { kind: 'new' }]]);
    expect(changeLabel(shown.changes.get('Service/nginx'))).toBe('New');
  });

  it('follows a renamed object as changed, not new', () => {
    const shown = after(output('a'), output('b'));
    expect([...shown.changes.keys()]).toEqual(['ConfigMap/b-entrypoint', 'Service/b', 'Job/b']);
    expect(Object.values(Object.fromEntries(shown.changes)).map((c) => c.kind)).toEqual(['changed', 'changed', 'changed']);
  });

  it('marks cards a toggle brings as new, and keeps the marks of the others', () => {
    const noServices = new Set<IncludeLetter>(['c', 'j']);
    const edited = after(output('a', '2'), output('a', '3'), noServices);
    expect([...edited.changes.keys()]).toEqual(['Job/a']);
    const toggled = nextShown(edited, edited.manifests, ALL, BASE);
    expect([...toggled.changes.keys()]).toEqual(['Service/a', 'Job/a']);
    expect(toggled.changes.get('Service/a')).toEqual({ kind: 'new' });
    expect(toggled.changes.get('Job/a')).toBe(edited.changes.get('Job/a'));
    // Switching it off again drops its card and nothing else.
    expect([...nextShown(toggled, edited.manifests, noServices, BASE).changes.keys()]).toEqual(['Job/a']);
  });

  it('marks nothing across outputs of different bases (another spec, another MiniCluster of the file)', () => {
    const first = nextShown(undefined, output('a', '2'), ALL, 'one');
    expect(nextShown(first, output('b', '3'), ALL, 'two').changes.size).toBe(0);
  });

  it('keeps the marks while there is no new output', () => {
    const shown = after(output('a', '2'), output('a', '3'));
    expect(nextShown(shown, shown.manifests, ALL, BASE).changes).toBe(shown.changes);
  });

  it('says a card changed without marking lines once the output budget is spent', () => {
    const long = (prefix: string) => Array.from({ length: 3000 }, (_, i) => `${prefix} ${i}`);
    const first = [m('ConfigMap', 'a', 'c', ...long('x')), m('Job', 'a', 'j', 'size: 2')];
    const second = [m('ConfigMap', 'a', 'c', ...long('y')), m('Job', 'a', 'j', 'size: 3')];
    const shown = nextShown(nextShown(undefined, first, ALL, BASE), second, ALL, BASE, { left: 100_000 });
    expect(shown.changes.get('ConfigMap/a')).toEqual({ kind: 'unmarked' });
    expect(shown.changes.get('Job/a')).toEqual({ kind: 'unmarked' });
    expect(changeLabel(shown.changes.get('Job/a'))).toBe('Changed (too many lines to mark)');
  });
});

describe('changeStops', () => {
  it('stops at each run of changes of each card in order, and at the top of new and unmarked cards', () => {
    const before = output('a', '2');
    const next = [m('ConfigMap', 'a-entrypoint', 'c', 'script: run', 'more'), m('Service', 'a', 's', 'port: 81'), output('a', '3')[2] as RenderedManifest, m('Service', 'nginx', 's')];
    const shown = after(before, next);
    const keys = cardKeys(next);
    expect(changeStops(keys, shown.changes)).toEqual([
      { key: 'ConfigMap/a-entrypoint', line: 4 },
      { key: 'Service/a', line: 3 },
      { key: 'Job/a', line: 3 },
      { key: 'Service/nginx', line: 0 },
    ]);
    expect(changesSummary(shown.changes)).toBe('4 objects changed');
    expect(changesSummary(new Map())).toBe('No changes since the last output');
  });

  it('keys repeated objects apart', () => {
    expect(cardKeys([m('Service', 'a', 's'), m('Service', 'a', 's'), m('Job', 'a', 'j')])).toEqual(['Service/a', 'Service/a#2', 'Job/a']);
  });
});
