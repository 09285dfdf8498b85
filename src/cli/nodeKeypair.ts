/**
 * The CLI's keypairs from Node's own X25519 (OpenSSL), which is part of the Node binary: libsodium
 * would add some 460 KB of JavaScript and a WebAssembly start to every run that writes objects.
 * It is the same key as libsodium's `crypto_box_keypair` makes: 32 random bytes as the secret key
 * (clamped only when used, as RFC 7748 has it) and X25519 of them with the base point as the
 * public key.
 */
import type { CurveKeypair } from '../core/curve/index.ts';

export function nodeKeypair(): CurveKeypair {
  // node:crypto is loaded on the first key, not with the CLI: --help, --check and --schema make none.
  const { generateKeyPairSync } = process.getBuiltinModule('node:crypto');
  const jwk = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
  if (typeof jwk.d !== 'string' || typeof jwk.x !== 'string') throw new Error('X25519 key export without its key bytes');
  return { publicKey: new Uint8Array(Buffer.from(jwk.x, 'base64url')), secretKey: new Uint8Array(Buffer.from(jwk.d, 'base64url')) };
}
