/**
 * Plain-scalar rules where Kubernetes (gopkg.in/yaml.v2, YAML 1.1) and a YAML 1.2 reader disagree.
 *
 * The `yaml` package's `yaml-1.1` schema does the bulk of the resolving; this module only
 * patches the few spots where that schema and yaml.v2 part ways, and classifies the text of a
 * plain scalar under the YAML 1.2 core schema so that the parser can warn when a value means
 * something else to Kubernetes than to most editors, linters and YAML 1.2 tools.
 * Everything here is regex-based on the scalar's source text: no re-parse of the document.
 */
import { printable, quote } from '../common/quoteText.ts';


/** The JSON value a YAML 1.2 core-schema reader gives a plain scalar. */
export type CoreValue = null | boolean | number | string;

const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const CORE_INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const CORE_NAN = /^\.(?:nan|NaN|NAN)$/;

/** YAML 1.2 core schema resolution of a plain scalar's text. */
export function resolveCore12(text: string): CoreValue {
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (CORE_INT.test(text)) return Number.parseInt(text, 10);
  if (CORE_OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (CORE_HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (CORE_FLOAT.test(text)) return Number.parseFloat(text);
  if (CORE_INF.test(text)) return text[0] === '-' ? -Infinity : Infinity;
  if (CORE_NAN.test(text)) return NaN;
  return text;
}

/**
 * Only texts starting with one of these can resolve differently under 1.1 and 1.2; checking the
 * first character keeps the common case (names, images, paths, commands) to one comparison.
 */
export function mayDifferBetween11And12(text: string): boolean {
  const c = text.charCodeAt(0);
  return (
    (c >= 48 && c <= 57) || // 0-9
    c === 43 || // +
    c === 45 || // -
    c === 46 || // .
    c === 89 || c === 121 || // Y y
    c === 78 || c === 110 || // N n
    c === 79 || c === 111 // O o
  );
}

/**
 * Integer spellings Go's strconv.ParseInt(text, 0, 64) accepts (yaml.v2 resolves plain ints with
 * it after deleting every `_`) but the `yaml` package's 1.1 schema leaves as strings: the `0o`
 * prefix and upper-case `0X`/`0B`/`0O` prefixes.
 */
const GO_PREFIXED_INT = /^([-+]?)0(?:[oO]([0-7_]+)|[xX]([0-9a-fA-F_]+)|[bB]([01_]+))$/;

const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * `!!int` / `!!float` on text the `yaml` package's 1.1 tags do not accept (`!!float 1`): yaml.v2
 * resolves the text as a number anyway (and turns an int into a float for `!!float`), which is
 * the same number in JSON.
 */
export function taggedNumber(text: string): number | undefined {
  const plain = text.replace(/_/g, '');
  if (GO_FLOAT.test(plain)) {
    const n = Number.parseFloat(plain);
    return Number.isFinite(n) ? n : undefined;
  }
  const m = /^([-+]?)0(?:[xX]([0-9a-fA-F]+)|[oO]([0-7]+)|[bB]([01]+))$/.exec(plain);
  if (!m) return undefined;
  const n = m[2] !== undefined ? Number.parseInt(m[2], 16) : m[3] !== undefined ? Number.parseInt(m[3], 8) : Number.parseInt(m[4] ?? '', 2);
  return m[1] === '-' ? -n : n;
}

/**
 * yaml.v2's reading of a plain, untagged scalar where it differs from the `yaml` package's
 * `yaml-1.1` schema, or `undefined` when the package's value already matches.
 * `resolved` is the value the package produced.
 */
export function goYamlOverride(text: string, resolved: unknown): { value: unknown } | undefined {
  if (typeof resolved === 'string') {
    const m = GO_PREFIXED_INT.exec(text);
    if (!m) return undefined;
    const oct = m[2];
    const hex = m[3];
    const bin = m[4];
    const digits = (oct ?? hex ?? bin ?? '').replace(/_/g, '');
    if (digits === '') return undefined;
    const n = Number.parseInt(digits, oct !== undefined ? 8 : hex !== undefined ? 16 : 2);
    return { value: m[1] === '-' ? -n : n };
  }
  // yaml.v2 deliberately does not support YAML 1.1's base-60 numbers (it only quotes them on
  // output), so Kubernetes keeps `1:20` as text.
  if (typeof resolved === 'number' && text.includes(':')) return { value: text };
  // The package reads a few digit-free spellings such as `.`, `-.` or `0_` as NaN; Go either
  // fails to parse them (so they stay text) or, for `0_`, reads 0.
  if (typeof resolved === 'number' && Number.isNaN(resolved) && !CORE_NAN.test(text)) {
    const stripped = text.replace(/_/g, '');
    if (/^[-+]?0+$/.test(stripped)) return { value: 0 };
    return { value: text };
  }
  // Go's ParseFloat fails with a range error on `1e400`, so yaml.v2 keeps such text as a string.
  if (typeof resolved === 'number' && !Number.isFinite(resolved) && !Number.isNaN(resolved) && !CORE_INF.test(text)) {
    return { value: text };
  }
  return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

function describe(v: CoreValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (typeof v === 'number') return `the number ${v}`;
  return `the text ${quote(v)}`;
}

/**
 * When the plain scalar `text` means something else under YAML 1.2 than `k8sValue` (what
 * Kubernetes reads), a one-sentence warning saying what Kubernetes reads and how to write the
 * other meaning; otherwise `undefined`.
 */
export function yaml11Difference(text: string, k8sValue: unknown, isKey: boolean): string | undefined {
  const core = resolveCore12(text);
  if (sameValue(core, k8sValue)) return undefined;
  const k8s = k8sValue as CoreValue;
  const quoted = quote(text);
  // The scalar as written, shown without quotes: it is what Kubernetes reads as a boolean or number.
  const shown = printable(text);
  if (isKey) {
    return (
      `Kubernetes reads the key ${shown} as ${describe(k8s)} (YAML 1.1), which becomes the key ` +
      `${quote(String(k8s))}; write ${quoted} in quotes to keep the key ${shown}`
    );
  }
  if (typeof k8s === 'boolean') {
    return `Kubernetes reads ${shown} as the boolean ${k8s} (YAML 1.1); write ${quoted} in quotes for the text`;
  }
  if (typeof k8s === 'number' && typeof core === 'number' && /^[-+]?0[0-7_]+$/.test(text)) {
    const sign = text.startsWith('-') ? '-' : '';
    return (
      `Kubernetes reads ${shown} as the octal number ${k8s} (YAML 1.1), while YAML 1.2 tools read ${core}; ` +
      `write ${sign}0o${Math.abs(k8s).toString(8)} for the octal number, ${core} for the decimal one, ` +
      `or ${quoted} in quotes for the text`
    );
  }
  if (typeof k8s === 'number') {
    return `Kubernetes reads ${shown} as the number ${k8s} (YAML 1.1); write ${quoted} in quotes for the text`;
  }
  return (
    `Kubernetes reads ${shown} as ${describe(k8s)} (YAML 1.1), while YAML 1.2 tools read ${describe(core)}; ` +
    `write ${quoted} in quotes to make the text explicit`
  );
}
