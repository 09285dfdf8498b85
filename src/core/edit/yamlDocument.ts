/**
 * Editing a parsed `yaml` Document in place, for every tool that changes a spec's text without
 * rewriting it: the form's edits (specEdit.ts), the v1alpha1 → v1alpha2 migration and leaving
 * secrets out of a spec before it is saved or shared. Editing the Document rather than the plain
 * value keeps comments, blank lines, key order and scalar styles.
 *
 * Hand-written because the `yaml` package's own get/set/delete act on the first of repeated keys
 * and compare keys as the package resolves them, while Kubernetes and the core's parser keep the
 * last one and spell keys as yaml.v2 does; the package also has no rename. Every lookup here goes
 * by the pair that counts, with the key the parser reports.
 */
import { Scalar, isMap, isNode, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';
import type { PathSegment } from '../diagnostics.ts';
import { SPEC_DOCUMENT_OPTIONS } from '../parse/documentOptions.ts';
import { keyString, scalarValue } from '../parse/toPlain.ts';

/**
 * How a document is read for editing: as the core's parser reads it (YAML 1.1 scalars even under
 * a `%YAML 1.2` directive, as yaml.v2 does; repeated keys allowed, because the last one counts and
 * an edit has to see every one of them). A key or value an edit looks for is then the one the
 * parser reported, and a value written back reads the same way (`yes` gets quoted).
 */
export const EDIT_PARSE_OPTIONS = SPEC_DOCUMENT_OPTIONS;

/**
 * A pair's key as the core's parser spells it (`yes:` is "true", a date key is its text), or
 * undefined for keys it cannot read (null, lists, maps, aliases). Pairs created in code may have
 * a plain string or number as key.
 */
export function keyName(key: unknown): string | undefined {
  return keyString(isScalar(key) ? scalarValue(key) : key);
}

/**
 * The pair that counts for `key` in a mapping that may repeat it: the last one, which the parser
 * and Kubernetes keep. Merge keys (`<<`) are not followed.
 */
export function effectivePair(map: YAMLMap, key: PathSegment): Pair | undefined {
  const name = String(key);
  return map.items.findLast((p) => keyName(p.key) === name);
}

/** The mapping under `key`, when the value is a mapping written in this document (not an alias). */
export function mapUnder(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = map ? effectivePair(map, key)?.value : undefined;
  return isMap(value) ? value : undefined;
}

/** The value under `key` of a mapping (the pair that counts) or under an index of a list. */
export function childOf(node: unknown, key: PathSegment): unknown {
  if (isMap(node)) return effectivePair(node, key)?.value ?? undefined;
  return isSeq(node) && typeof key === 'number' ? node.items[key] : undefined;
}

/** The node at `path` below the document's root, following the pair that counts at each key. */
export function nodeAt(doc: Document, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>(childOf, doc.contents);
}

export interface RemoveKeyOptions {
  /**
   * Keep the mapping's comment when its first pair goes, above the pair that is first now. Without
   * it the comment goes with that pair.
   */
  keepMappingComment?: boolean;
}

/**
 * Removes every pair of `key`, repeats included: an earlier repeat would otherwise come back as
 * the value. False when there was none. A comment between the parent key and the first pair is
 * stored on the mapping, though it is written right above that pair, so by default it goes when
 * that pair goes (a flow mapping, `{a: 1}`, keeps it: it is not next to any pair).
 */
export function removeKey(map: YAMLMap, key: PathSegment, options: RemoveKeyOptions = {}): boolean {
  const name = String(key);
  const first = map.items[0];
  const kept = map.items.filter((p) => keyName(p.key) !== name);
  if (kept.length === map.items.length) return false;
  map.items = kept;
  if (!options.keepMappingComment && first && !kept.includes(first) && !map.flow) map.commentBefore = undefined;
  return true;
}

/** Removes the list item or every pair of the key at `path`; false when it is not there. */
export function removeAt(doc: Document, path: readonly PathSegment[], options: RemoveKeyOptions = {}): boolean {
  const key = path[path.length - 1];
  if (key === undefined) return false;
  const parent = nodeAt(doc, path.slice(0, -1));
  if (isSeq(parent) && typeof key === 'number' && key >= 0 && key < parent.items.length) {
    parent.items.splice(key, 1);
    return true;
  }
  return isMap(parent) && removeKey(parent, key, options);
}

/** Removes one pair from whichever mapping of the document holds it. */
export function removePair(doc: Document, target: Pair): void {
  visit(doc, {
    Map(_, map) {
      const i = map.items.indexOf(target);
      if (i < 0) return undefined;
      map.items.splice(i, 1);
      return visit.BREAK;
    },
  });
}

/**
 * Renames a key the way a user asks for it: the pair that counts for `from` keeps its place,
 * value, comments and the key's quoting; earlier repeats of `from` go, as they would otherwise
 * come back as its value. Throws, with a reason for the user, when `to` is already a key of the
 * mapping or `from` is not one.
 */
export function renameKeyInMap(map: YAMLMap, from: string, to: string): void {
  if (from === to) return;
  if (map.items.some((p) => keyName(p.key) === to)) throw new Error(`"${to}" is already there.`);
  const pair = effectivePair(map, from);
  if (!pair) throw new Error(`"${from}" is not there.`);
  if (isScalar(pair.key)) pair.key.value = to;
  else pair.key = new Scalar(to);
  map.items = map.items.filter((p) => p === pair || keyName(p.key) !== from);
}

/**
 * Gives one pair a new field name, written plain (a quoted or block style was chosen for the old
 * text, not for this name), keeping the key's comments, blank line and position. Nothing else in
 * the mapping is looked at: the caller has made sure the name is free.
 */
export function setPairKey(pair: Pair, name: string): void {
  if (isScalar(pair.key)) {
    pair.key.value = name;
    pair.key.type = Scalar.PLAIN;
  } else {
    pair.key = new Scalar(name);
  }
}

/** Inserts `pair` right after the pair of `afterKey` (or at the end when that key is absent). */
export function insertAfter(map: YAMLMap, afterKey: string | undefined, pair: Pair): void {
  const after = afterKey === undefined ? undefined : effectivePair(map, afterKey);
  const index = after ? map.items.indexOf(after) + 1 : map.items.length;
  map.items.splice(index, 0, pair);
}

/** Inserts `pair` right before the pair of `beforeKey` (or at the end), set off by a blank line when that key is. */
export function insertBefore(map: YAMLMap, beforeKey: string, pair: Pair): void {
  const before = effectivePair(map, beforeKey);
  if (!before) {
    map.items.push(pair);
    return;
  }
  const key = before.key;
  if (isScalar(key) && (key.spaceBefore || key.commentBefore) && isScalar(pair.key)) pair.key.spaceBefore = true;
  map.items.splice(map.items.indexOf(before), 0, pair);
}

export function newPair(doc: Document, key: string, value: unknown): Pair {
  return doc.createPair(key, value) as Pair;
}

/** A new mapping node in block style, whatever style the surrounding document uses. */
export function newMap(doc: Document, value: Record<string, unknown>): YAMLMap {
  const node = doc.createNode(value) as YAMLMap;
  node.flow = false;
  return node;
}

/**
 * A key the YAML 1.1 parser merges: a plain `<<` (the parser reads it as a symbol, a key made in
 * code is the string). Quoted, `"<<"` is an ordinary key.
 */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || (key.type !== undefined && key.type !== Scalar.PLAIN)) return false;
  const value: unknown = key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

