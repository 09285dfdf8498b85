/**
 * Kubernetes resource quantities (`k8s.io/apimachinery` `resource.Quantity`): parsing and the
 * exact text Kubernetes writes back when it serialises one.
 *
 * Exactness matters more than speed here: a quantity printed differently from what the API
 * server stores makes every `kubectl diff` noisy. All arithmetic is BigInt; no value ever goes
 * through a float.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The text that was parsed (a number input is first written the way Go's JSON encoder would). */
  readonly input: string;
  /**
   * Exact value after Kubernetes' parse-time adjustments (rounded away from zero to a multiple of
   * 1n; BinarySI capped at 2^63-1): `unscaled × 10^scale`, with no trailing zeros in `unscaled`.
   */
  readonly unscaled: bigint;
  readonly scale: number;
  /** Format family remembered from the suffix (BinarySI below 1 in magnitude becomes DecimalSI). */
  readonly format: QuantityFormat;
  /**
   * What Kubernetes writes when it serialises the quantity (`String()`, JSON, protobuf). This is
   * `canonical` except that Kubernetes reuses the input text verbatim when a cheap check says it
   * is already canonical; that check is loose, so e.g. `+1`, `1.`, `1E3`, `007`, `1.500k` survive.
   */
  readonly serialized: string;
  /** The canonical form proper (largest suffix of the same family that keeps an integer mantissa). */
  readonly canonical: string;
}

// Stricter than the CRD pattern on one point: the pattern allows a fractional exponent
// (`1e1.5`) but Kubernetes' own parser rejects it, so the API server would refuse the object.
const QUANTITY_RE =
  /^([+-]?)(?:([0-9]+)(?:\.([0-9]*))?|\.([0-9]+))(?:([KMGTPE]i)|([numkMGTPE])|[eE]([+-]?[0-9]+))?$/;

const DECIMAL_SUFFIX_EXP: Readonly<Record<string, number>> = {
  n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
};
const BINARY_SUFFIX_EXP: Readonly<Record<string, number>> = {
  Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60,
};
const DECIMAL_SUFFIX_BY_EXP = new Map<number, string>([
  [-9, 'n'], [-6, 'u'], [-3, 'm'], [0, ''], [3, 'k'], [6, 'M'], [9, 'G'], [12, 'T'], [15, 'P'], [18, 'E'],
]);
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

/** Kubernetes keeps nine decimal places (nano) and rounds anything finer away from zero. */
const NANO_SCALE = -9;
/** BinarySI quantities are silently capped here at parse time. */
const MAX_INT64 = (1n << 63n) - 1n;
const INT32_MAX = 2147483647;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function numberToGoJson(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // JS and Go's encoding/json agree on when to switch to exponent notation (below 1e-6 and from
  // 1e21) and on the exponent spelling after Go's cleanup (`1e-7`, `1e+21`).
  return String(n);
}

export function parseQuantity(input: string | number): Quantity | null {
  const str = typeof input === 'number' ? numberToGoJson(input) : input;
  if (str === null || typeof str !== 'string') return null;
  const m = QUANTITY_RE.exec(str);
  if (m === null) return null;
  const negative = m[1] === '-';
  const rawNum = m[2] ?? '';
  const denom = m[3] ?? m[4] ?? '';
  const binSuffix = m[5];
  const decSuffix = m[6];
  const expText = m[7];

  let format: QuantityFormat;
  let exponent: number; // power of 10, or power of 2 for BinarySI
  if (binSuffix !== undefined) {
    format = 'BinarySI';
    exponent = BINARY_SUFFIX_EXP[binSuffix] ?? 0;
  } else if (expText !== undefined) {
    format = 'DecimalExponent';
    const e = Number(expText);
    // Kubernetes reads the exponent into 32 bits and wraps; nobody means such a value.
    if (!Number.isSafeInteger(e) || Math.abs(e) > INT32_MAX) return null;
    exponent = e;
  } else {
    format = 'DecimalSI';
    exponent = decSuffix === undefined ? 0 : (DECIMAL_SUFFIX_EXP[decSuffix] ?? 0);
  }

  // Kubernetes strips leading zeros of the integer part before its precision and
  // "already canonical" checks, so do the same to reproduce them.
  const num = rawNum.replace(/^0+/, '') || '0';
  const shifted = num + denom;

  let verbatim = false;
  let unscaled: bigint;
  let scale: number;

  if (format === 'BinarySI') {
    const fast = denom.length === 0 && 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 >= 0;
    unscaled = BigInt(shifted) << BigInt(exponent);
    scale = -denom.length;
    if (fast) {
      verbatim = Number(num) % 8 !== 0;
    } else {
      ({ unscaled, scale } = roundUpToNano(unscaled, scale));
      if (unscaled > MAX_INT64 * pow10(Math.max(0, -scale))) {
        unscaled = MAX_INT64;
        scale = 0;
      }
      if (unscaled !== 0n && unscaled < pow10(Math.max(0, -scale)) && scale < 0) format = 'DecimalSI';
    }
  } else {
    unscaled = BigInt(shifted);
    scale = exponent - denom.length;
    const fast = 18 - shifted.length >= 0 && scale >= NANO_SCALE;
    if (fast) {
      verbatim = scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
    } else {
      ({ unscaled, scale } = roundUpToNano(unscaled, scale));
    }
  }
  ({ unscaled, scale } = normalize(unscaled, scale));
  if (negative) unscaled = -unscaled;

  const canonical = canonicalize(unscaled, scale, format);
  // `"0"` is special-cased by Kubernetes before any parsing and kept as written (it is canonical anyway).
  const serialized = verbatim || str === '0' ? str : canonical;
  return { input: str, unscaled, scale, format, serialized, canonical };
}

