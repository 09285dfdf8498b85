/**
 * The public key of a CURVE secret key, computed synchronously so that the certificate reader can
 * check a keypair inside analysis (libsodium, which makes the keys, needs `await sodium.ready`).
 */
import { x25519 } from '@noble/curves/ed25519.js';

/**
 * X25519(secret, 9), as libzmq's `zmq_curve_public` (libsodium's `crypto_scalarmult_base`)
 * computes it; the raw 32 bytes are clamped here, as libsodium does, not at key generation.
 *
 * The Montgomery ladder rather than `getPublicKey`: a certificate is checked once, and
 * `getPublicKey` first builds base-point tables (tens of milliseconds, some of it on the page's
 * main thread) to be fast only from the second key on.
 */
export function curvePublicKey(secret: Uint8Array): Uint8Array {
  if (secret.length !== 32) {
    throw new Error(`curvePublicKey: secret key is ${secret.length} bytes; a CURVE secret key is 32 bytes`);
  }
  return x25519.scalarMult(secret, x25519.GuBytes);
}
