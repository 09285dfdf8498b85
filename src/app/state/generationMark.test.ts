import { describe, expect, it } from 'vitest';
import { FakeStorage, ThrowingStorage } from './fakeStorage.test-util.ts';
import { GENERATING_KEY, OTHER_TAB_MARK_MS, generationMark, textDigest } from './generationMark.ts';

let clock = 1_000_000;
const tab = (name: string) => ({ tab: name, now: () => clock });

describe('the generation mark', () => {
  it('is left in storage while a text generates and goes when it is done', () => {
    const storage = new FakeStorage();
    const mark = generationMark(storage, tab('a'));
    mark.start('spec: 1');
    expect(storage.getItem(GENERATING_KEY)).toBe(`${textDigest('spec: 1')} a ${clock}`);
    expect(storage.getItem(GENERATING_KEY)).not.toContain('spec');
    mark.done();
    expect(storage.getItem(GENERATING_KEY)).toBeNull();
  });

  it('tells the next visit that this text never finished, and not another text', () => {
    const storage = new FakeStorage();
    generationMark(storage, tab('a')).start('kills the tab');
    const next = generationMark(storage, tab('a'));
    expect(next.leftOn('kills the tab')).toBe(true);
    expect(next.leftOn('kills the tab ')).toBe(false);
    // The next visit's first answer clears the old mark.
    next.done();
    expect(storage.getItem(GENERATING_KEY)).toBeNull();
  });

  it('digests texts apart', () => {
    expect(textDigest('a: 1')).not.toBe(textDigest('a: 2'));
    expect(textDigest('')).toBe('0:811c9dc5');
  });

  it('does nothing where storage throws', () => {
    const mark = generationMark(new ThrowingStorage(), tab('a'));
    expect(() => mark.start('x')).not.toThrow();
    expect(() => mark.done()).not.toThrow();
    expect(mark.leftOn('x')).toBe(false);
    expect(generationMark(undefined, tab('a')).leftOn('x')).toBe(false);
  });

  it("does not take another tab's live mark for one left behind, until it is older than the stall limit", () => {
    const storage = new FakeStorage();
    generationMark(storage, tab('busy')).start('same spec');
    const opening = generationMark(storage, tab('opening'));
    expect(opening.leftOn('same spec')).toBe(false);
    clock += OTHER_TAB_MARK_MS - 1;
    expect(opening.leftOn('same spec')).toBe(false);
    clock += 1;
    // The other tab never cleared it: it died on this text, and a new tab is warned too.
    expect(opening.leftOn('same spec')).toBe(true);
  });

  it('counts a mark written before marks named their tab', () => {
    const storage = new FakeStorage();
    storage.setItem(GENERATING_KEY, textDigest('old'));
    expect(generationMark(storage, tab('a')).leftOn('old')).toBe(true);
  });
});
