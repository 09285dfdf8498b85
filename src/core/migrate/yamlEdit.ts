/**
 * Small edits on a parsed `yaml` Document that keep what the user wrote around them: comments and
 * blank lines stay on the nodes they belong to, renamed keys keep their comments, new keys go
 * next to the ones they relate to.
 */
import { Pair, Scalar, isMap, isNode, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';

/** The key of a pair as the parser's plain value spells it (`y:` is the key "true" in YAML 1.1). */
function keyOf(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean' ? String(k) : undefined;
}

/** The pair that counts for `key`: the last one, as upstream's decoder keeps the last duplicate. */
export function lastPair(map: YAMLMap, key: string): Pair | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const p = map.items[i];
    if (p && keyOf(p) === key) return p;
  }
  return undefined;
}

function valueOf(map: YAMLMap | undefined, key: string): unknown {
  return map ? lastPair(map, key)?.value : undefined;
}

/** The mapping under `key`, when the value is a mapping written in this document (not an alias). */
export function mapUnder(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const v = valueOf(map, key);
  return isMap(v) ? v : undefined;
}

/**
 * Removes every pair of `key` (duplicates included). A comment between the parent key and the
 * first pair is stored on the mapping but sits next to that first pair, so it goes with it.
 */
export function removeKey(map: YAMLMap, key: string): void {
  const first = map.items[0];
  map.items = map.items.filter((p) => keyOf(p) !== key);
  if (first && !map.items.includes(first) && !map.flow) map.commentBefore = undefined;
}

/** Gives a pair a new key name, keeping the key's comments, blank lines and position. */
export function renameKey(pair: Pair, name: string): void {
  if (isScalar(pair.key)) {
    pair.key.value = name;
    // A quoted or block key style was chosen for the old text; the new name is a plain word.
    pair.key.type = Scalar.PLAIN;
  } else {
    pair.key = new Scalar(name);
  }
}

/** Inserts `pair` right after the pair of `afterKey` (or at the end when that key is absent). */
export function insertAfter(map: YAMLMap, afterKey: string | undefined, pair: Pair): void {
  const after = afterKey === undefined ? undefined : lastPair(map, afterKey);
  const index = after ? map.items.indexOf(after) + 1 : map.items.length;
  map.items.splice(index, 0, pair);
}

/** Inserts `pair` right before the pair of `beforeKey` (or at the end), set off by a blank line when that key is. */
export function insertBefore(map: YAMLMap, beforeKey: string, pair: Pair): void {
  const before = lastPair(map, beforeKey);
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

/** True when the document uses anchors, aliases or merge keys anywhere. */
export function usesAliases(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') {
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
        const k = keyOf(p);
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
    if (isPair(node)) out.push(keyOf(node) ?? '');
    else if (isSeq(node) && child !== undefined) out.push(node.items.indexOf(child as never));
  });
  return out;
}

/** Removes one pair from whichever mapping holds it. */
export function removePair(doc: Document, target: Pair): void {
  visit(doc, {
    Map(_, map) {
      const i = map.items.indexOf(target);
      if (i >= 0) {
        map.items.splice(i, 1);
        return visit.BREAK;
      }
      return undefined;
    },
  });
}

/**
 * Layout of the input, so that re-written parts look like the rest: the indentation step and
 * whether list items are indented under their key (`containers:\n  - image`) or not.
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
