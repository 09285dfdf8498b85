import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Z85_ALPHABET, isZ85Key, z85Decode, z85Encode } from './z85.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
}

describe('Z85 (ZeroMQ RFC 32)', () => {
  it('has the 85-character alphabet of the RFC', () => {
    expect(Z85_ALPHABET).toHaveLength(85);
    expect(new Set(Z85_ALPHABET).size).toBe(85);
  });

  it('encodes and decodes the RFC test vector', () => {
    const bytes = Uint8Array.from([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]);
    expect(z85Encode(bytes)).toBe('HelloWorld');
    expect(z85Decode('HelloWorld')).toEqual(bytes);
  });

  it('encodes and decodes the 32-byte vector of spec_32.c', () => {
    const bytes = hex('8E0BDD697628B91D8F245587EE95C5B04D48963F79259877B49CD9063AEAD3B7');
    const text = 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6';
    expect(z85Encode(bytes)).toBe(text);
    expect(z85Decode(text)).toEqual(bytes);
  });

  it('maps empty to empty', () => {
    expect(z85Encode(new Uint8Array(0))).toBe('');
    expect(z85Decode('')).toEqual(new Uint8Array(0));
  });

  it('handles the extremes of a block', () => {
    expect(z85Encode(new Uint8Array(4))).toBe('00000');
    expect(z85Encode(Uint8Array.from([255, 255, 255, 255]))).toBe('%nSc0');
    expect(z85Decode('%nSc0')).toEqual(Uint8Array.from([255, 255, 255, 255]));
  });

  it('rejects binary input whose length is not a multiple of 4', () => {
    for (const n of [1, 2, 3, 5, 31, 33]) {
      expect(() => z85Encode(new Uint8Array(n))).toThrow(`input is ${n} bytes`);
    }
  });

  it('rejects text whose length is not a multiple of 5', () => {
    for (const t of ['H', 'Hell', 'HelloW', 'HelloWorl']) {
      expect(() => z85Decode(t)).toThrow(`input is ${t.length} characters`);
    }
  });

  it('rejects characters outside the alphabet, naming the character and its index', () => {
    expect(() => z85Decode('Vtb A')).toThrow('character " " at index 3 is not in the Z85 alphabet');
    expect(() => z85Decode('Hello"orld')).toThrow('character "\\"" at index 5');
    expect(() => z85Decode('\\0000')).toThrow('at index 0');
    for (const ch of [',', '`', '~', '_', '|', ';', "'", '\t', 'é']) {
      expect(() => z85Decode(`0000${ch}`)).toThrow('index 4');
    }
  });

  it('rejects a block that exceeds 32 bits instead of wrapping around', () => {
    expect(() => z85Decode('#####')).toThrow('exceeds 32 bits');
    expect(() => z85Decode('%nSc1')).toThrow('exceeds 32 bits');
  });

  it('round-trips random 4n-byte arrays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 64 }).chain((n) => fc.uint8Array({ minLength: 4 * n, maxLength: 4 * n })),
        (bytes) => {
          const text = z85Encode(bytes);
          expect(text).toHaveLength((bytes.length / 4) * 5);
          expect(z85Decode(text)).toEqual(bytes);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips random Z85 text that encodes 32-bit blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 16 }), (words) => {
        const bytes = new Uint8Array(words.length * 4);
        const view = new DataView(bytes.buffer);
        words.forEach((w, i) => view.setUint32(i * 4, w, false));
        expect(z85Decode(z85Encode(bytes))).toEqual(bytes);
      }),
    );
  });

  it('recognises a CURVE key as exactly 40 Z85 characters', () => {
    expect(isZ85Key('JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6')).toBe(true);
    expect(isZ85Key('7F)3@>MGW.+)..qc)8R#lfL31*^QX<GXufgpVtbA')).toBe(true);
    expect(isZ85Key('JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh')).toBe(false);
    expect(isZ85Key('JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh66')).toBe(false);
    expect(isZ85Key('JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{L 6')).toBe(false);
    expect(isZ85Key('')).toBe(false);
  });
});
