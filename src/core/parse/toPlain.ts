/**
 * Turns the first document's node tree into the plain JSON-like value Kubernetes would see:
 * gopkg.in/yaml.v2 decoding into interface{}, then sigs.k8s.io/yaml's conversion to JSON.
 *
 * This is a hand-written walk rather than `doc.toJS()` because the walk has to
 *  - build every alias as a fresh copy (later stages default and mutate objects, and Kubernetes
 *    sees a tree, not a graph) while capping how much aliases may expand;
 *  - apply yaml.v2's merge-key order, which differs from the `yaml` package's;
 *  - turn every key into the string the JSON round trip produces (`y:` → "true", `1:` → "1");
 *  - keep `__proto__` as an ordinary own key;
 *  - report duplicate keys, YAML 1.1 surprises and non-JSON values with positions,
 * and doing all of that in the one pass that also builds the value keeps it cheap.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { formatPath, type Diagnostic, type PathSegment, type Severity } from '../diagnostics.ts';
import { goYamlOverride, mayDifferBetween11And12, taggedNumber, yaml11Difference } from './yaml11.ts';
import { printable, quote, shortened } from '../common/quoteText.ts';

export const INT_TAG = 'tag:yaml.org,2002:int';
export const FLOAT_TAG = 'tag:yaml.org,2002:float';
export const BINARY_TAG = 'tag:yaml.org,2002:binary';
export const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

/** Go's base64.StdEncoding, which yaml.v2 decodes !!binary with (line breaks are skipped). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * What is wrong with an explicit !!binary or !!timestamp tag: no MiniCluster field, in either API
 * version, holds bytes or a date, and a value the tag cannot decode makes Kubernetes refuse the
 * whole spec. Undefined for any other scalar.
 */
export function tagProblem(node: Scalar): string | undefined {
  if (node.tag === BINARY_TAG) {
    const text = String(node.source ?? '');
    if (!BASE64.test(text.replace(/[\r\n]/g, ''))) {
      return 'The value is tagged !!binary but is not valid base64, so Kubernetes would refuse the spec. No MiniCluster field takes binary data: remove the tag and write the text itself.';
    }
    return `The !!binary tag makes Kubernetes decode this base64 into bytes (${quote(shortened(String(scalarValue(node))))}), but no MiniCluster field takes binary data. Remove the tag and write the text itself.`;
  }
  if (node.tag === TIMESTAMP_TAG) {
    const text = quote(shortened(String(node.source ?? node.value)));
    if (!(node.value instanceof Date)) {
      return `The value is tagged !!timestamp but ${text} is not a date, so Kubernetes would refuse the spec. No MiniCluster field takes a date: remove the tag.`;
    }
    return `The !!timestamp tag marks ${text} as a date, but no MiniCluster field takes a date. Remove the tag (put the value in quotes if it is meant as text).`;
  }
  return undefined;
}

/** Tags of single values (yaml.v2 refuses them on a mapping or a list), with how they are written. */
export const SCALAR_TAGS: ReadonlyMap<string, string> = new Map(['str', 'int', 'float', 'bool', 'null', 'binary', 'timestamp'].map((t) => [`tag:yaml.org,2002:${t}`, `!!${t}`]));


export interface ConvertLimits {
  /** Alias uses allowed while building the value, counting aliases met inside expanded anchors. */
  maxAliasCount: number;
  /** Values that alias expansion may create in total. */
  maxAliasNodes: number;
  /** Nesting depth of collections. */
  maxDepth: number;
}

export type LinePos = (offset: number) => { line: number; col: number };

type Range = readonly [number, number, ...number[]];

/** Thrown inside the walk to unwind at once when a limit is hit; never escapes `convertDocument`. */
class Abort {
  constructor(readonly diagnostic: Diagnostic) {}
}

export interface ConvertResult {
  value: unknown;
  /** False when a limit stopped the walk; the value is then unusable. */
  complete: boolean;
  diagnostics: Diagnostic[];
  /** Anchor node of every alias reached outside expansions, so positions can be looked up through aliases. */
  aliasTargets: Map<Alias, Node>;
}

export function isMergeKey(key: unknown): boolean {
  // The yaml-1.1 schema resolves an untagged plain `<<` key to a symbol; quoted "<<" stays text,
  // as in yaml.v2.
  return isScalar(key) && typeof key.value === 'symbol';
}

const decoder = new TextDecoder();

