import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

describe('the CLI keypair under constant garbage collection', () => {
  // A generation whose key was exported as a KeyObject deadlocked when a collection freed the
  // generation job during the export: with a 1 MB young generation that happened within a few
  // thousand keys, and a run of 100 specs met it now and then.
  it('makes 20,000 keys with a 1 MB young generation without hanging', () => {
    const module = fileURLToPath(new URL('./nodeKeypair.ts', import.meta.url));
    const script = `const { nodeKeypair } = await import(${JSON.stringify(module)}); let n = 0; for (let i = 0; i < 20000; i++) n += nodeKeypair().publicKey.length; console.log(n);`;
    const { NODE_OPTIONS: _, ...env } = process.env;
    const r = spawnSync(process.execPath, ['--max-semi-space-size=1', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 300_000, env });
    expect(r.signal, 'the key generation hung').toBeNull();
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${20000 * 32}\n`);
  });
});
