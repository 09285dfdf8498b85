/**
 * The parser's messages quote the file's own text (keys, values, tags, anchor names); none of
 * them may carry that text's invisible characters into a message (see common/quoteText.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyzeFile, fileDiagnostics } from '../fileAnalysis.ts';
import { yamlDocuments } from './documents.ts';
import { parseSpecText } from './index.ts';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const RLO = '\u202e';

const cases: Array<[string, string]> = [
  ['a repeated key', `k${RLO}: 1\nk${RLO}: 2\n`],
  ['a document that is one text', `"x${RLO}\u0085y"\n`],
  ['an alias without anchor', `a: *x${RLO}\n`],
  ['an alias key without anchor', `*x${RLO} : 1\n`],
  ['a tagged value that is not of its tag', `a: !!int x${RLO}\u0085\n`],
  ['a !!timestamp that is not a date', `a: !!timestamp "x${RLO}"\n`],
  ['text after the end of the document', ` a: 1\nb: 2\nc${RLO}: 3\n`],
  ['an invalid escape', `a: "\\${RLO}"\n`],
];

describe('user text in parse messages', () => {
  it.each(cases)('is escaped in the message about %s', (_what, text) => {
    const ds = parseSpecText(text).diagnostics;
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.filter((d) => INVISIBLE.test(d.message)).map((d) => d.message)).toEqual([]);
  });

  it('is escaped in the syntax error of a document of a file', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\nx: "\\${RLO}"\n---\nkind: Pod\n`;
    const [, second] = yamlDocuments(text);
    expect(second?.syntaxError?.message).toContain('\\u202e');
    expect(fileDiagnostics(analyzeFile(text)).filter((d) => INVISIBLE.test(d.message))).toEqual([]);
  });
});
