import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TEST_KEYS, testCertificate } from '../../core/testing/testKeys.ts';
import { v1alpha2 } from '../../core/index.ts';
import { REMOVED_NOTE, stripSecrets, type StripResult } from './stripSecrets.ts';

const { publicKey: PUBLIC, secretKey: SECRET } = TEST_KEYS;
const CERT = testCertificate();

const indent = (text: string, n: number) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(n) + line : line))
    .join('\n');

/** A spec with the certificate as a block scalar, the way people paste one. */
const block = (flux: string) => `# Spec header comment
apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: flux-sample   # the name
spec:
  size: 2
  flux:
${flux}
  containers:
    - image: ubuntu:noble
      command: echo  'quoted  spacing'   # kept as written
`;
const CERT_ENTRY = `    # our own certificate
    curveCert: |
${indent(CERT, 6).replace(/\n$/, '')}`;

function ok(result: StripResult): string {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.text;
}

describe('stripSecrets', () => {
  it('returns text without a certificate unchanged', () => {
    const text = block('    logLevel: 7');
    expect(stripSecrets(text)).toEqual({ ok: true, text, removed: false });
  });

  it('cuts out a block certificate and changes nothing else, comments included', () => {
    const text = block(`${CERT_ENTRY}\n    # after the certificate\n    logLevel: 7`);
    const result = stripSecrets(text);
    expect(result).toMatchObject({ ok: true, removed: true });
    expect(ok(result)).toBe(block(`    # our own certificate\n    ${REMOVED_NOTE}\n    # after the certificate\n    logLevel: 7`));
    expect(ok(result)).not.toContain(SECRET);
    expect(ok(result)).not.toContain(PUBLIC);
    const analysis = v1alpha2.analyzeSpec(ok(result));
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.cluster?.spec.flux.logLevel).toBe(7);
  });

  it('keeps an emptied flux map a map (flux: {} and no flux differ)', () => {
    const text = block(CERT_ENTRY);
    const stripped = ok(stripSecrets(text));
    expect(stripped).toContain(`    {} ${REMOVED_NOTE}\n`);
    expect((parse(stripped) as { spec: { flux: unknown } }).spec.flux).toEqual({});
    expect(v1alpha2.analyzeSpec(stripped).cluster?.spec.flux.connectTimeout).toBe('5s');
  });

  it('removes repeated keys, misplaced entries and entries in later documents', () => {
    const text = `${block(`${CERT_ENTRY}\n    curveCert: "${CERT.replace(/\n/g, '\\n').replace(/"/g, '\\"')}"\n    logLevel: 7`)}---\nspec:\n  curveCert: |\n${indent(CERT, 4)}`;
    const stripped = ok(stripSecrets(text));
    expect(stripped).not.toContain('secret-key');
    expect(stripped).not.toContain('curveCert:');
    expect(stripped.split(REMOVED_NOTE)).toHaveLength(3);
    expect(stripped).toContain('# Spec header comment');
    expect(stripped).toContain('# our own certificate');
  });

  it('falls back to the Document printer for flow style, keeping comments and dropping the secret', () => {
    const text = `# header\nspec:\n  flux: {curveCert: ${JSON.stringify(CERT)}, logLevel: 7}  # flow\n  size: 2\n`;
    const stripped = ok(stripSecrets(text));
    expect(stripped).not.toContain('secret-key');
    expect(stripped).toContain('# header');
    expect(stripped).toContain('# flow');
    expect(stripped).toContain(REMOVED_NOTE);
    expect(parse(stripped)).toEqual({ spec: { flux: { logLevel: 7 }, size: 2 } });
  });

  it('keeps Windows line endings', () => {
    const text = block(`${CERT_ENTRY}\n    logLevel: 7`).replace(/\n/g, '\r\n');
    const stripped = ok(stripSecrets(text));
    expect(stripped).toContain(`    ${REMOVED_NOTE}\r\n    logLevel: 7\r\n`);
    expect(stripped.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses when the secret survives elsewhere: an anchor the entry aliases', () => {
    const text = `metadata:\n  annotations:\n    cert: &cert |\n${indent(CERT, 6)}spec:\n  flux:\n    curveCert: *cert\n`;
    const result = stripSecrets(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/^Line 13 holds what looks like a CURVE secret key/);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('refuses a commented-out certificate and one hidden in another field', () => {
    const commented = block(`    logLevel: 7\n${indent(CERT_ENTRY, 0).replace(/^/gm, '#')}`);
    expect(stripSecrets(commented).ok).toBe(false);
    const elsewhere = block(`    brokerConfig: |\n${indent(CERT, 6)}`);
    expect(stripSecrets(elsewhere)).toMatchObject({ ok: false, reason: expect.stringContaining('Line 19 ') });
  });

  it('refuses a spec with YAML errors that mentions curveCert, and lets one without through', () => {
    const broken = `${block(CERT_ENTRY)}  bad: [unclosed\n`;
    const result = stripSecrets(broken);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('YAML errors') });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    const brokenWithoutCert = `${block('    logLevel: 7')}  bad: [unclosed\n`;
    expect(stripSecrets(brokenWithoutCert)).toEqual({ ok: true, text: brokenWithoutCert, removed: false });
  });

  it('leaves the word curveCert in values and comments alone', () => {
    const text = block('    # curveCert is not set: the app makes one\n    logLevel: 7');
    expect(stripSecrets(text)).toEqual({ ok: true, text, removed: false });
  });
});
