import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, PRESETS, type Preset } from '../presets/index.ts';
import { save } from './autosave.ts';
import { FakeStorage, ThrowingStorage } from './fakeStorage.test-util.ts';
import { chooseInitialSpec } from './initialSpec.ts';
import { encodeSpecHash, shareHash } from './shareLink.ts';
import { openingStatus } from './useStatus.ts';

const LINKED = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: from-link\n';
const SAVED = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: from-storage\n';
const defaultText = PRESETS.find((p) => p.id === DEFAULT_PRESET_ID)!.text;

function storageWith(text?: string): FakeStorage {
  const storage = new FakeStorage();
  if (text !== undefined) save(text, storage, 1234);
  return storage;
}

describe('chooseInitialSpec', () => {
  it('opens a share link first, and hands back the autosave it displaces', () => {
    const result = chooseInitialSpec({ hash: encodeSpecHash(LINKED), storage: storageWith(SAVED), presets: PRESETS });
    expect(result).toEqual({ text: LINKED, source: 'link', displaced: { text: SAVED, savedAt: 1234 } });
  });

  it('does not offer back an autosave equal to the link', () => {
    const result = chooseInitialSpec({ hash: encodeSpecHash(LINKED), storage: storageWith(LINKED), presets: PRESETS });
    expect(result).toEqual({ text: LINKED, source: 'link' });
  });

  it('opens the autosave when there is no link', () => {
    for (const hash of ['', '#', '#theme=dark']) {
      expect(chooseInitialSpec({ hash, storage: storageWith(SAVED), presets: PRESETS })).toEqual({ text: SAVED, source: 'autosave' });
    }
  });

  it("opens this tab's own autosave before the one all tabs share, so a reload keeps this tab's spec", () => {
    const mine = SAVED.replace('from-storage', 'from-this-tab');
    expect(chooseInitialSpec({ hash: '', storage: storageWith(SAVED), tab: storageWith(mine), presets: PRESETS })).toEqual({ text: mine, source: 'autosave' });
    // A new tab has no copy of its own: the shared one.
    expect(chooseInitialSpec({ hash: '', storage: storageWith(SAVED), tab: new FakeStorage(), presets: PRESETS })).toEqual({ text: SAVED, source: 'autosave' });
  });

  it('opens the default preset when there is neither', () => {
    expect(chooseInitialSpec({ hash: '', storage: new FakeStorage(), presets: PRESETS })).toEqual({ text: defaultText, source: 'default' });
    expect(chooseInitialSpec({ hash: '', storage: undefined, presets: PRESETS })).toEqual({ text: defaultText, source: 'default' });
  });

  it('falls back, and says why, when the link cannot be read', () => {
    const corrupt = '#spec=not-a-real-payload!!';
    expect(chooseInitialSpec({ hash: corrupt, storage: storageWith(SAVED), presets: PRESETS })).toEqual({
      text: SAVED,
      source: 'autosave',
      linkProblem: expect.stringContaining('your last saved spec'),
    });
    expect(chooseInitialSpec({ hash: corrupt, storage: new FakeStorage(), presets: PRESETS })).toEqual({
      text: defaultText,
      source: 'default',
      linkProblem: expect.stringContaining('the default example'),
    });
  });

  it('survives storage that throws', () => {
    expect(chooseInitialSpec({ hash: '', storage: new ThrowingStorage(), presets: PRESETS })).toEqual({ text: defaultText, source: 'default' });
    expect(chooseInitialSpec({ hash: encodeSpecHash(LINKED), storage: new ThrowingStorage(), presets: PRESETS })).toEqual({
      text: LINKED,
      source: 'link',
    });
  });

  it('uses the first preset when the default id is unknown, and empty text without presets', () => {
    const presets: Preset[] = [{ id: 'only', title: 'Only', description: 'The only one.', text: 'a: 1\n' }];
    expect(chooseInitialSpec({ hash: '', storage: undefined, presets })).toEqual({ text: 'a: 1\n', source: 'default' });
    expect(chooseInitialSpec({ hash: '', storage: undefined, presets, defaultPresetId: 'nope' }).text).toBe('a: 1\n');
    expect(chooseInitialSpec({ hash: '', storage: undefined, presets: [] })).toEqual({ text: '', source: 'default' });
  });
});

describe('chooseInitialSpec with output options', () => {
  const OPTIONS = { workload: 'jobset', queue: 'team-a' } as const;
  const link = (text: string, options = {}) => {
    const shared = shareHash(text, options);
    if (!shared.ok) throw new Error(shared.reason);
    return shared.hash;
  };

  it('opens a link with its options, and no others', () => {
    const storage = new FakeStorage();
    save({ text: SAVED, output: { certSecret: true } }, storage, 1);
    expect(chooseInitialSpec({ hash: link(LINKED, OPTIONS), storage: new FakeStorage(), presets: PRESETS })).toEqual({ text: LINKED, source: 'link', output: OPTIONS });
    // A link without options opens with every option off, whatever the autosave had.
    expect(chooseInitialSpec({ hash: link(LINKED), storage, presets: PRESETS })).toEqual({
      text: LINKED,
      source: 'link',
      displaced: { text: SAVED, savedAt: 1, output: { certSecret: true } },
    });
  });

  it('offers back an autosave of the same spec with other options', () => {
    const storage = new FakeStorage();
    save({ text: LINKED, output: { certSecret: true } }, storage, 1);
    expect(chooseInitialSpec({ hash: link(LINKED, OPTIONS), storage, presets: PRESETS }).displaced).toEqual({ text: LINKED, savedAt: 1, output: { certSecret: true } });
    save({ text: LINKED, output: OPTIONS }, storage, 2);
    expect(chooseInitialSpec({ hash: link(LINKED, OPTIONS), storage, presets: PRESETS })).not.toHaveProperty('displaced');
  });

  it('opens the autosave with its options', () => {
    const storage = new FakeStorage();
    save({ text: SAVED, output: OPTIONS }, storage, 1);
    expect(chooseInitialSpec({ hash: '', storage, presets: PRESETS })).toEqual({ text: SAVED, source: 'autosave', output: OPTIONS });
  });

  it('opens a hand-edited link without its bad values, and the status line names them', () => {
    const hash = `${encodeSpecHash(LINKED)}&workload=jobset&queue=Bad%20Queue&cert-secret=2`;
    const initial = chooseInitialSpec({ hash, storage: undefined, presets: PRESETS });
    expect(initial).toEqual({
      text: LINKED,
      source: 'link',
      output: { workload: 'jobset' },
      optionProblems: [expect.stringContaining('for the certificate in a Secret is not 1 or 0'), expect.stringContaining('"Bad Queue" is not a valid LocalQueue name')],
    });
    const status = openingStatus(initial);
    expect(status).toMatch(/^Opened the spec from the shared link, without some of its output options: /);
    expect(status).toContain('"Bad Queue"');
  });

  it('ignores options beside a spec that cannot be read', () => {
    expect(chooseInitialSpec({ hash: '#spec=!!!&workload=jobset', storage: undefined, presets: PRESETS })).toEqual({
      text: defaultText,
      source: 'default',
      linkProblem: expect.any(String),
    });
  });
});
