/**
 * Z85 (ZeroMQ RFC 32): big-endian 4-byte groups to 5 base-85 characters, no padding.
 *
 * The reference decoder maps unknown characters to 0, which silently turns a typo into a
 * different key; this decoder rejects them instead, as flux-core's cert reader does.
 */

import { quote } from '../common/quoteText.ts';

export const Z85_ALPHABET =
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';

/** Length of a Z85-encoded 32-byte CURVE key. */
export const Z85_KEY_LENGTH = 40;

// Index by char code; -1 marks characters outside the alphabet. Codes above 127 are never valid.
const DECODE_TABLE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < Z85_ALPHABET.length; i++) table[Z85_ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Value 0..84 of a Z85 character, or -1 when it is not in the alphabet. */
export function z85Value(ch: string): number {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1 || code >= 128) return -1;
  return DECODE_TABLE[code] ?? -1;
}

export function isZ85Char(ch: string): boolean {
  return z85Value(ch) >= 0;
}

// Invisible characters (tab, newline, NUL, bidi controls) are written as escapes in the message.
function describeChar(ch: string): string {
  return quote(ch);
}

export function z85Encode(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) {
    throw new Error(
      `z85Encode: input is ${bytes.length} bytes; Z85 has no padding, so the length must be a multiple of 4`,
    );
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    // Multiplication instead of << keeps the value unsigned (bit 31 would turn it negative).
    let value =
      (bytes[i] ?? 0) * 0x1000000 +
      (bytes[i + 1] ?? 0) * 0x10000 +
      (bytes[i + 2] ?? 0) * 0x100 +
      (bytes[i + 3] ?? 0);
    const block = new Array<string>(5);
    for (let j = 4; j >= 0; j--) {
      block[j] = Z85_ALPHABET.charAt(value % 85);
      value = Math.floor(value / 85);
    }
    out += block.join('');
  }
  return out;
}

export function z85Decode(text: string): Uint8Array {
  if (text.length % 5 !== 0) {
    throw new Error(
      `z85Decode: input is ${text.length} characters; Z85 text must be a multiple of 5 characters long`,
    );
  }
  const out = new Uint8Array((text.length / 5) * 4);
  for (let i = 0; i < text.length; i += 5) {
    let value = 0;
    for (let j = 0; j < 5; j++) {
      const ch = text.charAt(i + j);
      const digit = z85Value(ch);
      if (digit < 0) {
        throw new Error(
          `z85Decode: character ${describeChar(ch)} at index ${i + j} is not in the Z85 alphabet`,
        );
      }
      value = value * 85 + digit;
    }
    // Five chars can express up to 85^5-1 > 2^32-1 (e.g. "#####"); such a block is not
    // the encoding of any 4 bytes, so accepting it would let two texts mean the same key.
    if (value > 0xffffffff) {
      throw new Error(
        `z85Decode: block ${JSON.stringify(text.slice(i, i + 5))} at index ${i} exceeds 32 bits and encodes no bytes`,
      );
    }
    const o = (i / 5) * 4;
    out[o] = Math.floor(value / 0x1000000) & 0xff;
    out[o + 1] = (value >>> 16) & 0xff;
    out[o + 2] = (value >>> 8) & 0xff;
    out[o + 3] = value & 0xff;
  }
  return out;
}

/** True for exactly 40 Z85 characters, the textual form of a 32-byte CURVE key. */
export function isZ85Key(text: string): boolean {
  if (text.length !== Z85_KEY_LENGTH) return false;
  for (const ch of text) if (!isZ85Char(ch)) return false;
  return true;
}
