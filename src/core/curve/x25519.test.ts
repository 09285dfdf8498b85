import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { x25519, x25519Base } from './x25519.ts';
import { publicKeyFromSecret, sodiumKeypairSource } from './keypair.ts';
import { z85Decode, z85Encode } from './z85.ts';
import { CURVE_PAIRS, MISMATCHED_PAIR } from './vectors.test-data.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
}
function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

describe('x25519 (RFC 7748)', () => {
  it('matches the RFC 7748 section 5.2 scalar-multiplication vector', () => {
    const k = hex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4');
    const u = hex('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c');
    expect(toHex(x25519(k, u))).toBe('c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552');
  });

  it('matches the RFC 7748 section 6.1 Diffie-Hellman public keys', () => {
    expect(toHex(x25519Base(hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a')))).toBe(
      '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
    );
    expect(toHex(x25519Base(hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb')))).toBe(
      'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
    );
  });

  it('rejects inputs that are not 32 bytes', () => {
    expect(() => x25519Base(new Uint8Array(31))).toThrow('scalar is 31 bytes');
  });
});

describe('CURVE known-answer pairs (curve.md 1e)', () => {
  for (const pair of CURVE_PAIRS) {
    it(`derives the public key of ${pair.source} with the BigInt ladder`, () => {
      expect(z85Encode(x25519Base(z85Decode(pair.secret)))).toBe(pair.public);
    });
    it(`derives the public key of ${pair.source} with libsodium`, async () => {
      expect(z85Encode(await publicKeyFromSecret(z85Decode(pair.secret)))).toBe(pair.public);
    });
  }

  it('does not derive the public key of the mismatched pair', async () => {
    const secret = z85Decode(MISMATCHED_PAIR.secret);
    expect(z85Encode(x25519Base(secret))).not.toBe(MISMATCHED_PAIR.public);
    expect(z85Encode(await publicKeyFromSecret(secret))).not.toBe(MISMATCHED_PAIR.public);
  });

  it('agrees with libsodium on random secrets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), async (secret) => {
        expect(x25519Base(secret)).toEqual(await publicKeyFromSecret(secret));
      }),
      { numRuns: 50 },
    );
  });

  it('agrees with crypto_box_keypair from the sodium source', async () => {
    const source = sodiumKeypairSource();
    for (let i = 0; i < 5; i++) {
      const { publicKey, secretKey } = await source();
      expect(publicKey).toHaveLength(32);
      expect(secretKey).toHaveLength(32);
      expect(x25519Base(secretKey)).toEqual(publicKey);
    }
  });

  it('refuses a secret key of the wrong size', async () => {
    await expect(publicKeyFromSecret(new Uint8Array(16))).rejects.toThrow('16 bytes');
  });
});
