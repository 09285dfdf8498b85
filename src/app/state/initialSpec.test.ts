import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, PRESETS, type Preset } from '../presets/index.ts';
import { save } from './autosave.ts';
import { FakeStorage, ThrowingStorage } from './fakeStorage.test-util.ts';
import { chooseInitialSpec } from './initialSpec.ts';
import { encodeSpecHash } from './shareLink.ts';

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
