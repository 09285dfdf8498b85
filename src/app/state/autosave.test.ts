import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_KEYS, testCertificate } from '../../core/testing/testKeys.ts';
import {
  DEFAULT_PREFS,
  PREFS_KEY,
  SPEC_KEY,
  browserStorage,
  clearSaved,
  createAutosaver,
  loadPrefs,
  loadSaved,
  save,
  savePrefs,
  unsavedMessage,
  type SaveResult,
} from './autosave.ts';
import { FakeStorage, ThrowingStorage } from './fakeStorage.test-util.ts';

/** Storage with room for `limit` characters per value: a full quota refuses a large spec. */
class SmallStorage extends FakeStorage {
  constructor(public limit: number) {
    super();
  }
  override setItem(key: string, value: string): void {
    if (value.length > this.limit) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    super.setItem(key, value);
  }
}

const SECRET = TEST_KEYS.secretKey;
const CERT = testCertificate();
const SPEC = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\n# ✓ unicode 🚀\n';
const WITH_CERT = `spec:\n  flux:\n    # mine\n    curveCert: |\n${CERT.split('\n').map((l) => (l ? `      ${l}` : l)).join('\n')}    logLevel: 7\n`;

describe('autosave', () => {
  it('saves and loads the spec under a versioned key', () => {
    const storage = new FakeStorage();
    expect(save(SPEC, storage, 1_700_000_000_000)).toEqual({ ok: true, removed: false });
    expect([...storage.map.keys()]).toEqual(['minicluster-studio:v1:spec']);
    expect(SPEC_KEY).toBe('minicluster-studio:v1:spec');
    expect(loadSaved(storage)).toEqual({ text: SPEC, savedAt: 1_700_000_000_000 });
  });

  it('has nothing to load from empty, corrupt or foreign data', () => {
    const storage = new FakeStorage();
    expect(loadSaved(storage)).toBeUndefined();
    for (const raw of ['not json', '42', 'null', '[]', '{"text":1,"savedAt":2}', '{"text":"a"}', '{"text":"a","savedAt":"x"}']) {
      storage.setItem(SPEC_KEY, raw);
      expect(loadSaved(storage), raw).toBeUndefined();
    }
  });

  it('never stores the certificate, and says it was left out', () => {
    const storage = new FakeStorage();
    expect(save(WITH_CERT, storage)).toEqual({ ok: true, removed: true });
    const raw = storage.getItem(SPEC_KEY)!;
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain('secret-key');
    const saved = loadSaved(storage)!;
    expect(saved.text).toContain('# mine');
    expect(saved.text).toContain('logLevel: 7');
  });

  it('drops the older save when the certificate cannot be left out, so it cannot come back over newer work', () => {
    const storage = new FakeStorage();
    save(SPEC, storage, 1);
    const result = save(`${WITH_CERT}  broken: [\n`, storage, 2);
    expect(result).toMatchObject({ ok: false, problem: 'refused' });
    expect(loadSaved(storage)).toBeUndefined();
    expect(JSON.stringify([...storage.map.values()])).not.toContain(SECRET);
  });

  it('drops the older save when storage refuses the newer spec (too large for the quota)', () => {
    const storage = new SmallStorage(200);
    expect(save(SPEC, storage, 1)).toEqual({ ok: true, removed: false });
    const large = `${SPEC}# ${'x'.repeat(300)}\n`;
    expect(save(large, storage, 2)).toMatchObject({ ok: false, problem: 'failed', reason: expect.stringContaining('full') });
    expect(loadSaved(storage)).toBeUndefined();
  });

  it('keeps the saved copy when storage refuses the very spec it already holds', () => {
    const storage = new SmallStorage(200);
    save(SPEC, storage, 1);
    storage.limit = 0;
    expect(save(SPEC, storage, 2)).toMatchObject({ ok: false, problem: 'failed' });
    expect(loadSaved(storage)).toEqual({ text: SPEC, savedAt: 1 });
  });

  it('does not throw when storage throws (private mode, blocked storage, full quota)', () => {
    const blocked = new ThrowingStorage('SecurityError');
    expect(loadSaved(blocked)).toBeUndefined();
    expect(save(SPEC, blocked)).toMatchObject({ ok: false, problem: 'failed', reason: expect.stringContaining('does not let') });
    expect(() => clearSaved(blocked)).not.toThrow();
    const full = new ThrowingStorage('QuotaExceededError');
    expect(save(SPEC, full)).toMatchObject({ ok: false, problem: 'failed', reason: expect.stringContaining('full') });
  });

  it('reports storage that does not exist', () => {
    expect(loadSaved(undefined)).toBeUndefined();
    expect(save(SPEC, undefined)).toMatchObject({ ok: false, problem: 'unavailable' });
    expect(() => clearSaved(undefined)).not.toThrow();
  });

  it('clears the saved spec', () => {
    const storage = new FakeStorage();
    save(SPEC, storage);
    clearSaved(storage);
    expect(loadSaved(storage)).toBeUndefined();
  });
});

