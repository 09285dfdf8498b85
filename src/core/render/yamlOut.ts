/**
 * Manifests → YAML (and JSON) text.
 *
 * The output has to be read back identically by two kinds of reader: YAML 1.1 ones (kubectl and
 * the API server go through `sigs.k8s.io/yaml`, i.e. `gopkg.in/yaml.v2`) and YAML 1.2 ones (the
 * `yaml` package in the editor and the tests). So every string a 1.1 reader or Go's number
 * parser could take for a bool, null, number or timestamp is quoted, and characters a 1.1 reader
 * refuses or treats as line breaks are only ever written as escapes.
 *
 * Speed: the node tree is built directly (instead of letting `yaml` convert plain objects) and
 * every string is classified once with cheap tests, so the only expensive step left is `yaml`'s
 * own stringifier, which a plain `stringify` pays too.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, ToStringOptions } from 'yaml';
import { yamlV2KeyCompare } from './keyOrder.ts';
import { isSkipped, writeFast, type FastWriter } from './fastYaml.ts';

export type KeyOrder = 'kubernetes' | 'sorted';

export interface RenderYamlOptions {
  /**
   * `kubernetes` (default): `apiVersion, kind, metadata, spec, data, …, status` at the top,
   * `name, generateName, namespace, labels, annotations, …` in every `metadata`, insertion order
   * elsewhere. `sorted`: every mapping in yaml.v2's order, as upstream `fluxoperator-gen` prints.
   */
  keyOrder?: KeyOrder;
  /**
   * Upstream gen's stream format: a `----` line before each object and an empty line after it.
   * Not valid as a multi-document stream (kubectl rejects it); only for diffing against upstream.
   */
  legacySeparator?: boolean;
}

// `lineWidth: 0`: folding long plain or quoted scalars splits commands and JSON blobs at arbitrary
// spaces; both parsers join them again but people reading, grepping or diffing the output do not.
// Block scalars are never folded anyway (`blockQuote: 'literal'`).
const TO_STRING: ToStringOptions = {
  indent: 2,
  indentSeq: false,
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: 'literal',
  // Keep double-quoted strings on one line (`\n` escapes). Their multi-line form is rarely
  // needed (literal blocks take most multi-line text) and `yaml` 2.9 writes it wrongly for a
  // line break, space, line break sequence (the space's escape gets escaped again).
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
  // Never `%YAML`/`%TAG` lines; skipping them also skips a walk over the whole tree.
  directives: false,
  nullStr: 'null',
  trueStr: 'true',
  falseStr: 'false',
};

// One document reused for every render: building a Document builds a schema, which costs more
// than stringifying a small manifest. `compat` is a second line of defence: `yaml` then also
// quotes plain strings that its YAML 1.1 schema would read as another type.
let sharedDoc: Document | undefined;
function getDoc(): Document {
  sharedDoc ??= new Document(null, { version: '1.2', compat: 'yaml-1.1' });
  return sharedDoc;
}

// ---------------------------------------------------------------------------------------------
// String classification

/** Characters that need a closer look: controls, tab, newline, surrogates and the ones below. */
const SPECIAL = /[\0-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
/**
 * Characters a YAML 1.1 reader treats as line breaks (NEL, LS, PS) or refuses (other C1
 * controls, BOM, U+FFFE, U+FFFF). A string holding one is written double-quoted, and since
 * `JSON.stringify` (which `yaml` uses for double quotes) leaves these raw, the finished text gets
 * them replaced by YAML escapes. (`yaml` already forces double quotes for C0 controls, CR
 * included, and for lone surrogates, and `JSON.stringify` escapes those.)
 */
const RAW_IN_QUOTES = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const RAW_IN_QUOTES_ALL = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;
/** Set while building when some string holds a RAW_IN_QUOTES character; spares a scan of the output. */
let rawSeen = false;

function escapeRaw(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x85) return '\\N';
  if (c === 0x2028) return '\\L';
  if (c === 0x2029) return '\\P';
  const hex = c.toString(16).toUpperCase();
  return c < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/** Words YAML 1.1 (yaml.v2), YAML 1.2 or Go's float parser give a non-string meaning. */
const WORDS = /^(?:~|null|y|yes|n|no|true|false|on|off|<<|=|\.inf|\.nan|[-+](?:\.?inf|infinity))$/i;
// Numbers as yaml.v2 resolves them (underscores removed first, then Go's ParseInt with base
// prefixes and octal `0777`, then ParseFloat including hex floats), plus YAML 1.1 sexagesimal
// numbers and timestamps. Deliberately wider than needed: quoting an odd string costs nothing.
const INT = /^[-+]?(?:0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)$/;
const FLOAT = /^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const HEX_FLOAT = /^[-+]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][-+]?[0-9]+)?$/;
const SEXAGESIMAL = /^[-+]?[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt \t])/;

