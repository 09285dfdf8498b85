/**
 * Values the operator filled with fresh random UUIDs when the spec left them empty: the REST API
 * token and secret key, and user passwords.
 *
 * A generator that runs on every edit cannot draw new random values each time (the preview would
 * change on every keystroke), so they are derived with HMAC-SHA-256 from a secret seed the
 * caller already keeps for the session: the CURVE certificate text, which holds the secret key.
 * A new certificate gives new values; the same certificate gives the same ones. The seed cannot
 * be recovered from them.
 */

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

// Re-exported so the tests can hold SHA-256 itself against another implementation.
export { sha256 };

const utf8 = (text: string) => new TextEncoder().encode(text);

/** HMAC-SHA-256 (RFC 2104). */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmac(sha256, key, message);
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A UUID version 4 text made from the first 16 bytes of HMAC(seed, purpose). */
export function derivedUuid(seed: string, purpose: string): string {
  const bytes = hmacSha256(utf8(seed), utf8(purpose)).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The operator's default password: the first 8 characters of a UUID (lowercase hex). */
export function derivedPassword(seed: string, purpose: string): string {
  return derivedUuid(seed, purpose).slice(0, 8);
}
