import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_INCLUDES } from '../../core/kinds.ts';
import { chooseInitialSpec } from '../state/initialSpec.ts';
import { FakeStorage } from '../state/fakeStorage.test-util.ts';
import { PREFS_KEY, SPEC_KEY, loadPrefs } from '../state/storage.ts';
import { gateScript } from './gateScript.ts';
import { FIRST_SCREEN_ID } from './ids.ts';

const SPEC = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\n';

interface Page {
  /** The screen arrives hidden, as firstScreenHtml writes it. */
  screen: { removed: boolean; hidden: boolean } | undefined;
  root: { hidden: boolean };
  theme: string | undefined;
}

/** Runs the inline script against a page of the given state, as the browser would before its first paint. */
function run({
  local = {},
  session = {},
  hash = '',
  dark = false,
  storageThrows = false,
  withScreen = true,
}: { local?: Record<string, string>; session?: Record<string, string>; hash?: string; dark?: boolean; storageThrows?: boolean; withScreen?: boolean }): Page {
  const page: Page = { screen: withScreen ? { removed: false, hidden: true } : undefined, root: { hidden: false }, theme: undefined };
  const storage = (items: Record<string, string>) => ({
    getItem: (key: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return Object.hasOwn(items, key) ? (items[key] as string) : null;
    },
  });
  const screenElement = page.screen && {
    set hidden(value: boolean) {
      if (page.screen) page.screen.hidden = value;
    },
    remove: () => {
      if (page.screen) page.screen.removed = true;
    },
    querySelector: (selector: string) => (selector === '[data-spec]' ? { textContent: SPEC } : null),
  };
  const dataset: Record<string, string> = {};
  const document = {
    getElementById: (id: string) => (id === FIRST_SCREEN_ID ? screenElement : id === 'root' ? page.root : null),
    documentElement: { dataset },
  };
  new Function('document', 'localStorage', 'sessionStorage', 'location', 'matchMedia', gateScript())(
    document,
    storage(local),
    storage(session),
    { hash },
    () => ({ matches: dark }),
  );
  page.theme = dataset['theme'];
  return page;
}

const shown = (page: Page) => page.screen?.removed === false && page.screen.hidden === false && page.root.hidden;
const gone = (page: Page) => page.screen?.removed === true && !page.root.hidden;
const saved = (text: string, extra: object = {}) => JSON.stringify({ text, savedAt: 1, ...extra });

describe('the first screen’s inline script', () => {
  it('keeps the first screen for a new visitor and hides the app under it', () => {
    expect(shown(run({}))).toBe(true);
  });

  it('keeps it for a returning user whose saved spec is the example, in this tab or the browser', () => {
    expect(shown(run({ local: { [SPEC_KEY]: saved(SPEC) } }))).toBe(true);
    expect(shown(run({ session: { [SPEC_KEY]: saved(SPEC) }, local: { [SPEC_KEY]: saved('other') } }))).toBe(true);
  });

  it.each([
    ['a share link', { hash: '#spec=abc' }],
    ['any other hash', { hash: '#x' }],
    ['another saved spec', { local: { [SPEC_KEY]: saved('kind: Other') } }],
    ['this tab’s other spec over the browser’s example', { session: { [SPEC_KEY]: saved('kind: Other') }, local: { [SPEC_KEY]: saved(SPEC) } }],
    ['the example saved with output options', { local: { [SPEC_KEY]: saved(SPEC, { output: { workload: 'jobset' } }) } }],
    ['unreadable saved JSON', { local: { [SPEC_KEY]: '{' } }],
    ['fewer objects included', { local: { [PREFS_KEY]: JSON.stringify({ include: 'cs' }) } }],
    ['another default namespace', { local: { [PREFS_KEY]: JSON.stringify({ defaultNamespace: 'hpc' }) } }],
    ['the Cluster view chosen', { local: { [PREFS_KEY]: JSON.stringify({ outputView: 'cluster' }) } }],
    ['storage that throws', { storageThrows: true }],
  ] as const)('removes it before it is painted for %s, and leaves the app shown', (_, state) => {
    expect(gone(run(state))).toBe(true);
  });

  it('keeps it when what is saved is not a spec the app would read (it opens the example then)', () => {
    expect(shown(run({ local: { [SPEC_KEY]: 'null' } }))).toBe(true);
    expect(shown(run({ local: { [SPEC_KEY]: JSON.stringify({ text: 'kind: Other', savedAt: 'yesterday' }) } }))).toBe(true);
  });

  it('passes over this tab’s unreadable save to the browser’s, as the app does', () => {
    const session = { [SPEC_KEY]: JSON.stringify({ text: SPEC, savedAt: '1' }) };
    expect(gone(run({ session, local: { [SPEC_KEY]: saved(SPEC, { output: { queue: 'q' } }) } }))).toBe(true);
  });

  it('keeps it when the stored preferences are the defaults', () => {
    expect(shown(run({ local: { [PREFS_KEY]: JSON.stringify({ include: ALL_INCLUDES, defaultNamespace: 'default', theme: 'system' }) } }))).toBe(true);
  });

  it('sets the theme the app will choose: the stored one, else the system’s', () => {
    expect(run({ local: { [PREFS_KEY]: JSON.stringify({ theme: 'dark' }) } }).theme).toBe('dark');
    expect(run({ local: { [PREFS_KEY]: JSON.stringify({ theme: 'light' }) }, dark: true }).theme).toBe('light');
    expect(run({ dark: true }).theme).toBe('dark');
    expect(run({ local: { [PREFS_KEY]: JSON.stringify({ theme: 'purple' }) } }).theme).toBe('light');
  });

  it('does nothing to the app’s root on a page without a first screen', () => {
    const page = run({ withScreen: false });
    expect(page.root.hidden).toBe(false);
  });
});