/** True if some YAML reader would not read `s`, written plain, as this string. */
export function isAmbiguousPlain(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    // Document markers at column 0 (a root-level key) would end the document.
    if (c === 45 || c === 46) {
      if (s.startsWith('---') || s.startsWith('...')) return true;
    }
    const t = s.includes('_') ? s.replace(/_/g, '') : s;
    return (
      INT.test(t) ||
      FLOAT.test(t) ||
      HEX_FLOAT.test(t) ||
      SEXAGESIMAL.test(t) ||
      TIMESTAMP.test(t) ||
      (s.length <= 9 && WORDS.test(s))
    );
  }
  // `:x` and `?x` are plain scalars in YAML 1.2 but easy to misread; `<<` is the merge key.
  if (c === 58 || c === 63) return true;
  return s.length <= 5 && WORDS.test(s);
}

const BLANK = /^[ \t\n]*$/;

type StringStyle = typeof Scalar.QUOTE_DOUBLE | typeof Scalar.BLOCK_LITERAL | undefined;

function styleOf(s: string): StringStyle {
  if (SPECIAL.test(s)) {
    if (RAW_IN_QUOTES.test(s)) {
      rawSeen = true;
      return Scalar.QUOTE_DOUBLE;
    }
    // Literal blocks keep tabs, trailing spaces and emoji as they are; `yaml` itself falls back
    // to quotes where a block cannot represent the text (e.g. trailing whitespace-only line).
    // Whitespace-only text is the exception: `yaml` then omits the indentation indicator a
    // leading space needs, and the space is lost on reading.
    if (s.includes('\n')) return BLANK.test(s) ? Scalar.QUOTE_DOUBLE : Scalar.BLOCK_LITERAL;
    // A tab in a one-line string is invisible when plain; `\t` says what it is.
    if (s.includes('\t')) return Scalar.QUOTE_DOUBLE;
  }
  return isAmbiguousPlain(s) ? Scalar.QUOTE_DOUBLE : undefined;
}

function stringNode(s: string): Scalar {
  const node = new Scalar(s);
  const style = styleOf(s);
  if (style !== undefined) node.type = style;
  return node;
}

