/**
 * A direct writer for the common shape of generated objects: block mappings and sequences of
 * ASCII strings, numbers, booleans and nulls. It writes exactly the text `yaml`'s stringifier
 * writes with renderYaml's options, and gives up (returns undefined) on anything else, which then
 * goes through `yaml`.
 *
 * Why: a file of 1,000 MiniClusters renders to about 12 MB, and `yaml`'s general stringifier
 * (a context object per pair, every plain string tested against every tag of two schemas) took
 * longer than parsing, analysing and generating them together. Each rule below mirrors the branch
 * `yaml` takes for the case; the cases it does not mirror are the ones it gives up on.
 */

/** Thrown to abandon the fast path; caught in writeFast. */
class Unsupported extends Error {}
const unsupported = new Unsupported();

export interface FastWriter {
  /** The keys of a mapping, in output order, and the role each child mapping gets. */
  keys(obj: Record<string, unknown>, role: number): string[];
  childRole(key: string, role: number): number;
  /** The role of a sequence's items. */
  itemRole: number;
  /** renderYaml's style for a string: double quotes, a literal block, or plain (undefined). */
  style(s: string): 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | undefined;
  /** True when `yaml`'s schemas would read `s`, written plain, as another type (it then quotes it). */
  plainLooksTyped(s: string): boolean;
}

/** What the fast path writes: tab, line feed and printable ASCII; `yaml` escapes or quotes the rest. */
const OUTSIDE_ASCII = /[^\t\n\x20-\x7e]/;
/** `yaml`'s test of text that cannot be a plain scalar (it then quotes it). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;
/** JSON.stringify drops these object members (and writes them as null in arrays). */
export const isSkipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** `yaml`'s double-quoted form, for text JSON writes without any escape (then both agree). */
function doubleQuoted(s: string): string {
  const json = JSON.stringify(s);
  if (json.includes('\\')) throw unsupported;
  return json;
}

/** `yaml` quotes single-line text that cannot be plain: single quotes when only `"` occurs in it. */
function quoted(s: string): string {
  if (s.includes('"') && !s.includes("'")) throw unsupported;
  return doubleQuoted(s);
}

/** A single-line string as `yaml` writes it plain, or quoted where plain would misread. */
function plain(s: string, w: FastWriter): string {
  if (s.includes('\n') || DOCUMENT_MARKER.test(s)) throw unsupported;
  return NOT_PLAIN.test(s) || w.plainLooksTyped(s) ? quoted(s) : s;
}

/** `yaml`'s literal block scalar with clip or strip chomping (keep chomping is left to it). */
function literalBlock(value: string, indent: string): string {
  if (/\n[\t ]+$/.test(value)) throw unsupported;
  let endStart = value.length;
  while (endStart > 0 && ' \t\n'.includes(value[endStart - 1] as string)) endStart--;
  let end = value.substring(endStart);
  const endNl = end.indexOf('\n');
  if (endNl !== -1 && (value === end || endNl !== end.length - 1)) throw unsupported;
  const chomp = endNl === -1 ? '-' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
  }
  let startWithSpace = false;
  let startNl = -1;
  let startEnd = 0;
  for (; startEnd < value.length; startEnd++) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNl = startEnd;
    else break;
  }
  let start = value.substring(0, startNl < startEnd ? startNl + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

function key(k: string, w: FastWriter, cache: Map<string, string>): string {
  let text = cache.get(k);
  if (text === undefined) {
    if (OUTSIDE_ASCII.test(k)) throw unsupported;
    const style = w.style(k);
    text = style === undefined ? plain(k, w) : doubleQuoted(k);
    // Longer keys are written as explicit `? key` entries.
    if (text.length > 1024) throw unsupported;
    cache.set(k, text);
  }
  return text;
}

/** A scalar value at `indent`, or undefined when `value` is a collection. */
function scalar(value: unknown, indent: string, w: FastWriter): string | undefined {
  switch (typeof value) {
    case 'string': {
      if (OUTSIDE_ASCII.test(value)) throw unsupported;
      const style = w.style(value);
      if (style === 'BLOCK_LITERAL') return literalBlock(value, indent);
      return style === 'QUOTE_DOUBLE' ? doubleQuoted(value) : plain(value, w);
    }
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) throw unsupported;
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : undefined;
    case 'undefined':
    case 'function':
    case 'symbol':
      return 'null';
    default:
      throw unsupported;
  }
}

interface Walk {
  w: FastWriter;
  keys: Map<string, string>;
}

function plainObject(value: object): Record<string, unknown> | unknown[] {
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  // A toJSON result is rendered as itself, with the role of the object it replaces.
  if (typeof toJSON === 'function') {
    const replaced: unknown = toJSON.call(value);
    if (replaced === null || typeof replaced !== 'object') throw unsupported;
    return plainObject(replaced);
  }
  return value as Record<string, unknown>;
}

/** A block collection whose first line follows its parent's text and whose other lines start with `indent`. */
function collection(value: object, indent: string, role: number, walk: Walk): string {
  const c = plainObject(value);
  const lines: string[] = [];
  if (Array.isArray(c)) {
    const inner = `${indent}  `;
    for (const item of c) lines.push(`- ${node(isSkipped(item) ? null : item, inner, walk.w.itemRole, walk)}`);
    if (lines.length === 0) return '[]';
  } else {
    const inner = `${indent}  `;
    for (const k of walk.w.keys(c, role)) {
      const v = c[k];
      if (isSkipped(v)) continue;
      const text = scalar(v, inner, walk.w);
      let entry = `${key(k, walk.w, walk.keys)}:`;
      if (text !== undefined) entry += ` ${text}`;
      else {
        // With indentSeq off, a sequence's dashes line up with its key.
        const at = Array.isArray(plainObject(v as object)) ? indent : inner;
        const body = collection(v as object, at, walk.w.childRole(k, role), walk);
        entry += body === '{}' || body === '[]' ? ` ${body}` : `\n${at}${body}`;
      }
      lines.push(entry);
    }
    if (lines.length === 0) return '{}';
  }
  return lines.join(`\n${indent}`);
}

function node(value: unknown, indent: string, role: number, walk: Walk): string {
  return scalar(value, indent, walk.w) ?? collection(value as object, indent, role, walk);
}

/**
 * One object as `yaml` writes it as a document's contents (without the `---` line), or undefined
 * when it holds something this writer leaves to `yaml`.
 */
export function writeFast(root: unknown, role: number, w: FastWriter, keyCache: Map<string, string>): string | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  try {
    const body = collection(root, '', role, { w, keys: keyCache });
    return `${body}\n`;
  } catch (e) {
    if (e === unsupported) return undefined;
    throw e;
  }
}
