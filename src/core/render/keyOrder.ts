/**
 * Key order of `gopkg.in/yaml.v2` (used by `sigs.k8s.io/yaml`, hence by upstream
 * `fluxoperator-gen`): mappings are sorted with a "natural" comparator in which digit runs
 * compare as numbers and non-letters sort before letters. Reproduced so that `keyOrder:
 * 'sorted'` output can be diffed line by line against upstream.
 */

const IS_LETTER = /\p{L}/u;
const IS_DIGIT = /\p{Nd}/u;

function isLetter(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return IS_LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return IS_DIGIT.test(String.fromCodePoint(cp));
}

function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Code point ending just before UTF-16 offset `p`, or -1 at the start. */
function codePointBefore(s: string, p: number): number {
  if (p <= 0) return -1;
  const lo = s.charCodeAt(p - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && p >= 2) {
    const hi = s.charCodeAt(p - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

interface DigitRun {
  value: number | bigint;
  /** Length of the run in code points. */
  runes: number;
}

/**
 * Value of the digit run starting at `p`, computed like Go does it: int64 arithmetic that wraps,
 * `rune - '0'` even for non-ASCII digits, seeded with `seed`.
 */
function digitRun(s: string, p: number, seed: number): DigitRun {
  let value = seed;
  let runes = 0;
  let i = p;
  let exact = true;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    if (!isDigit(cp)) break;
    value = value * 10 + (cp - 48);
    if (value > 2 ** 52) exact = false;
    runes++;
    i += width(cp);
  }
  if (exact) return { value, runes };
  // Long digit runs overflow int64 in Go; redo with BigInt and wrap the same way.
  let big = BigInt(seed);
  i = p;
  for (let n = 0; n < runes; n++) {
    const cp = s.codePointAt(i) ?? 0;
    big = BigInt.asIntN(64, big * 10n + BigInt(cp - 48));
    i += width(cp);
  }
  return { value: big, runes };
}

function compareNumbers(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * yaml.v2's map key comparator for string keys, as a `sort` callback (negative: `a` first).
 * At the first differing code point: two letters compare by code point; a letter sorts after a
 * non-letter; otherwise the digit runs starting there compare as integers, then by run length,
 * then by code point. A key that is a prefix of the other comes first.
 */
export function yamlV2KeyCompare(a: string, b: string): number {
  if (a === b) return 0;
  let p = 0;
  for (;;) {
    // Equal so far and `a !== b`: the one that ran out is the shorter, and comes first.
    if (p >= a.length) return -1;
    if (p >= b.length) return 1;
    const ca = a.codePointAt(p) ?? 0;
    const cb = b.codePointAt(p) ?? 0;
    if (ca === cb) {
      p += width(ca);
      continue;
    }
    const al = isLetter(ca);
    const bl = isLetter(cb);
    if (al && bl) return ca < cb ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    // The quirk: when either side has a '0' here and the digit run began earlier with a non-zero
    // digit, both numbers are seeded with 1 so the zero is not taken for a leading zero.
    let seed = 0;
    if (ca === 48 || cb === 48) {
      for (let j = p; ; ) {
        const prev = codePointBefore(a, j);
        if (prev < 0 || !isDigit(prev)) break;
        if (prev !== 48) {
          seed = 1;
          break;
        }
        j -= width(prev);
      }
    }
    const ra = digitRun(a, p, seed);
    const rb = digitRun(b, p, seed);
    const byValue = compareNumbers(ra.value, rb.value);
    if (byValue !== 0) return byValue;
    if (ra.runes !== rb.runes) return ra.runes < rb.runes ? -1 : 1;
    return ca < cb ? -1 : 1;
  }
}