/**
 * yaml.v2's value for a scalar, before the JSON step. Timestamps stay as written (yaml.v2 keeps
 * the source text of a timestamp decoded into interface{}), !!binary becomes the decoded bytes
 * read as UTF-8 (Go's JSON encoder replaces invalid UTF-8 the same way TextDecoder does).
 */
export function scalarValue(node: Scalar): unknown {
  let v: unknown = node.value;
  if (v instanceof Date) return node.source ?? v.toISOString();
  if (v instanceof Uint8Array) return decoder.decode(v);
  if (typeof v === 'symbol') return '<<';
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v === 'string' && (node.tag === INT_TAG || node.tag === FLOAT_TAG)) {
    const n = taggedNumber(v);
    if (n !== undefined) return n;
  }
  if (node.type === 'PLAIN' && !node.tag && node.source !== undefined && mayDifferBetween11And12(node.source)) {
    const o = goYamlOverride(node.source, v);
    if (o) return o.value;
  }
  return v;
}

/**
 * The JSON object key for a resolved key value, as sigs.k8s.io/yaml writes it; `undefined` when
 * Kubernetes cannot use the value as a key.
 */
export function keyString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (v === Infinity) return '.inf';
    if (v === -Infinity) return '-.inf';
    return String(v);
  }
  return undefined;
}

