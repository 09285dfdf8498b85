import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { curvePublicKey } from './publicKey.ts';
import { publicKeyFromSecret, sodiumKeypairSource } from './keypair.ts';
import { z85Decode, z85Encode } from './z85.ts';
import { CURVE_PAIRS, MISMATCHED_PAIR } from './vectors.test-data.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
}
function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** OpenSSL's X25519 through Node: the raw secret in a PKCS #8 envelope, the public key read back. */
function opensslPublicKey(secret: Uint8Array): Uint8Array {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), secret]);
  const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
  return new Uint8Array(spki.subarray(spki.length - 32));
}

describe('curvePublicKey (RFC 7748)', () => {
  it('matches the RFC\'s one-iteration vector, whose input point is the base point (k = u = 9)', () => {
    const nine = new Uint8Array(32);
    nine[0] = 9;
    expect(toHex(curvePublicKey(nine))).toBe('422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079');
  });

  it('matches the public keys of the RFC\'s Diffie-Hellman example', () => {
    expect(toHex(curvePublicKey(hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a')))).toBe(
      '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
    );
    expect(toHex(curvePublicKey(hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb')))).toBe(
      'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
    );
  });

  it('rejects a secret key that is not 32 bytes', () => {
    expect(() => curvePublicKey(new Uint8Array(31))).toThrow('secret key is 31 bytes');
    expect(() => curvePublicKey(new Uint8Array(33))).toThrow('secret key is 33 bytes');
  });
});

describe('CURVE known-answer pairs', () => {
  for (const pair of CURVE_PAIRS) {
    it(`derives the public key of ${pair.source} synchronously`, () => {
      expect(z85Encode(curvePublicKey(z85Decode(pair.secret)))).toBe(pair.public);
    });
    it(`derives the public key of ${pair.source} with libsodium`, async () => {
      expect(z85Encode(await publicKeyFromSecret(z85Decode(pair.secret)))).toBe(pair.public);
    });
  }

  it('does not derive the public key of the mismatched pair', async () => {
    const secret = z85Decode(MISMATCHED_PAIR.secret);
    expect(z85Encode(curvePublicKey(secret))).not.toBe(MISMATCHED_PAIR.public);
    expect(z85Encode(await publicKeyFromSecret(secret))).not.toBe(MISMATCHED_PAIR.public);
  });

  // Random bytes include set low bits and a set top bit, so these also check that clamping
  // matches libsodium's and OpenSSL's.
  it('agrees with libsodium on random secrets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), async (secret) => {
        expect(curvePublicKey(secret)).toEqual(await publicKeyFromSecret(secret));
      }),
      { numRuns: 50 },
    );
  });

  it('agrees with OpenSSL on random secrets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (secret) => {
        expect(toHex(curvePublicKey(secret))).toBe(toHex(opensslPublicKey(secret)));
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
      expect(curvePublicKey(secretKey)).toEqual(publicKey);
    }
  });

  it('draws a new secret key for every keypair', async () => {
    const source = sodiumKeypairSource();
    const secrets = new Set<string>();
    for (let i = 0; i < 20; i++) secrets.add(toHex((await source()).secretKey));
    expect(secrets.size).toBe(20);
  });

  it('refuses a secret key of the wrong size', async () => {
    await expect(publicKeyFromSecret(new Uint8Array(16))).rejects.toThrow('16 bytes');
  });
});
