import { describe, expect, it } from 'vitest';
import { ALL_INCLUDES } from '../../core/kinds.ts';
import { PREFS_KEY, SPEC_KEY } from '../state/storage.ts';
import { gateScript } from './gateScript.ts';
import { FIRST_SCREEN_ID } from './ids.ts';

const SPEC = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\n';

interface Page {
  screen: { removed: boolean } | undefined;
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
  const page: Page = { screen: withScreen ? { removed: false } : undefined, root: { hidden: false }, theme: undefined };
  const storage = (items: Record<string, string>) => ({
    getItem: (key: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return Object.hasOwn(items, key) ? (items[key] as string) : null;
    },
  });
  const screenElement = page.screen && {
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

const shown = (page: Page) => page.screen?.removed === false && page.root.hidden;
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
    ['a saved null', { local: { [SPEC_KEY]: 'null' } }],
    ['fewer objects included', { local: { [PREFS_KEY]: JSON.stringify({ include: 'cs' }) } }],
    ['another default namespace', { local: { [PREFS_KEY]: JSON.stringify({ defaultNamespace: 'hpc' }) } }],
    ['storage that throws', { storageThrows: true }],
  ] as const)('removes it before it is painted for %s, and leaves the app shown', (_, state) => {
    expect(gone(run(state))).toBe(true);
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
