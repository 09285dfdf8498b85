/**
 * The public key of a CURVE secret key, computed synchronously so that the certificate reader can
 * check a keypair inside analysis (libsodium, which makes the keys, needs `await sodium.ready`).
 */
import { montgomery } from '@noble/curves/abstract/montgomery.js';
import { pow } from '@noble/curves/abstract/modular.js';

/** The prime of Curve25519, 2^255 - 19 (RFC 7748, section 4.1). */
const P = 2n ** 255n - 19n;

/**
 * X25519 from noble's Montgomery ladder and the RFC's parameters, not noble's ready-made `x25519`:
 * that one comes with the Ed25519 curve, whose base-point tables are built when the module loads
 * (some milliseconds at every start of the CLI and the worker, for a check that few specs need).
 */
const x25519 = montgomery({
  P,
  type: 'x25519',
  // The RFC's decodeScalar25519: the secret is clamped here, as libsodium does, not at key generation.
  adjustScalarBytes(bytes: Uint8Array) {
    bytes[0]! &= 248;
    bytes[31]! &= 127;
    bytes[31]! |= 64;
    return bytes;
  },
  powPminus2: (x: bigint) => pow(x, P - 2n, P),
});

/**
 * X25519(secret, 9), as libzmq's `zmq_curve_public` (libsodium's `crypto_scalarmult_base`)
 * computes it.
 *
 * The Montgomery ladder rather than `getPublicKey`: a certificate is checked once, and a
 * fixed-base multiplication first builds base-point tables to be fast only from the second key on.
 */
export function curvePublicKey(secret: Uint8Array): Uint8Array {
  if (secret.length !== 32) {
    throw new Error(`curvePublicKey: secret key is ${secret.length} bytes; a CURVE secret key is 32 bytes`);
  }
  return x25519.scalarMult(secret, x25519.GuBytes);
}
