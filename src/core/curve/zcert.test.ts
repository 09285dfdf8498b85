import { describe, expect, it } from 'vitest';
import { formatCurveCert, generateCurveCert } from './zcert.ts';
import type { KeypairSource } from './keypair.ts';
import { readCurveCert } from './certReader.ts';
import { curvePublicKey } from './publicKey.ts';
import { isZ85Key, z85Decode, z85Encode } from './z85.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
}

// libzmq's documented test server keypair (doc/zmq_curve.adoc).
const serverPair: KeypairSource = () => ({
  publicKey: hex('54FCBA24E93249969316FB617C872BB0C1D1FF14800427C594CBFACF1BC2D652'),
  secretKey: hex('8E0BDD697628B91D8F245587EE95C5B04D48963F79259877B49CD9063AEAD3B7'),
});

const EXPECTED_SERVER_CERT =
  '#   ****  Generated on 2023-04-26 22:54:42 by CZMQ  ****\n' +
  '#   ZeroMQ CURVE **Secret** Certificate\n' +
  '#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n' +
  '    \n' +
  'metadata\n' +
  '    name = "flux-cert-generator"\n' +
  '    keygen.hostname = "flux-sample-0"\n' +
  'curve\n' +
  '    public-key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"\n' +
  '    secret-key = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"\n';

describe('formatCurveCert', () => {
  it('writes the operator template byte for byte', () => {
    const text = formatCurveCert({
      name: 'flux-cert-generator',
      hostname: 'flux-sample-0',
      publicKey: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7',
      secretKey: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6',
    });
    expect(text).toBe(EXPECTED_SERVER_CERT);
    const lines = text.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('');
    expect(lines[3]).toBe('    ');
  });

  it('refuses keys that are not 40 Z85 characters', () => {
    const base = { name: 'n', hostname: 'h-0', publicKey: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7', secretKey: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6' };
    expect(() => formatCurveCert({ ...base, publicKey: 'short' })).toThrow('publicKey must be 40 Z85 characters');
    expect(() => formatCurveCert({ ...base, secretKey: `${base.secretKey.slice(0, 39)} ` })).toThrow('secretKey');
  });

  it('refuses metadata Flux could not read back', () => {
    const base = { name: 'n', hostname: 'h-0', publicKey: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7', secretKey: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6' };
    expect(() => formatCurveCert({ ...base, name: 'a"b' })).toThrow('name "a\\"b" contains "\\"" at index 1');
    expect(() => formatCurveCert({ ...base, hostname: 'a\nb' })).toThrow('hostname');
    expect(() => formatCurveCert({ ...base, hostname: 'under_score' })).toThrow('"_"');
  });
});

describe('generateCurveCert', () => {
  it('gives byte-exact text for an injected keypair', async () => {
    const cert = await generateCurveCert({ hostname: 'flux-sample-0', source: serverPair });
    expect(cert).toEqual({
      text: EXPECTED_SERVER_CERT,
      publicKey: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7',
      secretKey: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6',
    });
  });

  it('uses the caller name and accepts an async source', async () => {
    const cert = await generateCurveCert({
      hostname: 'lammps-0',
      name: 'picl0',
      source: async () => serverPair(),
    });
    expect(cert.text.split('\n').slice(5, 7)).toEqual(['    name = "picl0"', '    keygen.hostname = "lammps-0"']);
  });

  it('refuses a source that returns keys of the wrong size', async () => {
    await expect(
      generateCurveCert({ hostname: 'x-0', source: () => ({ publicKey: new Uint8Array(31), secretKey: new Uint8Array(32) }) }),
    ).rejects.toThrow('31-byte public key');
  });

  it('with the sodium source gives fresh keys that the strict reader accepts', async () => {
    const a = await generateCurveCert({ hostname: 'flux-sample-0' });
    const b = await generateCurveCert({ hostname: 'flux-sample-0' });
    for (const cert of [a, b]) {
      expect(isZ85Key(cert.publicKey)).toBe(true);
      expect(isZ85Key(cert.secretKey)).toBe(true);
      expect(z85Encode(curvePublicKey(z85Decode(cert.secretKey)))).toBe(cert.publicKey);
      const read = readCurveCert(cert.text);
      expect(read).toEqual({
        ok: true,
        publicKey: cert.publicKey,
        secretKey: cert.secretKey,
        metadata: { name: 'flux-cert-generator', 'keygen.hostname': 'flux-sample-0' },
      });
    }
    expect(a.secretKey).not.toBe(b.secretKey);
  });
});
