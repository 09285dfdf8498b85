import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseSpecText } from './index.ts';

/**
 * What the `yaml` package's YAML 1.1 stringifier leaves unquoted although yaml.v2 reads it as
 * something else: integer spellings only Go's strconv.ParseInt (base 0) accepts (`0o17`, `0X1F`),
 * and a `<<` key, which YAML 1.1 makes a merge key (the stringifier writes it plain even when
 * told to quote keys). A writer targeting Kubernetes must quote
 * these (the renderer's concern); the parser's side of it is covered by unit tests.
 */
const GO_ONLY_NUMBER = /^[-+]?0[oOxXbB][0-9a-fA-F_]*$/;

function writerMustQuote(v: unknown): boolean {
  if (typeof v === 'string') return GO_ONLY_NUMBER.test(v);
  if (Array.isArray(v)) return v.some(writerMustQuote);
  if (v && typeof v === 'object') {
    return Object.entries(v).some(([k, x]) => k === '<<' || GO_ONLY_NUMBER.test(k) || writerMustQuote(x));
  }
  return false;
}

/** Texts whose meaning depends on the YAML version or that need quoting for other reasons. */
const tricky = fc.constantFrom(
  ...['yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', '~', 'null', 'NULL', '', ' ', '0777', '08', '0x1F', '+12'],
  ...['1:20', '1_000', '0b101', '1e3', '.5', '.', '-', '.inf', '-.Inf', '.nan', '2001-12-14', '2001-12-14 21:59:43.10 -5'],
  ...['<<', '=', '#', '# x', 'a #b', '- a', 'a: b', '? x', '@x', '`x`', '"q"', "'q'", '\t', 'x\ny', '  lead', 'trail  '],
  ...['__proto__', 'constructor', '!!str', '&a', '*a', '%YAML', '---', '...', '{a: 1}', '[1]', '|', '>'],
);
const text = fc.oneof(fc.string(), tricky);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.boolean(),
    fc.constant(null),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(text, tie('v'), { maxKeys: 4 }),
  ),
})).v;
const jsonObject = fc.oneof(
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }),
  fc.dictionary(text, value, { maxKeys: 8 }),
);

describe('round trip', () => {
  it('reads back any JSON-like object written by YAML.stringify for YAML 1.1, without errors', () => {
    fc.assert(
      fc.property(jsonObject, (obj) => {
        fc.pre(!writerMustQuote(obj));
        const text = stringify(obj, { version: '1.1' });
        const r = parseSpecText(text);
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.value).toEqual(obj);
      }),
      { numRuns: 300 },
    );
  });

  it('also round-trips with every string double-quoted (no plain scalars at all)', () => {
    fc.assert(
      fc.property(jsonObject, (obj) => {
        // The stringifier writes a "<<" key plain even when told to quote keys.
        fc.pre(!writerMustQuote(obj));
        const text = stringify(obj, { version: '1.1', defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: null });
        const r = parseSpecText(text);
        expect(r.diagnostics).toEqual([]);
        expect(r.value).toEqual(obj);
      }),
      { numRuns: 200 },
    );
  });
});