describe('the first screen’s inline script against the app’s own choice of spec', () => {
  // Values the storage may hold: our own formats, near misses of them, and anything else.
  const savedValue = fc.oneof(
    fc.constant(saved(SPEC)),
    fc.record({ text: fc.constantFrom(SPEC, `${SPEC} `, 'kind: Other\n'), savedAt: fc.oneof(fc.integer(), fc.constant('1')), output: fc.option(fc.oneof(fc.constant({}), fc.record({ queue: fc.constant('q') })), { nil: undefined }) }).map((v) => JSON.stringify(v)),
    fc.json(),
    fc.string(),
  );
  const prefsValue = fc.oneof(
    fc.record({ include: fc.constantFrom(ALL_INCLUDES, 'cs', 'vjpsc', 5), defaultNamespace: fc.constantFrom('default', 'hpc', 'BAD', undefined), theme: fc.constantFrom('dark', 'light', 'system', 1), outputView: fc.constantFrom('objects', 'cluster', 'Cluster', 2) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.json(),
  );
  const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

  it('never keeps it when the app would open anything but the example with the default output', () => {
    fc.assert(
      fc.property(maybe(savedValue), maybe(savedValue), maybe(prefsValue), fc.constantFrom('', '#', '#spec=x', '#queue=q', `#spec=${'N4Ig'}`), (local, session, prefs, hash) => {
        const localItems: Record<string, string> = {};
        const sessionItems: Record<string, string> = {};
        if (local !== undefined) localItems[SPEC_KEY] = local;
        if (prefs !== undefined) localItems[PREFS_KEY] = prefs;
        if (session !== undefined) sessionItems[SPEC_KEY] = session;
        const page = run({ local: localItems, session: sessionItems, hash });
        const storage = new FakeStorage();
        const tab = new FakeStorage();
        for (const [k, v] of Object.entries(localItems)) storage.setItem(k, v);
        for (const [k, v] of Object.entries(sessionItems)) tab.setItem(k, v);
        const initial = chooseInitialSpec({ hash, storage, tab, presets: [{ id: 'default', title: '', description: '', text: SPEC }], defaultPresetId: 'default' });
        const stored = loadPrefs(storage);
        const appOpensExample = initial.text === SPEC && initial.output === undefined && stored.include === ALL_INCLUDES && stored.defaultNamespace === 'default' && stored.outputView === 'objects';
        if (shown(page)) expect(appOpensExample).toBe(true);
        else expect(gone(page)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
