/**
 * The steps of analysis that both API versions take in the same way: placing a problem at its
 * field, checking that a document is a MiniCluster before reading it, and checking an inline CURVE
 * certificate.
 */
import { readCurveCert } from '../curve/index.ts';
import { formatPath, hasErrors, type Diagnostic, type PathSegment, type Severity } from '../diagnostics.ts';
import type { ParsedText } from '../parse/index.ts';
import { API_VERSIONS, KIND } from './apiVersions.ts';
import { asRecord } from './plain.ts';
import type { OutputOptions } from '../targets/options.ts';
import { printable, quote } from './quoteText.ts';

export interface AnalyzeOptions {
  /** Namespace for specs without `metadata.namespace`; `default` like kubectl. */
  defaultNamespace?: string;
  /** Largest accepted input in bytes. */
  maxBytes?: number;
  /** The output options the spec will be generated with: how they fit it is part of the analysis. */
  output?: OutputOptions;
}

type Located = Pick<ParsedText, 'locate'>;

export function diagnosticAt(parsed: Located, severity: Severity, code: string, path: PathSegment[], message: string): Diagnostic {
  const pos = parsed.locate(path);
  return {
    severity,
    code,
    path: formatPath(path),
    // Rules quote user text with quote(); this catches any that is written into a message as it
    // is (a name in a suggested field path), so that no message carries a control character.
    message: printable(message),
    line: pos.line,
    column: pos.column,
    endLine: pos.endLine,
    endColumn: pos.endColumn,
  };
}

/** A problem with a key itself (an unknown field): placed on the key, not on its value. */
export function diagnosticAtKey(parsed: Pick<ParsedText, 'locateKey'>, severity: Severity, code: string, path: PathSegment[], message: string): Diagnostic {
  return diagnosticAt({ locate: (p) => parsed.locateKey(p) }, severity, code, path, message);
}

export const bySeverityAndPosition = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.column - b.column;


const V1ALPHA2 = API_VERSIONS.v1alpha2;
const V1ALPHA1 = API_VERSIONS.v1alpha1;

/**
 * Checks the document is a MiniCluster of an accepted API version, with a name, before anything
 * reads its fields. `accepted` lists the versions the caller can analyse (the first is suggested).
 */
export function identify(parsed: ParsedText, doc: Record<string, unknown>, out: Diagnostic[], accepted: readonly string[]): boolean {
  const apiVersion = doc['apiVersion'];
  const kind = doc['kind'];
  const suggested = accepted[0] ?? V1ALPHA2;
  const problem = (path: PathSegment[], code: string, message: string) => out.push(diagnosticAt(parsed, 'error', code, path, message));
  if (apiVersion === undefined) problem([], 'api-version', `No apiVersion: start the document with "apiVersion: ${suggested}".`);
  else if (apiVersion === V1ALPHA1 && !accepted.includes(V1ALPHA1)) {
    problem(['apiVersion'], 'api-version', `This is a ${String(apiVersion)} MiniCluster; only ${V1ALPHA2} is supported here. Rewrite the spec for ${V1ALPHA2}.`);
  } else if (typeof apiVersion !== 'string' || !accepted.includes(apiVersion)) {
    const choices = accepted.map((v) => quote(v)).join(' or ');
    problem(['apiVersion'], 'api-version', `Found apiVersion ${quote(apiVersion)}; a MiniCluster here must be ${choices}.`);
  }
  if (kind === undefined) problem([], 'kind', `No kind: add "kind: ${KIND}".`);
  else if (kind !== KIND) {
    problem(['kind'], 'kind', `Found kind ${quote(kind)}; this tool reads a ${KIND} (kind: ${KIND}, case-sensitive).`);
  }
  const metadata = asRecord(doc['metadata']);
  if (!metadata?.['name'] && kind === KIND) {
    if (metadata?.['generateName']) {
      problem(['metadata', 'generateName'], 'generate-name', `metadata.generateName asks the API server to invent a name when the MiniCluster is created, but every generated object (ConfigMap, Service, Job, the hostlist) is named after the MiniCluster, so a fixed name is needed here: replace generateName with "name: ${String(metadata['generateName']).replace(/-$/, '')}".`);
    } else {
      problem(metadata ? ['metadata'] : [], 'name', 'No metadata.name: add a name (lowercase letters, digits and -), e.g. "metadata: {name: flux-sample}".');
    }
  }
  return !hasErrors(out);
}

/** A problem inside the certificate text, placed at its line in the YAML document. */
let lastCertCheck: { cert: string; result: ReturnType<typeof readCurveCert> } | undefined;

/** The keypair check is a slow BigInt X25519; a certificate rarely changes between edits. */
function readCertOnce(cert: string): ReturnType<typeof readCurveCert> {
  if (lastCertCheck?.cert !== cert) lastCertCheck = { cert, result: readCurveCert(cert) };
  return lastCertCheck.result;
}

export function certDiagnostics(parsed: ParsedText, cert: string): Diagnostic[] {
  const result = readCertOnce(cert);
  if (result.ok) return [];
  const path = ['spec', 'flux', 'curveCert'];
  const start = parsed.locate(path);
  // Only a literal block keeps the certificate's lines as the document's: a folded one (`>`) joins
  // some of them, so its problems stay at the field.
  const blockStyle = /^\|/.test(parsed.lineText(start.line).slice(start.column - 1));
  const certLines = blockStyle ? cert.split('\n') : [];
  return result.problems.map((p) => {
    const base = diagnosticAt(parsed, 'error', 'curve-cert', path, `Certificate line ${p.line}: ${p.message}`);
    if (!blockStyle) return base;
    // In a block scalar, certificate line k is document line (start + k) after the block's
    // indentation, which is what the document line has before the certificate line's own text
    // (a certificate indents its keys, and a column counts from the certificate line's start).
    const line = start.line + p.line;
    const written = parsed.lineText(line);
    const certLine = certLines[p.line - 1] ?? '';
    const indent = written.endsWith(certLine) ? written.length - certLine.length : (/^ */.exec(written)?.[0].length ?? 0);
    return { ...base, line, column: indent + p.column, endLine: line, endColumn: indent + p.column + 1 };
  });
}

/**
 * Path of the first string value matching `pattern`, depth first. The path is made only for the
 * match: every spec is searched, and a path copied at each step was a good part of the analysis'
 * garbage.
 */
export function pathOfText(node: unknown, pattern: RegExp, path: readonly PathSegment[] = []): PathSegment[] | undefined {
  const trail: PathSegment[] = [];
  const search = (value: unknown): boolean => {
    if (typeof value === 'string') return pattern.test(value);
    if (value === null || typeof value !== 'object') return false;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        trail.push(index);
        if (search(value[index])) return true;
        trail.pop();
      }
      return false;
    }
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      trail.push(key);
      if (search((value as Record<string, unknown>)[key])) return true;
      trail.pop();
    }
    return false;
  };
  return search(node) ? [...path, ...trail] : undefined;
}

export function parseOptions(options: AnalyzeOptions): { maxBytes?: number } {
  return options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes };
}

