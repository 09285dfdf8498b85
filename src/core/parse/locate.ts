/**
 * Maps a field path of the parsed value back to a place in the text. The lookup follows the same
 * rules the value was built with (last duplicate wins, yaml.v2 merge order, keys compared after
 * their JSON conversion, aliases followed to their anchors), so a diagnostic about
 * `spec.containers[0].image` lands on the node that actually produced that value.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Node, Pair, YAMLMap } from 'yaml';
import type { PathSegment } from '../diagnostics.ts';
import { isMergeKey, keyString, scalarValue, type LinePos } from './toPlain.ts';

export interface SourceSpan {
  /** One-based start. */
  line: number;
  column: number;
  /** One-based end, exclusive. */
  endLine: number;
  endColumn: number;
}

interface Entry {
  key: Node;
  value: Node | null;
}

/** What a path step can land on: a node, or a key/value pair that is an item of a !!omap list. */
type Loc = Node | Pair;

interface Resolved {
  found: boolean;
  /** The node at the path (as written: an alias stays an alias), or the deepest node that exists. */
  loc: Loc | null;
  /** The key of `loc` when the last step that succeeded was a mapping key. */
  key: Node | null;
}

export class Locator {
  private readonly cache = new WeakMap<YAMLMap, Map<string, Entry>>();
  private readonly building = new Set<YAMLMap>();

  constructor(
    private readonly root: Node | null,
    private readonly aliasTargets: ReadonlyMap<Alias, Node>,
    /** Offset where the line holding an offset ends. */
    private readonly lineEnd: (offset: number) => number,
    private readonly linePos: LinePos,
  ) {}

  locate(path: readonly PathSegment[]): SourceSpan {
    const r = this.resolve(path);
    if (r.found) {
      if (r.key && isEmptyValue(r.loc)) return this.span(r.key);
      return this.span(r.loc);
    }
    return this.fallback(r);
  }

  locateKey(path: readonly PathSegment[]): SourceSpan {
    const r = this.resolve(path);
    if (r.found) return this.span(r.key ?? r.loc);
    return this.fallback(r);
  }

  isPlainScalar(path: readonly PathSegment[]): boolean {
    const r = this.resolve(path);
    const n = r.loc;
    return r.found && isScalar(n) && n.type === 'PLAIN' && !n.tag && !isEmptyValue(n);
  }

  /** A missing path points at the key of its closest existing parent, or the first line of that parent. */
  private fallback(r: Resolved): SourceSpan {
    if (r.key) return this.span(r.key);
    const range = this.range(r.loc);
    if (!range) return this.span(null);
    const end = Math.min(range[1], this.lineEnd(range[0]));
    return this.toSpan(range[0], Math.max(end, range[0]));
  }

  private resolve(path: readonly PathSegment[]): Resolved {
    let loc: Loc | null = this.root;
    let key: Node | null = null;
    for (const seg of path) {
      let next: Resolved | undefined;
      const cur: Loc | null = isPair(loc) ? loc : this.deref(loc);
      if (isPair(cur)) {
        const k = this.pairKey(cur);
        if (k !== undefined && k === String(seg)) next = { found: true, loc: cur.value as Node | null, key: cur.key as Node };
      } else if (isMap(cur)) {
        const e = this.entries(cur).get(String(seg));
        if (e) next = { found: true, loc: e.value, key: e.key };
      } else if (isSeq(cur)) {
        const idx = typeof seg === 'number' ? seg : /^(?:0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : -1;
        const item = idx >= 0 ? (cur.items[idx] as Loc | null | undefined) : undefined;
        if (item !== undefined) next = { found: true, loc: item, key: null };
      }
      if (!next) return { found: false, loc, key };
      loc = next.loc;
      key = next.key;
    }
    return { found: true, loc, key };
  }

  private deref(n: unknown): Node | null {
    // Alias chains cannot loop (an alias points at an earlier anchored node, never another alias),
    // but the bound costs nothing.
    for (let i = 0; i < 64 && isAlias(n); i++) n = this.aliasTargets.get(n);
    return (n as Node | null | undefined) ?? null;
  }

  private pairKey(pair: Pair): string | undefined {
    const k = isAlias(pair.key) ? this.deref(pair.key) : pair.key;
    return isScalar(k) ? keyString(scalarValue(k)) : undefined;
  }

  /** The mapping's final entries, mirroring how `toPlain` builds the object. */
  private entries(map: YAMLMap): Map<string, Entry> {
    const cached = this.cache.get(map);
    if (cached) return cached;
    const out = new Map<string, Entry>();
    if (this.building.has(map)) return out;
    this.building.add(map);
    for (const pair of map.items) {
      if (isMergeKey(pair.key)) {
        const v = pair.value;
        const sources = isSeq(v) ? v.items : [v];
        for (let i = sources.length - 1; i >= 0; i--) {
          const src = this.deref(sources[i]);
          if (isMap(src)) for (const [k, e] of this.entries(src)) out.set(k, e);
        }
        continue;
      }
      const k = this.pairKey(pair);
      if (k !== undefined) out.set(k, { key: pair.key as Node, value: (pair.value as Node | null) ?? null });
    }
    this.building.delete(map);
    this.cache.set(map, out);
    return out;
  }

  private range(loc: Loc | null): readonly [number, number] | null {
    if (!loc) return null;
    if (isPair(loc)) {
      const k = this.range(loc.key as Node | null);
      const v = this.range(loc.value as Node | null);
      if (!k) return v;
      return [k[0], v ? v[1] : k[1]];
    }
    const r = loc.range;
    return r ? [r[0], r[1]] : null;
  }

  private span(loc: Loc | null): SourceSpan {
    const r = this.range(loc);
    return r ? this.toSpan(r[0], r[1]) : this.toSpan(0, 0);
  }

  private toSpan(start: number, end: number): SourceSpan {
    const a = this.linePos(start);
    const b = this.linePos(end);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }
}

/** `key:` with nothing after it: the empty scalar has no width, so the key is the better place to point at. */
function isEmptyValue(loc: Loc | null): boolean {
  if (loc === null) return true;
  return isScalar(loc) && loc.value === null && (loc.source === '' || loc.source === undefined) && !!loc.range && loc.range[0] === loc.range[1];
}
