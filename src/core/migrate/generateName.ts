/**
 * `metadata.generateName: X-` → `metadata.name: X`, for a spec that relies on the API server to
 * invent its name. Only the two words change in the text; everything else, comments included,
 * stays byte for byte. Works for any apiVersion.
 */
import { isMap, isScalar, parseAllDocuments, parseDocument } from 'yaml';
import type { Scalar } from 'yaml';
import { EDIT_PARSE_OPTIONS, effectivePair } from '../edit/yamlDocument.ts';

/** The scalar as it must be written so that a YAML 1.1 reader still gets the text `value`. */
function scalarText(value: string, original: Scalar): string {
  const quoteLike = original.type === 'QUOTE_SINGLE' ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
  if (original.type === 'QUOTE_DOUBLE' || original.type === 'QUOTE_SINGLE') return quoteLike;
  const reread = parseDocument(`k: ${value}`, EDIT_PARSE_OPTIONS).toJS() as { k?: unknown } | null;
  return reread?.k === value && !/[\s#]/.test(value) ? value : JSON.stringify(value);
}

export function nameFromGenerateName(text: string): string | undefined {
  const docs = parseAllDocuments(text, EDIT_PARSE_OPTIONS);
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc || doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const metadata = effectivePair(doc.contents, 'metadata')?.value;
  if (!isMap(metadata) || effectivePair(metadata, 'name')) return undefined;
  const pair = effectivePair(metadata, 'generateName');
  const key = pair?.key;
  const value = pair?.value;
  if (!isScalar(key) || !isScalar(value) || typeof value.value !== 'string') return undefined;
  if (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') return undefined;
  const name = value.value.replace(/-+$/, '');
  if (!name || !key.range || !value.range) return undefined;
  const [keyStart, keyEnd] = key.range;
  const [valueStart, valueEnd] = value.range;
  return text.slice(0, keyStart) + 'name' + text.slice(keyEnd, valueStart) + scalarText(name, value) + text.slice(valueEnd);
}
