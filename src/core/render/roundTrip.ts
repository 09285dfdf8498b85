/**
 * Post-check for rendered YAML: read the text back the way both kinds of consumer do and compare
 * with what was rendered. Too slow to run on every keystroke (parsing costs several times the
 * rendering); meant for tests, `--check`-style CLI options and bug reports.
 */
import { parseAllDocuments } from 'yaml';
import { formatPath } from '../diagnostics.ts';
import type { PathSegment } from '../diagnostics.ts';

/** Value as JSON would carry it: `toJSON` applied, undefined/function/symbol members dropped. */
function jsonLike(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return jsonLike(toJSON.call(value));
  if (Array.isArray(value)) return value.map((v) => (skipped(v) ? null : jsonLike(v)));
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) if (!skipped(v)) out[k] = jsonLike(v);
  return out;
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** First difference between `a` (expected) and `b` (read back), described, or null if equal. */
function difference(a: unknown, b: unknown, path: PathSegment[]): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a === 'bigint' && typeof b === 'number' && Number(a) === b) return null;
  const where = formatPath(path) || '(document)';
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
    return `${where}: expected ${show(a)}, read ${show(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${where}: expected ${a.length} items, read ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], [...path, i]);
      if (d !== null) return d;
    }
    return null;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const bk = new Set(Object.keys(bo));
  for (const k of Object.keys(ao)) {
    if (!bk.has(k)) return `${formatPath([...path, k])}: missing when read back`;
    const d = difference(ao[k], bo[k], [...path, k]);
    if (d !== null) return d;
    bk.delete(k);
  }
  const extra = bk.values().next();
  return extra.done === true ? null : `${formatPath([...path, extra.value])}: unexpected key when read back`;
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : typeof v === 'bigint' ? `${v}n` : String(JSON.stringify(v) ?? v);
}

/**
 * Problems found when `text` (a `renderYaml` stream without the legacy separator) is read back
 * as YAML 1.2 and as YAML 1.1: parse errors and warnings, a different number of documents, or a
 * document that differs from the object it was rendered from. Empty when all is well.
 */
export function yamlRoundTripProblems(objects: readonly unknown[], text: string): string[] {
  const problems: string[] = [];
  for (const version of ['1.2', '1.1'] as const) {
    const docs = parseAllDocuments(text, { version });
    const list = Array.isArray(docs) ? docs : [];
    if (list.length !== objects.length) {
      problems.push(`YAML ${version}: ${list.length} documents for ${objects.length} objects`);
      continue;
    }
    list.forEach((doc, i) => {
      for (const e of [...doc.errors, ...doc.warnings]) problems.push(`YAML ${version}, document ${i + 1}: ${e.message}`);
      if (doc.errors.length > 0) return;
      const d = difference(jsonLike(objects[i]), doc.toJS(), []);
      if (d !== null) problems.push(`YAML ${version}, document ${i + 1}: ${d}`);
    });
  }
  return problems;
}