describe('browserStorage', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('is undefined when reading localStorage throws (sandboxed frames, blocked cookies)', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(browserStorage()).toBeUndefined();
    expect(loadSaved()).toBeUndefined();
    expect(save(SPEC)).toMatchObject({ ok: false, problem: 'unavailable' });
    expect(loadPrefs()).toEqual(DEFAULT_PREFS);
  });

  it('is localStorage when there is one', () => {
    const fake = new FakeStorage();
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: fake });
    expect(browserStorage()).toBe(fake);
    save(SPEC);
    expect(loadSaved()?.text).toBe(SPEC);
  });
});

describe('createAutosaver', () => {
  it("keeps a copy in this tab's storage too", () => {
    const shared = new FakeStorage();
    const tab = new FakeStorage();
    const saver = createAutosaver(500, shared, undefined, tab);
    saver.schedule('apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\n');
    saver.flush();
    expect(loadSaved(tab)?.text).toBe(loadSaved(shared)?.text);
    expect(loadSaved(tab)?.text).toContain('MiniCluster');
  });

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, the last text, after a quiet period', () => {
    const storage = new FakeStorage();
    const results: SaveResult[] = [];
    const saver = createAutosaver(500, storage, (r) => results.push(r));
    saver.schedule('a: 1\n');
    vi.advanceTimersByTime(300);
    saver.schedule('a: 2\n');
    vi.advanceTimersByTime(300);
    expect(loadSaved(storage)).toBeUndefined();
    vi.advanceTimersByTime(200);
    expect(loadSaved(storage)?.text).toBe('a: 2\n');
    expect(results).toEqual([{ ok: true, removed: false }]);
  });

  it('flushes the pending text at once, and only once', () => {
    const storage = new FakeStorage();
    const saver = createAutosaver(1000, storage);
    expect(saver.flush()).toBeUndefined();
    saver.schedule(WITH_CERT);
    expect(saver.flush()).toEqual({ ok: true, removed: true });
    expect(loadSaved(storage)?.text).not.toContain(SECRET);
    storage.removeItem(SPEC_KEY);
    vi.advanceTimersByTime(2000);
    expect(loadSaved(storage)).toBeUndefined();
  });

  it('cancels the pending save', () => {
    const storage = new FakeStorage();
    const saver = createAutosaver(100, storage);
    saver.schedule('a: 1\n');
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(loadSaved(storage)).toBeUndefined();
  });

  it('reports a save the storage refused, and leaves no older spec to come back on reload', () => {
    const storage = new SmallStorage(200);
    const results: SaveResult[] = [];
    const saver = createAutosaver(10, storage, (r) => results.push(r));
    saver.schedule(SPEC);
    vi.advanceTimersByTime(10);
    saver.schedule(`${SPEC}# ${'x'.repeat(300)}\n`);
    vi.advanceTimersByTime(10);
    expect(results).toEqual([{ ok: true, removed: false }, { ok: false, problem: 'failed', reason: expect.stringContaining('full') }]);
    expect(loadSaved(storage)).toBeUndefined();
    // The next save that fits is kept again.
    saver.schedule(SPEC);
    vi.advanceTimersByTime(10);
    expect(loadSaved(storage)?.text).toBe(SPEC);
  });

  it('reports failures instead of throwing', () => {
    const results: SaveResult[] = [];
    const saver = createAutosaver(10, new ThrowingStorage('QuotaExceededError'), (r) => results.push(r));
    saver.schedule('a: 1\n');
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
    expect(results).toEqual([{ ok: false, problem: 'failed', reason: expect.stringContaining('full') }]);
  });
});