// Map keys repeat across manifests (`name`, `image`, `mountPath`, …): classify each once. Scalar
// nodes are not modified by stringification, so sharing them between maps is safe. Bounded so a
// long-running editor session does not accumulate user keys forever.
const keyCache = new Map<string, Scalar>();
const KEY_CACHE_LIMIT = 4096;
function keyNode(k: string): Scalar {
  let node = keyCache.get(k);
  if (node === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    const before = rawSeen;
    rawSeen = false;
    node = stringNode(k);
    // A block scalar key would be written as an explicit `? |` key: valid, but nobody reads that.
    if (node.type === Scalar.BLOCK_LITERAL) node.type = Scalar.QUOTE_DOUBLE;
    // A key that needs the escape pass is not cached, so that every render notices it.
    if (!rawSeen) keyCache.set(k, node);
    rawSeen ||= before;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Tree building

/** Where a mapping sits, which decides its key order in `kubernetes` mode. */
type Role = 0 | 1 | 2;
const ROOT: Role = 0;
const METADATA: Role = 1;
const OTHER: Role = 2;

const ROOT_FIRST = ['apiVersion', 'kind', 'metadata', 'spec', 'data'] as const;
const ROOT_LAST = 'status';
const METADATA_FIRST = ['name', 'generateName', 'namespace', 'labels', 'annotations'] as const;
const ROOT_FIRST_SET: ReadonlySet<string> = new Set([...ROOT_FIRST, ROOT_LAST]);
const METADATA_FIRST_SET: ReadonlySet<string> = new Set(METADATA_FIRST);

const hasOwn = Object.prototype.hasOwnProperty;

function kubernetesKeys(obj: Record<string, unknown>, role: Role): string[] {
  const keys = Object.keys(obj);
  if (role === OTHER) return keys;
  const first = role === ROOT ? ROOT_FIRST : METADATA_FIRST;
  const firstSet = role === ROOT ? ROOT_FIRST_SET : METADATA_FIRST_SET;
  const out: string[] = [];
  for (const k of first) if (hasOwn.call(obj, k)) out.push(k);
  for (const k of keys) if (!firstSet.has(k)) out.push(k);
  if (role === ROOT && hasOwn.call(obj, ROOT_LAST)) out.push(ROOT_LAST);
  return out;
}

function buildNode(value: unknown, sorted: boolean, role: Role): Node {
  switch (typeof value) {
    case 'string':
      return stringNode(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return new Scalar(value);
    case 'object': {
      if (value === null) return new Scalar(null);
      if (Array.isArray(value)) {
        const seq = new YAMLSeq();
        for (const item of value as unknown[]) {
          seq.items.push(isSkipped(item) ? new Scalar(null) : buildNode(item, sorted, OTHER));
        }
        return seq;
      }
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return buildNode(toJSON.call(value), sorted, role);
      const obj = value as Record<string, unknown>;
      const keys = sorted ? Object.keys(obj).sort(yamlV2KeyCompare) : kubernetesKeys(obj, role);
      const map = new YAMLMap();
      for (const k of keys) {
        const v = obj[k];
        if (isSkipped(v)) continue;
        const childRole = !sorted && k === 'metadata' ? METADATA : OTHER;
        map.items.push(new Pair(keyNode(k), buildNode(v, sorted, childRole)));
      }
      return map;
    }
    default:
      return new Scalar(null);
  }
}

// The fast writer's view of the rules above (see fastYaml.ts), one per key order.
function fastWriter(sorted: boolean, doc: Document): FastWriter {
  const { tags, compat } = doc.schema;
  const typed = (s: string) => (tag: (typeof tags)[number]) => !!tag.default && tag.tag !== 'tag:yaml.org,2002:str' && 'test' in tag && !!tag.test?.test(s);
  return {
    keys: (obj, role) => (sorted ? Object.keys(obj).sort(yamlV2KeyCompare) : kubernetesKeys(obj, role as Role)),
    childRole: (k) => (!sorted && k === 'metadata' ? METADATA : OTHER),
    itemRole: OTHER,
    style: (s) => {
      const style = styleOf(s);
      return style === Scalar.QUOTE_DOUBLE ? 'QUOTE_DOUBLE' : style === Scalar.BLOCK_LITERAL ? 'BLOCK_LITERAL' : undefined;
    },
    plainLooksTyped: (s) => tags.some(typed(s)) || (compat?.some(typed(s)) ?? false),
  };
}
// Rendered keys of the fast writer, bounded like keyCache.
const fastKeys = new Map<string, string>();

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * YAML stream for `objects`: each document starts with a `---` line (so streams concatenate
 * safely and `kubectl apply -f` reads them) and ends with a newline. No objects, no text.
 */
export function renderYaml(objects: readonly unknown[], opts: RenderYamlOptions = {}): string {
  return render(objects, opts, true);
}

/** renderYaml through `yaml`'s stringifier only: what the fast writer is tested against. */
export function renderYamlByYaml(objects: readonly unknown[], opts: RenderYamlOptions = {}): string {
  return render(objects, opts, false);
}

/** The fast writer's text for one object, or undefined where it leaves the object to `yaml` (for its tests). */
export function writeFastFor(obj: unknown, keyOrder: KeyOrder = 'kubernetes'): string | undefined {
  return writeFast(obj, ROOT, fastWriter(keyOrder === 'sorted', getDoc()), new Map());
}

function render(objects: readonly unknown[], opts: RenderYamlOptions, tryFast: boolean): string {
  const sorted = opts.keyOrder === 'sorted';
  const legacy = opts.legacySeparator === true;
  const doc = getDoc();
  // Saved and restored so that a render started from inside another one (a `toJSON` that
  // renders) leaves the outer render's state as it was.
  const outerRawSeen = rawSeen;
  rawSeen = false;
  let out = '';
  const fast = fastWriter(sorted, doc);
  if (fastKeys.size >= KEY_CACHE_LIMIT) fastKeys.clear();
  try {
    for (const obj of objects) {
      let text = tryFast ? writeFast(obj, ROOT, fast, fastKeys) : undefined;
      if (text === undefined) {
        doc.contents = buildNode(obj, sorted, ROOT) as Document['contents'];
        text = doc.toString(TO_STRING);
      }
      out += legacy ? `----\n${text}\n` : `---\n${text}`;
    }
    // Only forced double-quoted scalars can contain these characters, so replacing them anywhere
    // in the text turns them into YAML escapes inside those scalars.
    if (rawSeen) out = out.replace(RAW_IN_QUOTES_ALL, escapeRaw);
  } finally {
    doc.contents = null;
    rawSeen = outerRawSeen;
  }
  return out;
}

/**
 * JSON for `objects`: one object as itself, otherwise (including none) a `v1` `List` holding
 * them, the way `kubectl get -o json` prints several objects. Two-space indent, final newline.
 */
export function renderJson(objects: readonly unknown[], opts: { keyOrder?: KeyOrder } = {}): string {
  const sorted = opts.keyOrder === 'sorted';
  const ordered = objects.map((o) => reorder(o, sorted, ROOT));
  const value = ordered.length === 1 ? ordered[0] : { apiVersion: 'v1', kind: 'List', items: ordered };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Copy of `value` with keys in the same order `renderYaml` uses. */
function reorder(value: unknown, sorted: boolean, role: Role): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => reorder(v, sorted, OTHER));
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return reorder(toJSON.call(value), sorted, role);
  const obj = value as Record<string, unknown>;
  const keys = sorted ? Object.keys(obj).sort(yamlV2KeyCompare) : kubernetesKeys(obj, role);
  // Null prototype: a `__proto__` key must stay a plain member, as it is in the input.
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of keys) {
    const childRole = !sorted && k === 'metadata' ? METADATA : OTHER;
    out[k] = reorder(obj[k], sorted, childRole);
  }
  return out;
}
