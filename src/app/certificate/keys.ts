/** A fresh CURVE keypair for the generated certificate, in the Z85 form certificates use. */
import { type CurveKeys, type KeypairSource, sodiumKeypairSource, z85Encode } from '../../core/page.ts';

/** `source` is injectable for tests; the default is libsodium, loaded on first use. */
export async function newKeys(source: KeypairSource = sodiumKeypairSource()): Promise<CurveKeys> {
  const pair = await source();
  return { publicKey: z85Encode(pair.publicKey), secretKey: z85Encode(pair.secretKey) };
}
