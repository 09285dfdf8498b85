import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curvePublicKey as coreCurvePublicKey } from '../core/curve/publicKey.ts';
import { CURVE_PAIRS, MISMATCHED_PAIR } from '../core/curve/vectors.test-data.ts';
import { z85Decode, z85Encode } from '../core/curve/z85.ts';
import { formatCurveCert } from '../core/curve/zcert.ts';
import { fixturePath } from '../core/testing/fixtures.ts';
import { curvePublicKey } from './nodePublicKey.ts';
import { BIN } from './runInProcess.test-util.ts';

describe("the CLI's public key (Node's X25519), in place of the core's", () => {
  it.each(CURVE_PAIRS.map((pair) => [pair.source, pair] as const))('derives the published public key of %s', (_, pair) => {
    expect(z85Encode(curvePublicKey(z85Decode(pair.secret)))).toBe(pair.public);
  });

  it('does not derive the public key of the mismatched pair', () => {
    expect(z85Encode(curvePublicKey(z85Decode(MISMATCHED_PAIR.secret)))).not.toBe(MISMATCHED_PAIR.public);
  });

  // Every byte value in every place, set top bits and low bits included: both clamp alike.
  it("equals the core's on any 32 bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (secret) => {
        expect([...curvePublicKey(secret)]).toEqual([...coreCurvePublicKey(secret)]);
      }),
      { numRuns: 300 },
    );
    for (const fill of [0, 0xff]) expect([...curvePublicKey(new Uint8Array(32).fill(fill))]).toEqual([...coreCurvePublicKey(new Uint8Array(32).fill(fill))]);
  });

  it('refuses a secret key that is not 32 bytes, as the core does', () => {
    for (const length of [0, 31, 33]) {
      expect(() => curvePublicKey(new Uint8Array(length))).toThrow(/32 bytes/);
      expect(() => coreCurvePublicKey(new Uint8Array(length))).toThrow(/32 bytes/);
    }
  });
});

describe("the built CLI's certificate check", () => {
  // The build puts this module in the core's place, so the built CLI's verdicts must be the
  // core's. Either module gives them: that the swap happened is what lazyStart.test.ts's
  // WebCrypto check shows (the core's module probes WebCrypto as it loads).
  it('takes a matching --curve-cert and refuses the mismatched one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-pubkey-'));
    const good = join(dir, 'good.cert');
    const bad = join(dir, 'bad.cert');
    const [pair] = CURVE_PAIRS;
    writeFileSync(good, formatCurveCert({ name: 'flux', hostname: 'flux-sample-0', publicKey: pair!.public, secretKey: pair!.secret }));
    writeFileSync(bad, formatCurveCert({ name: 'flux', hostname: 'flux-sample-0', publicKey: MISMATCHED_PAIR.public, secretKey: MISMATCHED_PAIR.secret }));
    const spec = fixturePath('v1alpha2', 'hello-world');
    expect(() => execFileSync(process.execPath, [BIN, '--check', spec, '--curve-cert', good], { encoding: 'utf8' })).not.toThrow();
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync(process.execPath, [BIN, '--check', spec, '--curve-cert', bad], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr).toMatch(/public key/i);
  });
});
