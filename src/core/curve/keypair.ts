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
 * What libsodium's `crypto_box_keypair` does (the call libzmq's `zmq_curve_keypair` makes, so keys
 * come out as CZMQ's `zcert_new`, and thus the Flux Operator, makes them): 32 random bytes as the
 * secret key, and `crypto_scalarmult_base` of them as the public key. The random bytes come from
 * the platform's CSPRNG in one call: libsodium's JavaScript build asks for them four bytes at a
 * time (one `crypto.randomBytes` call each in Node), which made key generation the largest cost of
 * a file of many MiniClusters.
 */
export function sodiumKeypairSource(): KeypairSource {
  return async () => {
    const sodium = await loadSodium();
    const secretKey = globalThis.crypto.getRandomValues(new Uint8Array(32));
    return { publicKey: sodium.crypto_scalarmult_base(secretKey), secretKey };
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
