/**
 * Leaves the CURVE certificate out of a spec before the spec goes anywhere that outlives the page
 * (share links, localStorage). `spec.flux.curveCert` holds a secret key: anyone with it can join
 * or impersonate the cluster's brokers.
 *
 * Design:
 * - Every `curveCert` entry is removed, at any depth and in every YAML document of the text, not
 *   only `spec.flux.curveCert`: a misplaced one (a typo in its parent, a second document) holds
 *   the same secret.
 * - The entries are found with the `yaml` Document API and cut out of the original text by their
 *   source ranges, so the rest of the spec (comments, blank lines, quoting, indentation) stays
 *   byte for byte. A comment marks the spot. The cut is then re-parsed and must equal the
 *   document with the entries deleted; when it does not (flow style, a `- curveCert:` item,
 *   an anchor on the key), the deleted Document is printed instead, which keeps comments but
 *   may reformat.
 * - Nothing is ever guessed with text patterns: when the text does not parse and mentions a
 *   certificate, or when something that looks like a secret key survives (an anchor the entry
 *   aliased, a commented-out certificate, a certificate in another field), the result is a
 *   refusal with a reason, never the text. Leaking is the one failure mode that is not allowed.
 */
import { isMap, isScalar, parseAllDocuments, visit, type Pair, type YAMLMap } from 'yaml';
import { EDIT_PARSE_OPTIONS, keyName, plainJson } from '../../core/page.ts';

export type StripResult =
  /** `text` is safe to put in a link or in storage; `removed` says a certificate was left out. */
  | { ok: true; text: string; removed: boolean }
  /** The text could not be made safe; `reason` says why and what to change. */
  | { ok: false; reason: string };

export const CERT_KEY = 'curveCert';
/** Marks where the certificate was, so whoever opens the link or the saved spec knows why it is gone. */
export const REMOVED_NOTE = '# curveCert removed: a certificate holds a secret key, so it is never shared or saved.';

// `secret-key = "` as in a certificate, also inside a double-quoted YAML string (`\"`).
const SECRET_KEY_LINE = /secret-key[ \t]*=[ \t]*\\?"/;

interface Span {
  start: number;
  end: number;
  replacement: string;
}

/** One-based line of the first thing that looks like a certificate's secret key. */
function secretKeyLine(text: string): number | undefined {
  const match = SECRET_KEY_LINE.exec(text);
  if (!match) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function leftoverReason(line: number): string {
  return (
    `Line ${line} holds what looks like a CURVE secret key (secret-key = "…") outside spec.flux.curveCert, ` +
    'so the spec is kept out of links and storage. Remove that certificate text (or move it into flux.curveCert) first.'
  );
}

/** The whole lines `pair` occupies, when it is a block-style entry alone on its lines. */
function lineSpan(text: string, pair: Pair): { start: number; end: number; indent: string } | undefined {
  const key = pair.key;
  if (!isScalar(key) || !key.range) return undefined;
  const keyStart = key.range[0];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = text.slice(lineStart, keyStart);
  if (indent.trim() !== '') return undefined;
  const last = (pair.value as { range?: [number, number, number] } | null)?.range ?? key.range;
  let end = last[2];
  if (end === 0 || text.charAt(end - 1) !== '\n') {
    const newline = text.indexOf('\n', end);
    const rest = text.slice(end, newline < 0 ? text.length : newline).trim();
    if (rest !== '' && !rest.startsWith('#')) return undefined;
    end = newline < 0 ? text.length : newline + 1;
  }
  return { start: lineStart, end, indent };
}

export function stripSecrets(text: string): StripResult {
  // The common case, and the only way to save or share a spec that does not parse yet.
  if (!text.includes(CERT_KEY)) {
    const line = secretKeyLine(text);
    return line === undefined ? { ok: true, text, removed: false } : { ok: false, reason: leftoverReason(line) };
  }

  // Read as the core reads it; repeated keys are allowed there, and every one of them must go.
  const docs = parseAllDocuments(text, EDIT_PARSE_OPTIONS);
  if (!Array.isArray(docs) || docs.some((doc) => doc.errors.length > 0)) {
    return {
      ok: false,
      reason:
        'The spec mentions curveCert but has YAML errors, so the certificate cannot be reliably left out; ' +
        'the spec is kept out of links and storage until the errors are fixed or the certificate is deleted.',
    };
  }

  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const spans: Span[] = [];
  let spliceable = true;
  let found = 0;
  for (const doc of docs) {
    const byMap = new Map<YAMLMap, Pair[]>();
    visit(doc, {
      Pair(_, pair, path) {
        if (keyName(pair.key) !== CERT_KEY) return undefined;
        const parent = path[path.length - 1];
        if (isMap(parent)) byMap.set(parent, [...(byMap.get(parent) ?? []), pair]);
        found++;
        return visit.REMOVE;
      },
    });
    for (const [map, pairs] of byMap) {
      // visit.REMOVE has already taken the pairs out, so an empty map lost all its entries.
      const emptied = map.items.length === 0;
      pairs.forEach((pair, index) => {
        const span = lineSpan(text, pair);
        if (!span) {
          spliceable = false;
          return;
        }
        // A map that loses its only entry must stay a map: `flux: {}` and no `flux` differ (connectTimeout).
        const replacement = index > 0 ? '' : `${span.indent}${emptied ? `{} ${REMOVED_NOTE}` : REMOVED_NOTE}${newline}`;
        spans.push({ start: span.start, end: span.end, replacement });
      });
    }
  }
  if (found === 0) {
    // `curveCert` appears only in values or comments: nothing to remove, but still no secrets.
    const line = secretKeyLine(text);
    return line === undefined ? { ok: true, text, removed: false } : { ok: false, reason: leftoverReason(line) };
  }

  let result: string | undefined;
  if (spliceable) {
    let cut = text;
    for (const span of [...spans].sort((a, b) => b.start - a.start)) {
      cut = cut.slice(0, span.start) + span.replacement + cut.slice(span.end);
    }
    const reparsed = parseAllDocuments(cut, EDIT_PARSE_OPTIONS);
    // An alias bomb and the like read as undefined: the comparison cannot vouch for the cut then.
    const expected = plainJson(docs);
    if (Array.isArray(reparsed) && expected !== undefined && plainJson(reparsed) === expected) result = cut;
  }
  if (result === undefined) {
    docs[0]!.commentBefore = [REMOVED_NOTE.slice(1), docs[0]!.commentBefore].filter(Boolean).join('\n');
    result = docs.map((doc) => doc.toString({ lineWidth: 0 })).join('');
  }

  const line = secretKeyLine(result);
  if (line !== undefined) return { ok: false, reason: leftoverReason(line) };
  return { ok: true, text: result, removed: true };
}
