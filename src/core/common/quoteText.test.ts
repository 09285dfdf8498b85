/** User text in messages: quoted and escaped, so that no message holds a control, a newline or a bidi override. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile, fileDiagnostics } from '../fileAnalysis.ts';
import { migrateV1alpha1 } from '../migrate/index.ts';
import { hasUnprintable, printable, quote } from './quoteText.ts';

const ESC_TITLE = '\u001b]0;pwned\u0007\u001b[2J';
const FORGED = 'bad\nx.yaml:1:1: spec: forged';
const RLO = '\u202eevil';
/** Every kind of invisible character the helpers must escape, each in a key, a name or a value. */
const HOSTILE = [ESC_TITLE, FORGED, RLO, 'c1\u0085\u009b31m', 'tab\there', 'ls\u2028ps\u2029', 'zw\u200b\u200d\ufeff', 'del\u007f', 'tag\u{e0041}'];

/** Double-quoted YAML text for `text` (YAML's \u escapes read back as the same characters). */
const yamlQuoted = (text: string) => JSON.stringify(text).replace(/[\u007f-\u{10ffff}]/gu, (ch) => [...ch].map((c) => `\\U${(c.codePointAt(0) ?? 0).toString(16).padStart(8, '0')}`).join(''));

describe('quote and printable', () => {
  // The ASCII shortcut must not change a single result: the plain Unicode-class forms are the oracle.
  it('give what the Unicode classes alone give, for any text', () => {
    const classes = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
    const escape = (ch: string) => Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
    const short: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE), fc.string({ unit: fc.constantFrom('a', ' ', '~', '\u007f', '\u0085', '\u200b', '\t', '\n', 'é', '\u{e0041}') }));
    fc.assert(
      fc.property(text, (t) => {
        expect(quote(t)).toBe(JSON.stringify(t).replace(classes, escape));
        expect(printable(t)).toBe(t.replace(classes, (ch) => short[ch] ?? escape(ch)));
        expect(hasUnprintable(t)).toBe(new RegExp(classes.source, 'u').test(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('escape controls, newlines, DEL, C1, bidi and zero-width characters and the separators', () => {
    for (const text of HOSTILE) {
      expect(hasUnprintable(text), text).toBe(true);
      expect(hasUnprintable(quote(text)), text).toBe(false);
      expect(hasUnprintable(printable(text)), text).toBe(false);
      // The quoted form reads back as the same text: nothing is lost, only made visible.
      expect(JSON.parse(quote(text))).toBe(text);
    }
    expect(quote(ESC_TITLE)).toBe('"\\u001b]0;pwned\\u0007\\u001b[2J"');
    expect(quote(RLO)).toBe('"\\u202eevil"');
    expect(printable(FORGED)).toBe('bad\\nx.yaml:1:1: spec: forged');
    expect(printable('tag\u{e0041}')).toBe('tag\\udb40\\udc41');
  });

  it('leave readable text as it is: letters of any script, emoji, spaces and quotes', () => {
    for (const text of ['flux-sample', 'données', '日本語', 'καλημέρα', 'שלום', '🚀 launch', 'a "b" c']) {
      expect(printable(text)).toBe(text);
      expect(hasUnprintable(text)).toBe(false);
    }
    expect(quote('données')).toBe('"données"');
    expect(quote(3)).toBe('3');
  });
});

describe('messages about user text', () => {
  const keys = (indent: string) => HOSTILE.map((text, i) => `${indent}${yamlQuoted(text)}: "${i}"`).join('\n');
  const spec =
    `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: x\n  labels:\n${keys('    ')}\nspec:\n  size: 1\n${keys('  ')}\n` +
    `  flux:\n    connectTimeout: ${yamlQuoted(FORGED)}\n  containers:\n    - image: ubuntu\n      imagePullPolicy: ${yamlQuoted(ESC_TITLE)}\n`;

  it('hold no control character, newline or bidi override, whatever the keys and values hold', () => {
    const diagnostics = fileDiagnostics(analyzeFile(spec));
    const unknown = diagnostics.filter((d) => d.code === 'unknown-field');
    expect(unknown).toHaveLength(HOSTILE.length);
    expect(diagnostics.length).toBeGreaterThan(HOSTILE.length);
    for (const d of diagnostics) {
      expect(hasUnprintable(d.message), d.message).toBe(false);
      expect(hasUnprintable(d.path), d.path).toBe(false);
    }
    expect(unknown.map((d) => d.message)).toContain('Unknown field "bad\\nx.yaml:1:1: spec: forged": the operator ignores it. Check the spelling (field names are case-sensitive).');
    expect(diagnostics.find((d) => d.path === 'spec.containers[0].imagePullPolicy')?.message).toContain('"\\u001b]0;pwned\\u0007\\u001b[2J"');
  });

  it('name the other objects of a file without their controls', () => {
    const file = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${yamlQuoted(ESC_TITLE)}\n---\napiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: x\nspec:\n  containers:\n    - image: ubuntu\n`;
    const notes = fileDiagnostics(analyzeFile(file)).filter((d) => d.code === 'other-object');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toContain('ConfigMap \\u001b]0;pwned\\u0007\\u001b[2J (v1)');
  });

  it('quote a kind with controls in a migration error', () => {
    const result = migrateV1alpha1(`apiVersion: flux-framework.org/v1alpha1\nkind: ${yamlQuoted(`Mini${RLO}`)}\nspec: {}\n`);
    const kind = result.diagnostics.find((d) => d.path === 'kind');
    expect(kind?.message).toContain('"Mini\\u202eevil"');
    for (const d of result.diagnostics) expect(hasUnprintable(d.message), d.message).toBe(false);
  });
});