describe('unsavedMessage', () => {
  it('says nothing when the spec was saved', () => {
    expect(unsavedMessage({ ok: true, removed: false })).toBeUndefined();
    expect(unsavedMessage({ ok: true, removed: true })).toBeUndefined();
  });

  it('says the spec was not saved, why, and how to keep it', () => {
    const full = unsavedMessage({ ok: false, problem: 'failed', reason: 'The browser storage for this page is full.' });
    expect(full).toBe(
      'Your spec could not be saved in this browser: The browser storage for this page is full. ' +
        'It stays in the editor while this page is open; to keep it, use Download spec or Copy link.',
    );
    expect(unsavedMessage({ ok: false, problem: 'unavailable', reason: 'No storage.' })).toContain('Download spec or Copy link');
  });

  it('offers only Download spec when the certificate cannot be left out (a link would refuse too)', () => {
    const message = unsavedMessage({ ok: false, problem: 'refused', reason: 'Line 3 holds a secret key.' });
    expect(message).toContain('Line 3 holds a secret key.');
    expect(message).toContain('use Download spec.');
    expect(message).not.toContain('Copy link');
  });
});

describe('preferences', () => {
  it('default to system theme, every object, namespace default', () => {
    expect(loadPrefs(new FakeStorage())).toEqual({ theme: 'system', outputView: 'objects', include: 'csjpv', defaultNamespace: 'default' });
    expect(DEFAULT_PREFS.include).toBe('csjpv');
  });

  it('round-trip under their own key', () => {
    const storage = new FakeStorage();
    expect(savePrefs({ theme: 'dark', outputView: 'cluster', include: 'cj', defaultNamespace: 'hpc' }, storage)).toBe(true);
    expect(storage.map.has(PREFS_KEY)).toBe(true);
    expect(storage.map.has(SPEC_KEY)).toBe(false);
    expect(loadPrefs(storage)).toEqual({ theme: 'dark', outputView: 'cluster', include: 'cj', defaultNamespace: 'hpc' });
  });

  it('merge a partial update over what is stored', () => {
    const storage = new FakeStorage();
    savePrefs({ theme: 'light', defaultNamespace: 'hpc' }, storage);
    savePrefs({ include: 'j' }, storage);
    expect(loadPrefs(storage)).toEqual({ theme: 'light', outputView: 'objects', include: 'j', defaultNamespace: 'hpc' });
  });

  it('fall back field by field when stored values are unusable', () => {
    const storage = new FakeStorage();
    storage.setItem(PREFS_KEY, JSON.stringify({ theme: 'neon', outputView: 'picture', include: 'jxxcjz', defaultNamespace: 'Not A Namespace' }));
    expect(loadPrefs(storage)).toEqual({ theme: 'system', outputView: 'objects', include: 'cj', defaultNamespace: 'default' });
    storage.setItem(PREFS_KEY, JSON.stringify({ theme: 'light', include: 7 }));
    expect(loadPrefs(storage)).toEqual({ theme: 'light', outputView: 'objects', include: DEFAULT_PREFS.include, defaultNamespace: 'default' });
    storage.setItem(PREFS_KEY, '{broken');
    expect(loadPrefs(storage)).toEqual(DEFAULT_PREFS);
  });

  it('keep an empty selection (every object switched off)', () => {
    const storage = new FakeStorage();
    savePrefs({ include: '' }, storage);
    expect(loadPrefs(storage).include).toBe('');
  });

  it('do not throw when storage throws', () => {
    const storage = new ThrowingStorage();
    expect(loadPrefs(storage)).toEqual(DEFAULT_PREFS);
    expect(savePrefs({ theme: 'dark' }, storage)).toBe(false);
    expect(savePrefs({ theme: 'dark' }, undefined)).toBe(false);
  });
});