/** Smallest representation: no trailing zeros in `unscaled` (zero is `0 × 10^0`). */
function normalize(unscaled: bigint, scale: number): { unscaled: bigint; scale: number } {
  if (unscaled === 0n) return { unscaled, scale: 0 };
  const text = unscaled.toString();
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (end === text.length) return { unscaled, scale };
  return { unscaled: BigInt(text.slice(0, end)), scale: scale + (text.length - end) };
}

/** Round a non-negative `unscaled × 10^scale` up to a multiple of 10^-9. */
function roundUpToNano(unscaled: bigint, scale: number): { unscaled: bigint; scale: number } {
  if (unscaled === 0n || scale >= NANO_SCALE) return { unscaled, scale };
  const drop = NANO_SCALE - scale; // digits below nano
  const digits = unscaled.toString().length;
  // Avoids materialising 10^drop for absurd inputs like 1e-999999999: the result is 1n.
  if (drop > digits) return { unscaled: 1n, scale: NANO_SCALE };
  const div = pow10(drop);
  const q = unscaled / div;
  return { unscaled: unscaled % div === 0n ? q : q + 1n, scale: NANO_SCALE };
}

function canonicalize(unscaled: bigint, scale: number, format: QuantityFormat): string {
  if (unscaled === 0n) return '0';
  if (format === 'BinarySI') {
    const binary = binaryCanonical(unscaled, scale);
    if (binary !== null) return binary;
    // Below 1024 in magnitude, or fractional: Kubernetes falls back to decimal SI.
    format = 'DecimalSI';
  }
  // Move all factors of ten into the exponent, then lower it to a multiple of three.
  const text = (unscaled < 0n ? -unscaled : unscaled).toString();
  let end = text.length;
  while (end > 1 && text.charCodeAt(end - 1) === 48) end--;
  let exp = scale + (text.length - end);
  let mantissa = text.slice(0, end);
  const r = ((exp % 3) + 3) % 3;
  if (r !== 0) {
    mantissa += r === 1 ? '0' : '00';
    exp -= r;
  }
  const sign = unscaled < 0n ? '-' : '';
  let suffix: string;
  if (format === 'DecimalSI') {
    // Beyond `E` there is no SI suffix; current Kubernetes switches to exponent notation there
    // (older releases dropped the exponent and printed a wrong value).
    suffix = DECIMAL_SUFFIX_BY_EXP.get(exp) ?? `e${exp}`;
  } else {
    suffix = exp === 0 ? '' : `e${exp}`;
  }
  return sign + mantissa + suffix;
}

function binaryCanonical(unscaled: bigint, scale: number): string | null {
  // BinarySI scale is always in [-9, 0]: it comes from the digits after the point.
  let value: bigint;
  if (scale < 0) {
    const div = pow10(-scale);
    if (unscaled % div !== 0n) return null;
    value = unscaled / div;
  } else {
    value = unscaled * pow10(scale);
  }
  const magnitude = value < 0n ? -value : value;
  if (magnitude < 1024n) return null;
  let k = 0;
  let v = magnitude;
  while (v >= 1024n && (v & 1023n) === 0n && k < BINARY_SUFFIXES.length - 1) {
    v >>= 10n;
    k++;
  }
  return (value < 0n ? '-' : '') + v.toString() + BINARY_SUFFIXES[k];
}

/**
 * The text Kubernetes stores for this quantity. Throws on input that is not a quantity, because
 * callers are expected to have validated it (use `parseQuantity` to test).
 */
export function canonicalQuantity(input: string | number): string {
  const q = parseQuantity(input);
  if (q === null) throw new Error(`not a Kubernetes quantity: ${JSON.stringify(input)}`);
  return q.serialized;
}

export function isQuantity(x: unknown): x is string | number {
  return (typeof x === 'string' || typeof x === 'number') && parseQuantity(x) !== null;
}

/**
 * The sum of quantities, times a whole number, as Kubernetes writes it (`Quantity.Add`, then
 * `Mul`): exact, in the format of the first non-zero term (`500m` + `1.5` is `2`, `512Mi` + `1Gi`
 * is `1536Mi`). Throws on a term that is not a quantity, like `canonicalQuantity`.
 */
export function sumQuantities(terms: readonly (string | number)[], times = 1): string {
  if (!Number.isSafeInteger(times)) throw new Error(`not a whole multiplier: ${times}`);
  let format: QuantityFormat = 'DecimalSI';
  let formatSet = false;
  let scale = 0;
  let total = 0n;
  for (const term of terms) {
    const q = parseQuantity(term);
    if (q === null) throw new Error(`not a Kubernetes quantity: ${JSON.stringify(term)}`);
    if (!formatSet && q.unscaled !== 0n) {
      format = q.format;
      formatSet = true;
    }
    // Both at the finer of the two scales, so nothing is rounded.
    if (q.scale < scale) {
      total *= pow10(scale - q.scale);
      scale = q.scale;
    }
    total += q.unscaled * pow10(q.scale - scale);
  }
  const result = normalize(total * BigInt(times), scale);
  return canonicalize(result.unscaled, result.scale, format);
}
