import { describe, expect, it } from 'vitest';
import { curvePublicKey, publicKeyFromSecret } from '../core/curve/index.ts';
import { nodeKeypair } from './nodeKeypair.ts';

describe('the CLI keypair (Node X25519)', () => {
  it('has a 32-byte secret key whose public key libsodium and the certificate reader compute alike', async () => {
    for (let i = 0; i < 5; i++) {
      const pair = nodeKeypair();
      expect(pair.secretKey).toHaveLength(32);
      expect(pair.publicKey).toHaveLength(32);
      expect([...(await publicKeyFromSecret(pair.secretKey))]).toEqual([...pair.publicKey]);
      expect([...curvePublicKey(pair.secretKey)]).toEqual([...pair.publicKey]);
    }
  });

  it('is new each time', () => {
    const a = nodeKeypair();
    const b = nodeKeypair();
    expect(Buffer.from(a.secretKey).equals(Buffer.from(b.secretKey))).toBe(false);
  });
});
