/**
 * The CLI's keypairs from Node's own X25519 (OpenSSL), which is part of the Node binary: libsodium
 * would add some 460 KB of JavaScript and a WebAssembly start to every run that writes objects.
 * It is a key of the same kind as libsodium's `crypto_box_keypair` makes: 32 random bytes as the
 * secret key (OpenSSL clamps them as it makes them; libsodium leaves that to each use, which gives
 * the same public key) and X25519 of them with the base point as the public key.
 */
import type { CurveKeypair } from '../core/curve/index.ts';

/** The DER around an X25519 key (RFC 8410): the raw 32 bytes come right after these. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

function keyAfter(prefix: Buffer, der: Buffer): Uint8Array {
  if (der.length !== prefix.length + 32 || !der.subarray(0, prefix.length).equals(prefix)) {
    throw new Error('X25519 key in an unexpected DER encoding');
  }
  return new Uint8Array(der.subarray(prefix.length));
}

export function nodeKeypair(): CurveKeypair {
  // node:crypto is loaded on the first key, not with the CLI: --help, --check and --schema make none.
  const { generateKeyPairSync } = process.getBuiltinModule('node:crypto');
  // The keys come encoded from the key generation itself. Exporting a new KeyObject instead
  // (`.export({ format: 'jwk' })`) can deadlock Node 20: a garbage collection during the export
  // frees the generation job, whose key shares the lock the export holds.
  const { publicKey, privateKey } = generateKeyPairSync('x25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return { publicKey: keyAfter(SPKI_PREFIX, publicKey), secretKey: keyAfter(PKCS8_PREFIX, privateKey) };
}
