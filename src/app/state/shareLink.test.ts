import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { TEST_KEYS, testCertificate } from '../../core/testing/testKeys.ts';
import { PRESETS } from '../presets/index.ts';
import { decodeOutputParams } from '../output/outputOptions.ts';
import { REMOVED_NOTE } from './stripSecrets.ts';
import { decodeSpecHash, encodeSpecHash, shareHash, shareUrl } from './shareLink.ts';

const SECRET = TEST_KEYS.secretKey;
const CERT = testCertificate();

/** About 20 KB of spec: many containers with environments and multi-line commands. */
function bigSpec(): string {
  const lines = ['apiVersion: flux-framework.org/v1alpha2', 'kind: MiniCluster', 'metadata:', '  name: big', 'spec:', '  size: 8', '  containers:'];
  for (let i = 0; lines.join('\n').length < 20_000; i++) {
    lines.push(
      `    # container ${i}: ünïcödé and emoji 🚀 in comments`,
      `    - name: worker-${i}`,
      `      image: ghcr.io/example/app-${i % 7}:v${i}`,
      '      environment:',
      `        SEED_${i}: "${(i * 7919) % 104729}"`,
      `        GREETING: "grüße aus zürich, 你好, ${'🙂'.repeat(i % 5)}"`,
      '      commands:',
      '        pre: |',
      `          echo "setting up ${i}" && mkdir -p /tmp/w${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('share links', () => {
  it('round-trip every preset', () => {
    for (const preset of PRESETS) expect(decodeSpecHash(encodeSpecHash(preset.text))).toBe(preset.text);
  });

  it('round-trip unicode: accents, CJK, emoji, astral characters, combining marks', () => {
    const text = 'name: "café 中文 🎉👩‍👩‍👧 𝔘𝔫𝔦 e\u0301"\n# ✓ — “quotes” ‘too’\n\ttab: 1\r\n';
    expect(decodeSpecHash(encodeSpecHash(text))).toBe(text);
  });

  it('round-trip a 20 KB spec, compressed well below its size', () => {
    const text = bigSpec();
    expect(text.length).toBeGreaterThanOrEqual(20_000);
    const hash = encodeSpecHash(text);
    expect(hash.startsWith('#spec=')).toBe(true);
    expect(hash.length).toBeLessThan(text.length / 2);
    expect(decodeSpecHash(hash)).toBe(text);
  });

  it('round-trip any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        fc.pre(text !== '');
        expect(decodeSpecHash(encodeSpecHash(text))).toBe(text);
      }),
    );
  });

  it('reads the hash with or without #, among other entries, and after escaping by mail programs', () => {
    const text = bigSpec();
    const payload = encodeSpecHash(text).slice('#spec='.length);
    // The character other programs escape or turn into a space.
    expect(payload).toContain('+');
    expect(decodeSpecHash(`spec=${payload}`)).toBe(text);
    expect(decodeSpecHash(`#theme=dark&spec=${payload}&x=1`)).toBe(text);
    expect(encodeURIComponent(payload)).not.toBe(payload);
    expect(decodeSpecHash(`#spec=${encodeURIComponent(payload)}`)).toBe(text);
    // Some programs turn + into a space.
    expect(decodeSpecHash(`#spec=${payload.replace(/\+/g, ' ')}`)).toBe(text);
  });

  it('return undefined for missing or corrupt hashes', () => {
    const good = encodeSpecHash(PRESETS[0]!.text);
    for (const hash of [
      '',
      '#',
      '#spec',
      '#spec=',
      '#other=abc',
      '#spec=%E0%A4%A', // malformed percent escape
      '#spec=!!!!',
      '#spec=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '#spec=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
      `#spec=${compressToEncodedURIComponent('\u0000\u0001binary\uFFFF')}`,
      good.slice(0, 30), // cut short
      `#spec=${'A'.repeat(2_000_010)}`, // longer than any browser URL
    ]) {
      expect(decodeSpecHash(hash), hash.slice(0, 40)).toBeUndefined();
    }
  });

  it('never throw, whatever the hash (property)', () => {
    const good = encodeSpecHash(PRESETS[1]!.text);
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.nat(good.length), fc.string({ maxLength: 3 }), (junk, at, insert) => {
        const mangled = good.slice(0, at) + insert + good.slice(at + insert.length);
        for (const hash of [junk, `#spec=${junk}`, mangled]) {
          const text = decodeSpecHash(hash);
          if (text !== undefined) expect(typeof text).toBe('string');
        }
      }),
    );
  });
});

