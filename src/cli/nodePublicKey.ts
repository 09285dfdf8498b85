/**
 * The CLI's `curvePublicKey`: the same X25519(secret, 9) as the core's (`core/curve/publicKey.ts`),
 * computed by Node's own X25519 (OpenSSL). The CLI's build puts it in place of the core's module
 * (`scripts/buildCli.mjs`), because a run that writes objects loads `node:crypto` for its keys
 * anyway, while the noble curves that the core's module uses build their Edwards curve and probe
 * WebCrypto as they load: some milliseconds of every run, for a certificate check few runs make.
 */

/** The DER around an X25519 key (RFC 8410): the raw 32 bytes come right after these. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
/** The base point, u = 9, as a public key. */
const BASE_POINT = Buffer.concat([SPKI_PREFIX, Buffer.from([9]), Buffer.alloc(31)]);

/** X25519(secret, 9), as libsodium's `crypto_scalarmult_base` computes it (OpenSSL clamps the scalar, as libsodium does). */
export function curvePublicKey(secret: Uint8Array): Uint8Array {
  if (secret.length !== 32) {
    throw new Error(`curvePublicKey: secret key is ${secret.length} bytes; a CURVE secret key is 32 bytes`);
  }
  const { createPrivateKey, createPublicKey, diffieHellman } = process.getBuiltinModule('node:crypto');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, secret]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey({ key: BASE_POINT, format: 'der', type: 'spki' });
  return new Uint8Array(diffieHellman({ privateKey, publicKey }));
}