/** True when the document uses aliases or merge keys anywhere (an edit could then change several places). */
export function usesAliases(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
    Pair(_, pair) {
      if (isMergeKey(pair.key)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export interface RepeatedKey {
  /** The pair to remove. */
  pair: Pair;
  path: (string | number)[];
  /** The pair removed repeats the value that counts (so the first of the equal ones was kept). */
  sameValue: boolean;
}

/**
 * Keys written more than once in a mapping. The last value is the one that counts; of the pairs
 * holding that value the first is kept (it usually carries the comment), the others go.
 */
export function repeatedKeys(doc: Document): RepeatedKey[] {
  const out: RepeatedKey[] = [];
  const json = (p: Pair) => JSON.stringify(isNode(p.value) ? p.value.toJSON() : p.value);
  visit(doc, {
    Map(_, map, ancestors) {
      const groups = new Map<string, Pair[]>();
      for (const p of map.items) {
        const k = keyName(p.key);
        if (k === undefined || k === '<<') continue;
        groups.set(k, [...(groups.get(k) ?? []), p]);
      }
      for (const [k, pairs] of groups) {
        const winner = pairs[pairs.length - 1];
        if (!winner || pairs.length < 2) continue;
        const kept = pairs.find((p) => json(p) === json(winner)) ?? winner;
        const path = [...pathOf([...ancestors, map]), k];
        for (const p of pairs) if (p !== kept) out.push({ pair: p, path, sameValue: json(p) === json(winner) });
      }
    },
  });
  return out;
}

/** Field path of the last node in a visitor's ancestor chain. */
function pathOf(chain: readonly unknown[]): (string | number)[] {
  const out: (string | number)[] = [];
  chain.forEach((node, i) => {
    const child = chain[i + 1];
    if (isPair(node)) out.push(keyName(node.key) ?? '');
    else if (isSeq(node) && child !== undefined) out.push(node.items.indexOf(child as never));
  });
  return out;
}

/**
 * The value documents read as, as JSON, to compare an edited text with the Document it was meant
 * to print; undefined when it cannot be read (syntax errors, an alias bomb).
 */
export function plainJson(docs: readonly Document[]): string | undefined {
  try {
    // Mappings as Maps: as plain objects, a list or mapping used as a key would be stringified,
    // and the yaml package warns about that on the console (process.emitWarning in Node).
    return docs.some((doc) => doc.errors.length > 0) ? undefined : JSON.stringify(docs.map((doc) => doc.toJS({ mapAsMap: true })), collectionsAsJson);
  } catch {
    return undefined;
  }
}

/** A Map or Set as its entries, keys included; no mapping is a plain object, so these cannot clash with one. */
function collectionsAsJson(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value.entries()] };
  if (value instanceof Set) return { set: [...value] };
  return value;
}

/**
 * Layout of the input, so that re-written parts look like the rest: the indentation step and
 * whether list items are indented under their key (`containers:\n  - image`) or not. The `yaml`
 * package prints with fixed settings and does not record how the input was indented.
 */
export function detectLayout(text: string): { indent: number; indentSeq: boolean } {
  const lines = text.split(/\r?\n/);
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  for (let i = 0; i < lines.length - 1 && (indent === undefined || indentSeq === undefined); i++) {
    const line = lines[i] ?? '';
    const m = /^( *)[^\s#-][^#]*:\s*(#.*)?$/.exec(line);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j] ?? '')) j++;
    const next = lines[j] ?? '';
    const keyIndent = m[1]?.length ?? 0;
    const nextIndent = /^ */.exec(next)?.[0].length ?? 0;
    if (/^ *- /.test(next) || /^ *-$/.test(next)) {
      indentSeq ??= nextIndent > keyIndent;
    } else if (nextIndent > keyIndent && indent === undefined) {
      indent = nextIndent - keyIndent;
    }
  }
  return { indent: indent !== undefined && indent >= 1 && indent <= 8 ? indent : 2, indentSeq: indentSeq ?? true };
}