describe('shareUrl', () => {
  const location = { href: 'https://example.org/tools/studio/index.html?lang=en#spec=old' };

  it('keeps path and query and replaces the hash', () => {
    const text = PRESETS[0]!.text;
    const result = shareUrl(location, text);
    expect(result).toMatchObject({ ok: true, removed: false });
    if (!result.ok) return;
    const url = new URL(result.url);
    expect(`${url.origin}${url.pathname}${url.search}`).toBe('https://example.org/tools/studio/index.html?lang=en');
    expect(url.hash).toBe(result.hash);
    expect(decodeSpecHash(url.hash)).toBe(text);
  });

  it('works on a page without query or hash', () => {
    const result = shareUrl({ href: 'http://localhost:5173/' }, 'a: 1\n');
    expect(result.ok && result.url).toBe(`http://localhost:5173/${encodeSpecHash('a: 1\n')}`);
  });

  it('leaves the certificate out of the link and says so', () => {
    const indented = CERT.split('\n').map((line) => (line ? `      ${line}` : line)).join('\n');
    const text = `# shared spec\napiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: flux-sample\nspec:\n  flux:\n    curveCert: |\n${indented}    logLevel: 7 # louder\n  containers:\n    - image: ubuntu:noble\n`;
    const result = shareUrl(location, text);
    expect(result).toMatchObject({ ok: true, removed: true });
    if (!result.ok) return;
    expect(result.url).not.toContain(compressToEncodedURIComponent(SECRET));
    const shared = decodeSpecHash(new URL(result.url).hash)!;
    expect(shared).not.toContain(SECRET);
    expect(shared).not.toContain('curveCert:');
    expect(shared).toContain('# shared spec');
    expect(shared).toContain('logLevel: 7 # louder');
    expect(shared).toContain(REMOVED_NOTE);
  });

  it('refuses, without a URL, when the certificate cannot be left out', () => {
    const text = `spec:\n  flux:\n    curveCert: |\n${CERT.split('\n').map((l) => `      ${l}`).join('\n')}\n  broken: [\n`;
    const result = shareUrl(location, text);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('url');
    expect(shareHash(text).ok).toBe(false);
  });
});

describe('share links with output options', () => {
  const location = { href: 'https://example.org/studio/' };
  const text = PRESETS[0]!.text;

  it('round-trip the spec and the options that are on', () => {
    const options = { workload: 'jobset', queue: 'team-a', priorityClass: 'high', succeedOnLead: true, certSecret: true } as const;
    const result = shareUrl(location, text, options);
    expect(result).toMatchObject({ ok: true, removed: false, leftOut: [] });
    if (!result.ok) return;
    const { hash } = new URL(result.url);
    expect(hash).toMatch(/^#spec=[^&]+&workload=jobset&queue=team-a&priority-class=high&succeed-on-lead=1&cert-secret=1$/);
    expect(decodeSpecHash(hash)).toBe(text);
    expect(decodeOutputParams(hash)).toEqual({ options, problems: [] });
  });

  it('make the same link as before when every option is off', () => {
    expect(shareHash(text, {})).toEqual({ ok: true, hash: encodeSpecHash(text), removed: false, leftOut: [] });
    expect(shareHash(text, { workload: 'job', succeedOnLead: false })).toMatchObject({ hash: encodeSpecHash(text) });
    expect(shareHash(text)).toMatchObject({ hash: encodeSpecHash(text) });
  });

  it('leave out, and list, an option whose value is not valid', () => {
    const result = shareHash(text, { queue: 'Team A', certSecret: true });
    expect(result).toMatchObject({ ok: true, leftOut: [{ option: 'queue' }] });
    if (!result.ok) return;
    expect(result.hash).toMatch(/&cert-secret=1$/);
    expect(decodeOutputParams(result.hash)).toEqual({ options: { certSecret: true }, problems: [] });
  });

  it('never carry the certificate, whatever the options', () => {
    const indented = CERT.split('\n').map((line) => (line ? `      ${line}` : line)).join('\n');
    const withCert = `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: a\nspec:\n  flux:\n    curveCert: |\n${indented}  containers:\n    - image: ubuntu:noble\n`;
    const result = shareUrl(location, withCert, { certSecret: true, workload: 'jobset' });
    expect(result).toMatchObject({ ok: true, removed: true });
    if (!result.ok) return;
    expect(decodeSpecHash(new URL(result.url).hash)).not.toContain(SECRET);
  });
});
