/**
 * Text → plain value, with every problem positioned, read the way Kubernetes reads a MiniCluster
 * file (sigs.k8s.io/yaml on top of gopkg.in/yaml.v2: YAML 1.1 scalars, first document only,
 * last duplicate key wins, then a JSON round trip).
 */
import { Composer, Lexer, Parser, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { CST, Document, Node, YAMLError } from 'yaml';
import type { Diagnostic, PathSegment } from '../diagnostics.ts';
import { isTooDeep } from './depth.ts';
import { MAX_DEPTH, SPEC_DOCUMENT_OPTIONS as COMPOSE_OPTIONS, TOO_DEEP_MESSAGE } from './documentOptions.ts';
import { TextLines, withLoneCrAsLf } from './lines.ts';
import { Locator, type SourceSpan } from './locate.ts';
import { errorRank, rephraseYamlError } from './syntaxMessages.ts';
import { BINARY_TAG, FLOAT_TAG, INT_TAG, SCALAR_TAGS, TIMESTAMP_TAG, convertDocument, scalarValue, type LinePos } from './toPlain.ts';
import { utf8SizeIfOver } from './utf8.ts';
import { quote, shortened } from '../common/quoteText.ts';
import { DEFAULT_MAX_BYTES, tooLargeMessage } from './tooLarge.ts';

export { DEFAULT_MAX_BYTES };
export const DEFAULT_MAX_ALIAS_COUNT = 100;
export const DEFAULT_MAX_ALIAS_NODES = 10_000;

export interface ParseOptions {
  /** Largest accepted input, in UTF-8 bytes. Default 1 MiB. */
  maxBytes?: number;
  /** Alias uses allowed while building the value, counting aliases inside expanded anchors each time. Default 100. */
  maxAliasCount?: number;
  /** Values alias expansion may create in total. Default 10 000. */
  maxAliasNodes?: number;
  /**
   * Where the text sits in a larger file, when it is one of the file's documents (see
   * yamlDocuments): every position is then the file's line and column. The file's lines are
   * found once and shared by all its documents, so each is read in time of its own size.
   */
  within?: { offset: number; lines: TextLines };
}

export type { SourceSpan };

export interface ParsedText {
  /** Plain JSON-like value of the first document, or `undefined` when there is nothing usable. */
  value: unknown;
  /** Syntax errors and warnings, sorted by position. */
  diagnostics: Diagnostic[];
  /**
   * Where the value at `path` is written. For `key:` with no value, the key. For a path that does
   * not exist, the key of its closest existing parent (or that parent's first line).
   */
  locate(path: readonly PathSegment[]): SourceSpan;
  /** Where the key of the last path step is written (the item itself for a list index). */
  locateKey(path: readonly PathSegment[]): SourceSpan;
  /** True when the value at `path` is an unquoted, untagged scalar, i.e. quoting it would change its meaning. */
  isPlainScalar(path: readonly PathSegment[]): boolean;
  /** The text of a line, numbered as the positions are (the file's, for a document of a file); '' past its end. */
  lineText(line: number): string;
}

/** How this parser reads a document, for tools that edit the `yaml` Document itself. */
export { SPEC_DOCUMENT_OPTIONS } from './documentOptions.ts';

export function parseSpecText(source: string, options: ParseOptions = {}): ParsedText {
  const { within } = options;
  let ownLines: TextLines | undefined;
  const lines = () => (ownLines ??= new TextLines(source));
  const linePos: LinePos = within ? (offset) => within.lines.linePos(within.offset + offset) : (offset) => lines().linePos(offset);
  const lineEnd: LineEnd = within ? (offset) => within.lines.lineEnd(within.offset + offset) - within.offset : (offset) => lines().lineEnd(offset);
  const lineText = within ? (line: number) => within.lines.lineText(line) : (line: number) => lines().lineText(line);
  // Not linePos(0): a text too large to read is not scanned for its lines either.
  const startPos = within ? linePos(0) : { line: 1, col: 1 };
  const atStart = { line: startPos.line, column: startPos.col, endLine: startPos.line, endColumn: startPos.col };
  const unusable = (diagnostics: Diagnostic[]): ParsedText => ({
    value: undefined,
    diagnostics,
    locate: () => ({ ...atStart }),
    locateKey: () => ({ ...atStart }),
    isPlainScalar: () => false,
    lineText,
  });

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = utf8SizeIfOver(source, maxBytes);
  if (bytes !== undefined) {
    return unusable([
      {
        severity: 'error',
        code: 'too-large',
        path: '',
        message: tooLargeMessage(maxBytes, bytes),
        ...atStart,
      },
    ]);
  }

  // Read as yaml.v2 reads line breaks; offsets are the same in both texts, and positions and
  // quoted lines are taken from the source.
  const text = withLoneCrAsLf(source);
  const parser = new Parser();
  const composer = new Composer(COMPOSE_OPTIONS);
  let doc: Document.Parsed | undefined;
  let extraAt = -1;
  let seenDocument = false;
  let tooDeepAt = -1;
  // Lexemes are fed one by one (what Parser.parse does internally) so that runaway nesting is
  // caught while the parser's explicit stack grows: the composer and the value walk recurse per
  // level, and deep recursion can overflow the stack or even abort V8 outright.
  const take = (token: CST.Token): boolean => {
    if (seenDocument && (token.type === 'document' || token.type === 'directive')) {
      // Only the first document counts upstream; not composing the rest also keeps its errors out.
      extraAt = token.offset;
      return false;
    }
    if (token.type === 'document') seenDocument = true;
    for (const d of composer.next(token)) doc ??= d;
    return true;
  };
  feed: for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) if (!take(token)) break feed;
    if (isTooDeep(parser)) {
      tooDeepAt = parser.offset;
      break;
    }
  }
  if (tooDeepAt >= 0) {
    const p = linePos(tooDeepAt);
    return unusable([
      {
        severity: 'error',
        code: 'too-deep',
        path: '',
        message: TOO_DEEP_MESSAGE,
        line: p.line,
        column: p.col,
        endLine: p.line,
        endColumn: p.col,
      },
    ]);
  }
  if (extraAt < 0) {
    for (const token of parser.end()) if (!take(token)) break;
  }
  for (const d of composer.end(true, extraAt >= 0 ? extraAt : text.length)) doc ??= d;
  if (!doc) return unusable([]); // composer.end(true) always yields; kept for the type checker

  const diagnostics = syntaxDiagnostics(doc, source, linePos, lineEnd);
  const hasSyntaxErrors = diagnostics.length > 0;
  let collectionTagged: number[] | undefined; // walked for only when the package could not resolve a tag
  for (const w of doc.warnings) {
    // `!!int` / `!!float` text the package's tags reject is resolved in toPlain like yaml.v2 does;
    // a `!!timestamp` or `!!binary` it rejects is an error there, at its field, and so is a tag of
    // single values on a mapping or a list (the collection starts right after the tag).
    if (w.code === 'TAG_RESOLVE_FAILED' && [INT_TAG, FLOAT_TAG, TIMESTAMP_TAG, BINARY_TAG].some((tag) => w.message.includes(tag))) continue;
    if (w.code === 'TAG_RESOLVE_FAILED' && (collectionTagged ??= collectionsWithScalarTags(doc)).some((start) => /^(?:\s|#[^\n]*)*$/.test(source.slice(w.pos[1], start)))) continue;
    diagnostics.push(fromYamlError(w, 'warning', 'yaml-warning', source, linePos, lineEnd));
  }

  if (extraAt >= 0) {
    const p = linePos(extraAt);
    diagnostics.push({
      severity: 'warning',
      code: 'extra-document',
      path: '',
      message:
        `A second YAML document starts here; only the first document of a file is used (as by the Flux Operator), ` +
        `so everything from line ${p.line} on is ignored. Put each MiniCluster in its own file, or remove this '---' line.`,
      line: p.line,
      column: p.col,
      endLine: p.line,
      endColumn: p.col + Math.min(3, lineEnd(extraAt) - extraAt),
    });
  }

  const contents = doc.contents as Node | null;
  const conv = convertDocument(contents, {
    maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT,
    maxAliasNodes: options.maxAliasNodes ?? DEFAULT_MAX_ALIAS_NODES,
    maxDepth: MAX_DEPTH,
  }, linePos);
  // What the walk finds on a line the parser could not read is an artefact of its recovery
  // ("a list cannot be a key" after a mis-indented '- '), not a second problem.
  const brokenLines = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.line));
  for (const d of conv.diagnostics) if (!brokenLines.has(d.line)) diagnostics.push(d);
  let value = conv.value;

  if (isEmptyDocument(contents)) {
    value = undefined;
    if (!hasSyntaxErrors) {
      diagnostics.push({
        severity: 'error',
        code: 'empty',
        path: '',
        message:
          (extraAt >= 0
            ? 'The first YAML document of the file is empty, and only the first document is used. '
            : 'The file is empty or contains only comments. ') +
          'A MiniCluster spec starts with the lines "apiVersion: flux-framework.org/v1alpha2" and "kind: MiniCluster".',
        ...atStart,
      });
    }
  } else if (contents && !isMap(contents)) {
    value = undefined;
    const r = contents.range ?? [0, 0];
    const a = linePos(r[0]);
    const b = linePos(Math.min(r[1], lineEnd(r[0])));
    diagnostics.push({
      severity: 'error',
      code: 'not-a-mapping',
      path: '',
      message: notAMappingMessage(contents),
      line: a.line,
      column: a.col,
      endLine: b.line,
      endColumn: b.col,
    });
  }

  sortDiagnostics(diagnostics);
  const locator = new Locator(contents, conv.aliasTargets, lineEnd, linePos);
  return {
    value,
    diagnostics,
    locate: (path) => locator.locate(path),
    locateKey: (path) => locator.locateKey(path),
    isPlainScalar: (path) => locator.isPlainScalar(path),
    lineText,
  };
}

