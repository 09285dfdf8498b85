import { describe, expect, it } from 'vitest';
import { DEFAULT_CERT_NAME, Z85_ALPHABET, formatCurveCert, readCurveCert } from '../../core/curve/index.ts';
import { newKeys } from './keys.ts';

const isZ85 = (key: string) => [...key].every((ch) => Z85_ALPHABET.includes(ch));

describe('newKeys', () => {
  it('makes a 40-character Z85 keypair that forms a certificate Flux accepts', async () => {
    const keys = await newKeys();
    expect(keys.publicKey).toHaveLength(40);
    expect(keys.secretKey).toHaveLength(40);
    expect(isZ85(keys.publicKey) && isZ85(keys.secretKey)).toBe(true);
    const cert = readCurveCert(formatCurveCert({ name: DEFAULT_CERT_NAME, hostname: 'x-0', ...keys }));
    expect(cert.ok).toBe(true);
    // The reader checks that the public key belongs to the secret one.
    expect(cert.ok && cert.publicKey).toBe(keys.publicKey);
  });

  it('makes a different keypair each time', async () => {
    const [a, b] = await Promise.all([newKeys(), newKeys()]);
    expect(a.secretKey).not.toBe(b.secretKey);
    expect(a.publicKey).not.toBe(b.publicKey);
  });

  it('encodes whatever the source gives', async () => {
    const keys = await newKeys(() => ({ publicKey: new Uint8Array(32), secretKey: new Uint8Array(32).fill(255) }));
    expect(keys).toEqual({ publicKey: '0'.repeat(40), secretKey: '%nSc0'.repeat(8) });
  });
});