describe('autosave of the output options', () => {
  const OPTIONS = { workload: 'jobset', queue: 'team-a', certSecret: true } as const;

  it('saves the options with the spec and loads them back', () => {
    const storage = new FakeStorage();
    expect(save({ text: SPEC, output: OPTIONS }, storage, 5)).toEqual({ ok: true, removed: false });
    expect(loadSaved(storage)).toEqual({ text: SPEC, savedAt: 5, output: OPTIONS });
  });

  it('saves nothing for options that are off, and loads a save from before the options', () => {
    const storage = new FakeStorage();
    save({ text: SPEC, output: { workload: 'job', succeedOnLead: false } }, storage, 5);
    expect(JSON.parse(storage.getItem(SPEC_KEY)!)).toEqual({ text: SPEC, savedAt: 5 });
    storage.setItem(SPEC_KEY, JSON.stringify({ text: SPEC, savedAt: 6 }));
    expect(loadSaved(storage)).toEqual({ text: SPEC, savedAt: 6 });
  });

  it('leaves out a value being typed that is not valid', () => {
    const storage = new FakeStorage();
    save({ text: SPEC, output: { queue: 'Team', succeedOnLead: true } }, storage, 5);
    expect(loadSaved(storage)).toEqual({ text: SPEC, savedAt: 5, output: { succeedOnLead: true } });
  });

  it('drops stored options that are not valid, and keeps the spec', () => {
    const storage = new FakeStorage();
    for (const output of ['jobset', 42, null, [], { workload: 'pods', queue: 'Bad Queue', certSecret: 'yes' }]) {
      storage.setItem(SPEC_KEY, JSON.stringify({ text: SPEC, savedAt: 1, output }));
      expect(loadSaved(storage), JSON.stringify(output)).toEqual({ text: SPEC, savedAt: 1 });
    }
    storage.setItem(SPEC_KEY, JSON.stringify({ text: SPEC, savedAt: 1, output: { queue: 'Bad Queue', certSecret: true } }));
    expect(loadSaved(storage)).toEqual({ text: SPEC, savedAt: 1, output: { certSecret: true } });
  });

  it('keeps the saved copy only when it holds the same spec and options as the refused save', () => {
    const storage = new SmallStorage(200);
    save({ text: SPEC, output: OPTIONS }, storage, 1);
    storage.limit = 0;
    expect(save({ text: SPEC, output: OPTIONS }, storage, 2)).toMatchObject({ ok: false, problem: 'failed' });
    expect(loadSaved(storage)).toEqual({ text: SPEC, savedAt: 1, output: OPTIONS });
    // Other options: the older save would come back with options the user has changed.
    expect(save({ text: SPEC, output: { queue: 'team-b' } }, storage, 3)).toMatchObject({ ok: false, problem: 'failed' });
    expect(loadSaved(storage)).toBeUndefined();
  });

  it('debounces the spec and the options together', () => {
    vi.useFakeTimers();
    try {
      const storage = new FakeStorage();
      const results: SaveResult[] = [];
      const autosaver = createAutosaver(400, storage, (result) => results.push(result));
      autosaver.schedule({ text: SPEC, output: { queue: 'team-a' } });
      vi.advanceTimersByTime(200);
      autosaver.schedule({ text: SPEC, output: { queue: 'team-b' } });
      vi.advanceTimersByTime(399);
      expect(loadSaved(storage)).toBeUndefined();
      vi.advanceTimersByTime(1);
      expect(loadSaved(storage)?.output).toEqual({ queue: 'team-b' });
      expect(results).toEqual([{ ok: true, removed: false }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
