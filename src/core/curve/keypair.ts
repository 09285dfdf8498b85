/**
 * libsodium (WebAssembly, a few hundred KB) is loaded on first use, so that importing the curve
 * module (for the certificate format and reader) does not pull it into the app's first bundle.
 */
async function loadSodium() {
  const sodium = (await import('libsodium-wrappers')).default;
  await sodium.ready;
  return sodium;
}

export interface CurveKeypair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/**
 * Where new keypairs come from. Injectable so that tests (and "fixed certificate" modes) can
 * produce deterministic output while the default stays cryptographically random.
 */
export type KeypairSource = () => CurveKeypair | Promise<CurveKeypair>;

/**
 * libsodium's `crypto_box_keypair`, the same call libzmq's `zmq_curve_keypair` makes, so keys
 * are generated exactly as CZMQ's `zcert_new` (and thus the Flux Operator) would.
 */
export function sodiumKeypairSource(): KeypairSource {
  return async () => {
    const sodium = await loadSodium();
    const { publicKey, privateKey } = sodium.crypto_box_keypair();
    return { publicKey, secretKey: privateKey };
  };
}

/** Public key for a 32-byte secret, as libzmq's `zmq_curve_public` computes it. */
export async function publicKeyFromSecret(secret: Uint8Array): Promise<Uint8Array> {
  if (secret.length !== 32) {
    throw new Error(`publicKeyFromSecret: secret key is ${secret.length} bytes; a CURVE secret key is 32 bytes`);
  }
  const sodium = await loadSodium();
  return sodium.crypto_scalarmult_base(secret);
}
