import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQuantity, isQuantity, parseQuantity, sumQuantities } from './quantity.ts';
import type { Quantity } from './quantity.ts';

/** Exact comparison of two quantities' values (a rational each). */
function sameValue(a: Quantity, b: Quantity): boolean {
  const s = Math.min(a.scale, b.scale);
  return a.unscaled * 10n ** BigInt(a.scale - s) === b.unscaled * 10n ** BigInt(b.scale - s);
}

describe('canonicalQuantity: what Kubernetes serialises', () => {
  // [input, expected]. From resource.Quantity's parse/String rules (Kubernetes apimachinery).
  const cases: Array<[string | number, string]> = [
    // everyday values: the largest exact suffix; a binary fraction falls back to decimal; below 1n rounds up
    ['1000', '1k'],
    ['0.5', '500m'],
    ['1.0', '1'],
    ['2000M', '2G'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1e3', '1e3'],
    ['0.5Gi', '512Mi'],
    ['1.5Ki', '1536'],
    ['0.1n', '1n'],
    [3, '3'],
    // zero in every spelling
    ['0', '0'],
    ['00', '0'],
    ['-0', '0'],
    ['+0', '0'],
    ['0.0', '0'],
    ['0n', '0'],
    ['0m', '0'],
    ['0k', '0'],
    ['0Ki', '0'],
    ['0e3', '0'],
    [0, '0'],
    // decimal SI
    ['1', '1'],
    ['1100', '1100'],
    ['12000', '12k'],
    ['1000000', '1M'],
    ['1500000', '1500k'],
    ['1.5', '1500m'],
    ['1.50', '1500m'],
    ['0.001', '1m'],
    ['0.0001', '100u'],
    ['0.000001', '1u'],
    ['0.000000001', '1n'],
    ['.5', '500m'],
    ['100m', '100m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1k', '1k'],
    ['1.5k', '1500'],
    ['1.5000k', '1500'],
    ['2.5M', '2500k'],
    ['1E', '1E'],
    ['10E', '10E'],
    ['200M', '200M'],
    ['40', '40'],
    ['3', '3'],
    ['12345678901234567890', '12345678901234567890'],
    ['123456789012345678901000', '123456789012345678901k'],
    // beyond E there is no SI suffix: current Kubernetes writes an exponent
    ['1000E', '1e21'],
    // precision finer than nano rounds away from zero
    ['0.0000000001', '1n'],
    ['1.1n', '2n'],
    ['1.0000000001', '1000000001n'],
    ['-0.1n', '-1n'],
    ['-1.1n', '-2n'],
    ['0.1u', '100n'],
    // negative values keep the sign
    ['-1', '-1'],
    ['-1000', '-1k'],
    ['-1.5', '-1500m'],
    ['-2000M', '-2G'],
    // decimal exponent
    ['1e2', '100'],
    ['1.5e3', '1500'],
    ['10e3', '10e3'],
    ['12e6', '12e6'],
    ['1000e3', '1e6'],
    ['0.5e3', '500'],
    ['1e-3', '1e-3'],
    ['1e-10', '1e-9'],
    ['1e-999999999', '1e-9'],
    ['1e999999999', '1e999999999'],
    ['1e1000', '10e999'],
    ['-1e3', '-1e3'],
    // binary SI
    ['1Ki', '1Ki'],
    ['8Ki', '8Ki'],
    ['1023Ki', '1023Ki'],
    ['1024Ki', '1Mi'],
    ['2048Ki', '2Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['0.1Ki', '102400m'],
    ['1.1Ki', '1126400m'],
    ['16Ti', '16Ti'],
    ['1024Ti', '1Pi'],
    ['1Pi', '1Pi'],
    ['7Ei', '7Ei'],
    ['8Ei', '9223372036854775807'],
    ['-1Ki', '-1Ki'],
    ['-1024Ki', '-1Mi'],
    ['-0.5Ki', '-512'],
    ['-8Ei', '-9223372036854775807'],
    // numbers arrive as Go's JSON encoder writes them
    [0.5, '500m'],
    [1000, '1k'],
    [1.5, '1500m'],
    [-2, '-2'],
    // written `1e-7` (exponent form below 1e-6, as Go's encoder does), so it stays an exponent
    [0.0000001, '100e-9'],
    // Kubernetes keeps the input text when its "already canonical" check passes, and that check
    // does not look at the sign, leading zeros, a trailing point, the exponent letter's case or
    // trailing zeros after the point. These are what the API server stores.
    ['+1', '+1'],
    ['+1Ki', '+1Ki'],
    ['007', '007'],
    ['01Ki', '01Ki'],
    ['1.', '1.'],
    ['1.Ki', '1.Ki'],
    ['1E3', '1E3'],
    ['1e+3', '1e+3'],
    ['1e0', '1e0'],
    ['1.500k', '1.500k'],
    [1e21, '1e+21'],
    ['+1000', '1k'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('gives the strict canonical form separately from the verbatim reuse', () => {
    expect(parseQuantity('+1')?.canonical).toBe('1');
    expect(parseQuantity('1E3')?.canonical).toBe('1e3');
    expect(parseQuantity('1e+3')?.canonical).toBe('1e3');
    expect(parseQuantity('007')?.canonical).toBe('7');
    expect(parseQuantity('1.')?.canonical).toBe('1');
    expect(parseQuantity('1.500k')?.canonical).toBe('1500');
    expect(parseQuantity('1e0')?.canonical).toBe('1');
    expect(parseQuantity('01Ki')?.canonical).toBe('1Ki');
  });

  it('throws on text that is not a quantity', () => {
    expect(() => canonicalQuantity('1K')).toThrow(/not a Kubernetes quantity/);
  });
});

describe('parseQuantity', () => {
  it('records value and format', () => {
    expect(parseQuantity('1.5Gi')).toMatchObject({ unscaled: 1610612736n, scale: 0, format: 'BinarySI' });
    expect(parseQuantity('250m')).toMatchObject({ unscaled: 25n, scale: -2, format: 'DecimalSI' });
    expect(parseQuantity('-12e6')).toMatchObject({ unscaled: -12n, scale: 6, format: 'DecimalExponent' });
    // BinarySI below 1 switches to DecimalSI at parse time
    expect(parseQuantity('0.0001Ki')?.format).toBe('DecimalSI');
    expect(parseQuantity('0.5Ki')?.format).toBe('BinarySI');
    expect(parseQuantity(3)?.input).toBe('3');
  });

  const invalid = [
    '', ' 1', '1 ', '1K', '1ki', '1k1', '1e', '1e1.5', '1e.5', '.', '+', '-', '1..0', '1Gb', 'abc',
    '1e3Ki', '1i', '0x10', '1_000', '∞', '1 Gi', 'Gi', '1MiB', '--1', '1e99999999999',
  ];
  it.each(invalid)('rejects %j', (input) => {
    expect(parseQuantity(input)).toBeNull();
    expect(isQuantity(input)).toBe(false);
  });

  it('rejects non-finite numbers and non-quantities', () => {
    expect(parseQuantity(Number.NaN)).toBeNull();
    expect(parseQuantity(Number.POSITIVE_INFINITY)).toBeNull();
    expect(isQuantity(null)).toBe(false);
    expect(isQuantity({})).toBe(false);
    expect(isQuantity(true)).toBe(false);
    expect(isQuantity('1Gi')).toBe(true);
    expect(isQuantity(2)).toBe(true);
  });
});

describe('quantity properties', () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9'), minLength: min, maxLength: max });
  const quantityText = fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      digits(1, 22),
      fc.option(digits(0, 12), { nil: undefined }),
      fc.constantFrom('', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'e3', 'e-2', 'E+7', 'e0', 'e-12'),
    )
    .map(([sign, int, frac, suffix]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}${suffix}`);

  it('every generated quantity parses, and its serialisation parses back to the same value', () => {
    fc.assert(
      fc.property(quantityText, (text) => {
        const q = parseQuantity(text);
        expect(q).not.toBeNull();
        if (q === null) return;
        for (const out of [q.serialized, q.canonical]) {
          const back = parseQuantity(out);
          expect(back, out).not.toBeNull();
          if (back !== null) expect(sameValue(back, q), `${text} → ${out}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the canonical form is a fixed point and has an integer mantissa without trailing zero groups', () => {
    fc.assert(
      fc.property(quantityText, (text) => {
        const q = parseQuantity(text);
        if (q === null) return;
        expect(canonicalQuantity(q.canonical)).toBe(q.canonical);
        expect(q.canonical).not.toMatch(/\./);
        // A mantissa ending in 000 could have used a larger suffix (except at the ends of the scales).
        if (/^-?[0-9]+(?:[numkMGTP]|e-?[0-9]+)?$/.test(q.canonical) && !/E$/.test(q.canonical)) {
          expect(q.canonical.replace(/[^0-9].*$/, '').replace(/^-/, '')).not.toMatch(/[1-9]0*000$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rounding never loses a non-zero request and never rounds towards zero', () => {
    fc.assert(
      fc.property(quantityText, (text) => {
        const q = parseQuantity(text);
        if (q === null) return;
        expect(q.scale).toBeGreaterThanOrEqual(-9);
        const isZero = /^[+-]?[0.]*(?:[^0-9.]|$)/.test(text) && !/[1-9]/.test(text.replace(/[eE][+-]?[0-9]+$/, ''));
        expect(q.unscaled === 0n).toBe(isZero);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sumQuantities: exact sums as Kubernetes adds them', () => {
  it('adds decimal quantities without float drift', () => {
    expect(sumQuantities(['500m', '1.5'])).toBe('2');
    expect(sumQuantities(['100m', '200m'])).toBe('300m');
    expect(sumQuantities(['0.1', '0.2'])).toBe('300m');
    expect(sumQuantities(['1', 0.5], 3)).toBe('4500m');
    expect(sumQuantities(['1n', '1'])).toBe('1000000001n');
  });

  it('adds binary quantities in the binary format of the first term', () => {
    expect(sumQuantities(['512Mi', '1Gi'])).toBe('1536Mi');
    expect(sumQuantities(['1Gi', '1Gi'], 4)).toBe('8Gi');
    expect(sumQuantities(['1Gi', '1G'])).toBe('2073741824');
    // The first term's format decides: 1G + 1Gi is decimal.
    expect(sumQuantities(['1G', '1Gi'])).toBe('2073741824');
    expect(sumQuantities(['0', '1Gi'])).toBe('1Gi');
  });

  it('multiplies by the number of pods and keeps the format', () => {
    expect(sumQuantities(['250m', '250m'], 4)).toBe('2');
    expect(sumQuantities(['1500Mi'], 2)).toBe('3000Mi');
    expect(sumQuantities([], 3)).toBe('0');
  });

  it('throws on a term that is not a quantity', () => {
    expect(() => sumQuantities(['1', 'one'])).toThrow('not a Kubernetes quantity');
  });
});
