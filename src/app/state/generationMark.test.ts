import { describe, expect, it } from 'vitest';
import { FakeStorage, ThrowingStorage } from './fakeStorage.test-util.ts';
import { GENERATING_KEY, generationMark, textDigest } from './generationMark.ts';

describe('the generation mark', () => {
  it('is left in storage while a text generates and goes when it is done', () => {
    const storage = new FakeStorage();
    const mark = generationMark(storage);
    mark.start('spec: 1');
    expect(storage.getItem(GENERATING_KEY)).toBe(textDigest('spec: 1'));
    expect(storage.getItem(GENERATING_KEY)).not.toContain('spec');
    mark.done();
    expect(storage.getItem(GENERATING_KEY)).toBeNull();
  });

  it('tells the next visit that this text never finished, and not another text', () => {
    const storage = new FakeStorage();
    generationMark(storage).start('kills the tab');
    const next = generationMark(storage);
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
    const mark = generationMark(new ThrowingStorage());
    expect(() => mark.start('x')).not.toThrow();
    expect(() => mark.done()).not.toThrow();
    expect(mark.leftOn('x')).toBe(false);
    expect(generationMark(undefined).leftOn('x')).toBe(false);
  });
});