/** Sets an own enumerable data property even for `__proto__`, which plain assignment would treat as the prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Converter {
  readonly diagnostics: Diagnostic[] = [];
  readonly aliasTargets = new Map<Alias, Node>();
  private readonly anchors = new Map<string, Node>();
  /** Collections being built right now: an alias to one of them would recurse forever. */
  private readonly active = new Set<Node>();
  /** > 0 while building a copy of an anchor: no diagnostics (they were given at the anchor) and no anchor registration. */
  private expandDepth = 0;
  private aliasCount = 0;
  private aliasNodes = 0;
  private depth = 0;
  private outerAlias: { node: Alias; path: string } | null = null;
  private readonly path: PathSegment[] = [];

  constructor(
    private readonly limits: ConvertLimits,
    private readonly linePos: LinePos,
  ) {}

  diag(severity: Severity, code: string, message: string, range: Range | null | undefined, path: string): Diagnostic {
    const start = range?.[0] ?? 0;
    const end = range?.[1] ?? start;
    const a = this.linePos(start);
    const b = this.linePos(end);
    return { severity, code, path, message, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  private report(severity: Severity, code: string, message: string, range: Range | null | undefined, path?: readonly PathSegment[]): void {
    if (this.expandDepth > 0) return;
    this.diagnostics.push(this.diag(severity, code, message, range, formatPath(path ?? this.path)));
  }

  convert(node: unknown): unknown {
    if (node === null || node === undefined) return null;
    if (this.expandDepth > 0 && ++this.aliasNodes > this.limits.maxAliasNodes) {
      throw this.limitAbort(
        `expanding it creates more than ${this.limits.maxAliasNodes} values, which looks like an alias bomb ("billion laughs")`,
      );
    }
    if (isAlias(node)) return this.alias(node);
    const n = node as Node;
    if (n.anchor && this.expandDepth === 0) this.anchors.set(n.anchor, n);
    if (isScalar(n)) return this.scalar(n);
    if (isMap(n) || isSeq(n)) {
      if (++this.depth > this.limits.maxDepth) {
        throw new Abort(
          this.diag(
            'error',
            'too-deep',
            `The document nests more than ${this.limits.maxDepth} levels deep; a MiniCluster spec needs far fewer. Flatten the structure.`,
            n.range,
            formatPath(this.path),
          ),
        );
      }
      const scalarTag = n.tag ? SCALAR_TAGS.get(n.tag) : undefined;
      if (scalarTag) {
        this.report(
          'error',
          'yaml-tag',
          `The tag ${scalarTag} is for a single value, but this is a ${isMap(n) ? 'mapping' : 'list'}, so Kubernetes would refuse the spec: remove the tag.`,
          n.range,
        );
      }
      this.active.add(n);
      try {
        return isMap(n) ? this.map(n) : this.seq(n);
      } finally {
        this.active.delete(n);
        this.depth--;
      }
    }
    return null;
  }

  private scalar(node: Scalar): unknown {
    const v = scalarValue(node);
    if (typeof v === 'number' && !Number.isFinite(v)) {
      const text = node.source ?? String(v);
      this.report(
        'error',
        'non-json-value',
        `Kubernetes converts the spec to JSON, which has no ${Number.isNaN(v) ? 'NaN' : 'infinity'}; ` +
          `write ${quote(text)} in quotes for the text, or a finite number.`,
        node.range,
      );
      return null;
    }
    if (typeof v === 'string' && (node.tag === INT_TAG || node.tag === FLOAT_TAG)) {
      const kind = node.tag === INT_TAG ? 'an integer' : 'a number';
      this.report('error', 'yaml-syntax', `The value is tagged as ${kind} but ${quote(v)} is not one; remove the tag or fix the value.`, node.range);
      return v;
    }
    const tagged = tagProblem(node);
    if (tagged) this.report('error', 'yaml-tag', tagged, node.range);
    this.checkPlain(node, v, false, this.path);
    return v;
  }

  private checkPlain(node: Scalar, v: unknown, isKey: boolean, path: readonly PathSegment[]): void {
    if (this.expandDepth > 0 || node.type !== 'PLAIN' || node.tag || node.source === undefined) return;
    if (!mayDifferBetween11And12(node.source)) return;
    const msg = yaml11Difference(node.source, v, isKey);
    if (msg) this.report('warning', 'yaml11-scalar', msg, node.range, path);
  }

  private alias(node: Alias): unknown {
    const target = this.anchors.get(node.source);
    if (this.expandDepth === 0 && target) this.aliasTargets.set(node, target);
    if (!target) {
      this.report(
        'error',
        'yaml-syntax',
        `There is no anchor &${printable(node.source)} before this alias; define it with &${printable(node.source)} on a value above ` +
          `the first *${printable(node.source)}, or fix the name.`,
        node.range,
      );
      return null;
    }
    if (this.active.has(target)) {
      this.report(
        'error',
        'alias-cycle',
        `The alias *${printable(node.source)} is inside the value of its own anchor &${printable(node.source)}, so it would repeat forever; ` +
          `move the alias out of the anchored value.`,
        node.range,
      );
      return null;
    }
    const outer = this.expandDepth === 0;
    if (outer) this.outerAlias = { node, path: formatPath(this.path) };
    if (++this.aliasCount > this.limits.maxAliasCount) {
      throw this.limitAbort(
        `the document uses aliases more than ${this.limits.maxAliasCount} times in all (counting aliases inside ` +
          `anchored values each time they are repeated)`,
      );
    }
    this.expandDepth++;
    try {
      return this.convert(target);
    } finally {
      this.expandDepth--;
      if (outer) this.outerAlias = null;
    }
  }

  private limitAbort(why: string): Abort {
    const at = this.outerAlias;
    const name = at ? `*${printable(at.node.source)}` : 'an alias';
    return new Abort(
      this.diag(
        'error',
        'alias-limit',
        `Alias ${name} is not expanded: ${why}. Write the repeated parts out, or use fewer nested aliases.`,
        at?.node.range,
        at?.path ?? formatPath(this.path),
      ),
    );
  }

  private key(pair: Pair): string | undefined {
    let k: unknown = pair.key;
    if (isAlias(k)) {
      // An alias key is a copy of a scalar; nothing can blow up, so it is not counted.
      const target = this.anchors.get(k.source);
      if (!target) {
        this.report('error', 'yaml-syntax', `There is no anchor &${printable(k.source)} before this alias key; define it above or fix the name.`, k.range);
        return undefined;
      }
      if (this.expandDepth === 0) this.aliasTargets.set(k, target);
      k = target;
    }
    if (k === null || k === undefined) {
      this.report(
        'error',
        'non-json-value',
        'This entry has no key, which Kubernetes cannot turn into a JSON key; write a name before the colon.',
        (pair.value as Node | null)?.range,
      );
      return undefined;
    }
    if (isScalar(k)) {
      // Keys never pass through convert(), so their anchors are registered here.
      if (k.anchor && k === pair.key && this.expandDepth === 0) this.anchors.set(k.anchor, k);
      const v = scalarValue(k);
      const s = keyString(v);
      if (s === undefined) {
        this.report(
          'error',
          'non-json-value',
          'This key is empty or null, which Kubernetes cannot turn into a JSON key; write a name before the colon, or quote it ("null") if it is meant as text.',
          k.range,
        );
        return undefined;
      }
      const tagged = tagProblem(k);
      if (tagged) this.report('error', 'yaml-tag', tagged, k.range, [...this.path, s]);
      if (k === pair.key) this.checkPlain(k, v, true, [...this.path, s]);
      return s;
    }
    this.report(
      'error',
      'non-json-value',
      'A list or mapping cannot be a key: Kubernetes needs text keys. Check for a stray "? " or a misplaced ":".',
      (k as Node | null)?.range,
    );
    return undefined;
  }

  private map(node: YAMLMap): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const track = this.expandDepth === 0;
    const seen = track ? new Map<string, Pair>() : undefined;
    let dups: Pair[] | undefined;
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        this.merge(obj, pair.value);
        continue;
      }
      const key = this.key(pair);
      if (key === undefined) {
        // Still walked so that anchors in it exist and problems in it are reported.
        this.convert(pair.value);
        continue;
      }
      this.path.push(key);
      const value = this.convert(pair.value);
      this.path.pop();
      if (seen) {
        const prev = seen.get(key);
        if (prev) (dups ??= []).push(prev);
        seen.set(key, pair);
      }
      setOwn(obj, key, value);
    }
    if (dups && seen) {
      for (const earlier of dups) {
        const keyNode = earlier.key as Node;
        const s = this.keyOf(earlier);
        const winner = seen.get(s);
        const winnerLine = this.linePos(((winner?.key as Node | undefined)?.range ?? [0])[0]).line;
        this.report(
          'warning',
          'duplicate-key',
          `The key ${quote(s)} appears again on line ${winnerLine} in the same mapping; Kubernetes keeps only ` +
            `the last one (line ${winnerLine}) and ignores this one. Remove one of them.`,
          keyNode.range,
          [...this.path, s],
        );
      }
    }
    return obj;
  }

  /** Key string of a pair already accepted by `key()`; recomputed only on the rare duplicate path. */
  private keyOf(pair: Pair): string {
    let k: unknown = pair.key;
    if (isAlias(k)) k = this.anchors.get(k.source);
    return (isScalar(k) && keyString(scalarValue(k))) || '';
  }

  /**
   * yaml.v2 applies a merge where it stands: merged keys overwrite keys written above the `<<`,
   * keys written below overwrite merged ones, and in `<<: [*a, *b]` the earlier map wins.
   */
  private merge(obj: Record<string, unknown>, valueNode: unknown): void {
    const sources = isSeq(valueNode) ? (valueNode as YAMLSeq).items : [valueNode];
    const values = sources.map((s) => this.convert(s));
    for (let i = values.length - 1; i >= 0; i--) {
      const v = values[i];
      if (!isPlainObject(v)) {
        this.report(
          'error',
          'bad-merge',
          'A merge key (<<) takes a mapping, an alias of a mapping (<<: *name) or a list of those (<<: [*a, *b]).',
          ((sources[i] as Node | null) ?? (valueNode as Node | null))?.range,
        );
        continue;
      }
      for (const k of Object.keys(v)) setOwn(obj, k, v[k]);
    }
  }

  private seq(node: YAMLSeq): unknown[] {
    const out: unknown[] = [];
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      this.path.push(i);
      if (isPair(item)) {
        // !!omap / !!pairs items: yaml.v2 sees each as a one-key mapping.
        const obj: Record<string, unknown> = {};
        const key = this.key(item);
        if (key !== undefined) {
          this.path.push(key);
          setOwn(obj, key, this.convert(item.value));
          this.path.pop();
        }
        out.push(obj);
      } else {
        out.push(this.convert(item));
      }
      this.path.pop();
    }
    return out;
  }
}

export function convertDocument(contents: unknown, limits: ConvertLimits, linePos: LinePos): ConvertResult {
  const c = new Converter(limits, linePos);
  try {
    const value = c.convert(contents);
    return { value, complete: true, diagnostics: c.diagnostics, aliasTargets: c.aliasTargets };
  } catch (e) {
    if (e instanceof Abort) {
      c.diagnostics.push(e.diagnostic);
      return { value: undefined, complete: false, diagnostics: c.diagnostics, aliasTargets: c.aliasTargets };
    }
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      // A stack overflow on some pathological input must not crash the editor.
      c.diagnostics.push(
        c.diag('error', 'too-deep', 'The document is nested too deeply to be read; flatten the structure.', null, ''),
      );
      return { value: undefined, complete: false, diagnostics: c.diagnostics, aliasTargets: c.aliasTargets };
    }
    throw e;
  }
}