/** Offset where the line holding an offset ends, in the same text. */
type LineEnd = (offset: number) => number;

function isEmptyDocument(contents: Node | null): boolean {
  if (contents === null) return true;
  return isScalar(contents) && contents.value === null && !contents.source && !contents.tag && !contents.anchor;
}

function notAMappingMessage(contents: Node): string {
  const need =
    'a MiniCluster spec must be a mapping of keys to values, starting with ' +
    '"apiVersion: flux-framework.org/v1alpha2" and "kind: MiniCluster"';
  if (isSeq(contents)) {
    return `The document is a list ('- ' items), but ${need}. If the first line starts with '- ', remove the dash.`;
  }
  if (isScalar(contents)) {
    const v = scalarValue(contents);
    const what = v === null ? 'null' : typeof v === 'string' ? `the single text ${quote(shortened(v))}` : `the single value ${String(v)}`;
    return `The document is ${what}, but ${need}. Check that each line has the form 'key: value'.`;
  }
  return `The document is not a mapping, but ${need}.`;
}


function fromYamlError(
  e: YAMLError,
  severity: 'error' | 'warning',
  code: string,
  text: string,
  linePos: LinePos,
  lineEnd: LineEnd,
  start = e.pos[0],
  atOpening = false,
): Diagnostic {
  const a = linePos(start);
  const endOffset = Math.max(start, e.pos[1]);
  const b = linePos(endOffset);
  const end = lineEnd(start);
  const lineText = text.slice(start, end);
  const before = text.slice(Math.max(0, start - (a.col - 1)), start);
  const token = text.slice(start, Math.min(endOffset, end));
  const message = rephraseYamlError({ code: e.code, message: e.message, line: a.line, endLine: b.line, lineText, before, token, atOpening });
  return { severity, code, path: '', message, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** Parser errors, at most one per line (the most telling one; see `errorRank`). */
function syntaxDiagnostics(doc: Document.Parsed, text: string, linePos: LinePos, lineEnd: LineEnd): Diagnostic[] {
  const best = new Map<number, { rank: number; d: Diagnostic }>();
  const moved = new Set<Node>();
  for (const e of doc.errors) {
    // The package reports an unclosed quote or bracket where the runaway value ends (the end of
    // the file, or the next line); the fix goes where it was opened.
    const opening = openingOf(e, doc.contents as Node | null, moved);
    const start = opening ?? e.pos[0];
    const d = fromYamlError(e, 'error', 'yaml-syntax', text, linePos, lineEnd, start, opening !== undefined);
    if (opening !== undefined) {
      d.endLine = d.line;
      d.endColumn = d.column + 1;
    }
    const rank = errorRank(e.code, e.message, linePos(e.pos[1]).line > linePos(e.pos[0]).line);
    const prev = best.get(d.line);
    if (!prev || rank < prev.rank) best.set(d.line, { rank, d });
  }
  return [...best.values()].map((b) => b.d);
}

function openingOf(e: YAMLError, root: Node | null, used: Set<Node>): number | undefined {
  let match: ((n: Node) => boolean) | undefined;
  if (e.code === 'MISSING_CHAR' && e.message.startsWith('Missing closing')) {
    match = (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE');
  } else if (e.code === 'BAD_INDENT' && e.message.startsWith('Flow map')) {
    match = (n) => isMap(n) && !!n.flow;
  } else if (e.code === 'BAD_INDENT' && e.message.startsWith('Flow sequence')) {
    match = (n) => isSeq(n) && !!n.flow;
  }
  if (!match) return undefined;
  const n = findNodeEndingAt(root, e.pos[0], (x) => !used.has(x) && match(x));
  if (!n?.range) return undefined;
  used.add(n);
  return n.range[0];
}

/** The innermost node accepted by `match` whose value ends at `end` (an explicit stack: the tree may be deep). */
function findNodeEndingAt(root: Node | null, end: number, match: (n: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (isScalar(n) || isMap(n) || isSeq(n)) {
      const r = n.range;
      if (r && r[1] === end && match(n) && (!found || (found.range?.[0] ?? -1) < r[0])) found = n;
    }
    if (isMap(n)) {
      for (const p of n.items) stack.push(p.key, p.value);
    } else if (isSeq(n)) {
      for (const it of n.items) stack.push(it);
    } else if (isPair(n)) {
      stack.push(n.key, n.value);
    }
  }
  return found;
}

function sortDiagnostics(ds: Diagnostic[]): void {
  ds.sort((x, y) => x.line - y.line || x.column - y.column);
}

/** Where each mapping or list that carries a tag of single values starts (toPlain reports those). */
function collectionsWithScalarTags(doc: Document.Parsed): number[] {
  const starts: number[] = [];
  const note = (node: { tag?: string | undefined; range?: readonly number[] | null | undefined }) => {
    if (node.tag && SCALAR_TAGS.has(node.tag) && node.range) starts.push(node.range[0] as number);
  };
  visit(doc, { Map: (_, node) => note(node), Seq: (_, node) => note(node) });
  return starts;
}
