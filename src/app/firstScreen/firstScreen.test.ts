import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../core/testing/testKeys.ts';
import { respond } from '../generation/respond.ts';
import { COLLAPSE_LINES } from '../preview/collapse.ts';
import { DEFAULT_PRESET_ID, PRESET_CATALOG } from '../presets/catalog.ts';
import { PRESETS } from '../presets/index.ts';
import { firstScreenOf, firstScreenParts } from './firstScreen.ts';
import { PLACEHOLDER_KEY, firstScreenHtml } from './firstScreenHtml.ts';
import { revealApp } from './reveal.ts';
import { FIRST_SCREEN_ID } from './ids.ts';

const TITLES = PRESET_CATALOG.map((entry) => entry.title);
const SPEC = readFileSync(new URL(`../presets/${DEFAULT_PRESET_ID}.yaml`, import.meta.url), 'utf8');
const keys = { publicKey: TEST_KEYS.publicKey, secretKey: TEST_KEYS.secretKey };

describe('the first screen’s objects', () => {
  it('is made from the file the app opens with by default', () => {
    expect(PRESETS.find((preset) => preset.id === DEFAULT_PRESET_ID)?.text).toBe(SPEC);
  });

  it('are the app’s objects for the example, to the byte, but for the keys, which are placeholders', () => {
    const app = respond({ id: 1, text: SPEC, defaultNamespace: 'default', keys });
    const { objects } = firstScreenParts(SPEC, TITLES);
    expect(objects.map((o) => `${o.kind} ${o.name}`)).toEqual(app.manifests?.map((m) => `${m.kind} ${m.name}`));
    objects.forEach((object, i) => {
      const appYaml = app.manifests?.[i]?.yaml ?? '';
      expect(object.yaml).toBe(appYaml.replaceAll(keys.publicKey, PLACEHOLDER_KEY).replaceAll(keys.secretKey, PLACEHOLDER_KEY));
    });
    const holders = objects.filter((o) => o.yaml.includes(PLACEHOLDER_KEY));
    expect(holders.map((o) => o.kind)).toEqual(['ConfigMap']);
    expect(holders[0]?.yaml).toContain(`public-key = "${PLACEHOLDER_KEY}"`);
    expect(holders[0]?.yaml).toContain(`secret-key = "${PLACEHOLDER_KEY}"`);
    expect(objects.map((o) => o.yaml).join('')).not.toMatch(/first-screen-(public|secret)-key/);
  });

  it('has the preview’s summary and toggles', () => {
    const { summary, toggles } = firstScreenParts(SPEC, TITLES);
    expect(summary).toBe('1 ConfigMap, 1 Service, 1 Job: 4 pods');
    expect(toggles.map((t) => [t.label, t.checked, t.disabled])).toEqual([
      ['ConfigMaps', true, false],
      ['Service', true, false],
      ['Job', true, false],
      ['Volumes', false, true],
    ]);
  });

  it('refuses a spec that does not generate, rather than write a page without objects', () => {
    expect(() => firstScreenOf('kind: MiniCluster\n', TITLES)).toThrow(/does not generate/);
  });
});

describe('the first screen’s HTML', () => {
  const yaml = (lines: number) => `---\n${Array.from({ length: lines - 1 }, (_, i) => `k${i}: v`).join('\n')}\n`;
  const html = firstScreenHtml({
    specText: '\n# <b>&\nkind: MiniCluster\n',
    objects: [
      { kind: 'ConfigMap', name: 'a<b', yaml: `${yaml(60)}x: "${PLACEHOLDER_KEY}"\n` },
      { kind: 'Service', name: 's', yaml: yaml(3) },
    ],
    summary: '2 <things>',
    toggles: [{ label: 'Volumes', checked: false, disabled: true, note: 'none <here>' }],
    exampleTitles: ['Hello & bye'],
  });

  it('escapes every text it writes', () => {
    expect(html).toContain('# &lt;b&gt;&amp;');
    expect(html).toContain('a&lt;b');
    expect(html).toContain('2 &lt;things&gt;');
    expect(html).toContain('none &lt;here&gt;');
    expect(html).toContain('<option>Hello &amp; bye</option>');
    expect(html).not.toMatch(/<b>|<things>|<here>/);
  });

  it('keeps a spec’s first line break, which the HTML parser drops from a <pre>', () => {
    expect(html).toContain('data-spec>\n\n# &lt;b&gt;');
  });

  it('collapses a long object to its first lines, as the app’s cards do, and times each object’s paint', () => {
    const [first, second] = html.split('<article').slice(1);
    expect(first?.match(/<span>/g)?.length).toBe(COLLAPSE_LINES);
    expect(first).toContain('Show all 61 lines');
    expect(second).not.toContain('Show all');
    expect(html.match(/elementtiming="mcs-object"/g)?.length).toBe(2);
  });

  it('marks the card that holds placeholder keys, and only that one', () => {
    const [first, second] = html.split('<article').slice(1);
    expect(first).toContain('Placeholder keys');
    expect(second).not.toContain('Placeholder keys');
  });

  it('arrives hidden (only its inline script may show it) and inert, for the keyboard, the mouse and assistive technology', () => {
    expect(html).toMatch(new RegExp(`^<div id="${FIRST_SCREEN_ID}" class="[^"]*" hidden inert>`));
  });
});

describe('revealApp', () => {
  it('removes the first screen and shows the app’s root', () => {
    let removed = false;
    const root = { hidden: true };
    const doc = { getElementById: (id: string) => (id === FIRST_SCREEN_ID ? { remove: () => (removed = true) } : id === 'root' ? root : null) };
    revealApp(doc as unknown as Document);
    expect(removed).toBe(true);
    expect(root.hidden).toBe(false);
  });
});
