/**
 * The YAML documents of a file, as `kubectl apply -f` sees them: each with its character range,
 * its first line and what it says it is (apiVersion, kind, metadata.name), read without building
 * its value. A MiniCluster file often carries other objects too (a scheduler PodGroup, a Service).
 *
 * Every parse here has the spec parser's depth limit: a document nested too deep is reported as
 * such and skipped up to the next document marker, and the documents after it are read.
 */
import { CST, Composer, Lexer, Parser, isMap, isScalar } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { guardedTokens, isTooDeep } from './depth.ts';
import { SPEC_DOCUMENT_OPTIONS, TOO_DEEP_MESSAGE } from './documentOptions.ts';
import { TextLines, withLoneCrAsLf } from './lines.ts';
import { printable } from '../common/quoteText.ts';

export interface YamlDocument {
  /** Zero-based position among the file's documents. */
  index: number;
  /** Character offsets of the document in the file: its directives and leading comments to its `...`. */
  start: number;
  end: number;
  /** One-based line and column where its content starts (its first key), or its first line when it has none. */
  line: number;
  column: number;
  /** False for a document that holds nothing but comments. */
  hasContent: boolean;
  apiVersion?: string;
  kind?: string;
  name?: string;
  /** The first YAML syntax error in it, positioned in the file. */
  syntaxError?: { message: string; line: number; column: number };
}

/**
 * A line that starts or ends a document, or a directive: where reading resumes after a document
 * nested too deep (found in the text, since lexing the rest of such a document lexeme by lexeme
 * would take long).
 */
const MARKER_LINE = /^(?:---|\.\.\.)(?:[ \t]|\r?$)|^%/gm;

/** True when the text has a line that starts or ends a document, or a directive: only then can it hold several. */
export function hasDocumentMarker(text: string): boolean {
  MARKER_LINE.lastIndex = 0;
  return MARKER_LINE.test(text);
}

function nextMarkerLine(text: string, from: number): number | undefined {
  MARKER_LINE.lastIndex = from;
  const at = MARKER_LINE.exec(text)?.index;
  if (at === undefined || !text.startsWith('...', at)) return at;
  // A `...` ends the document given up on; what follows it is the next one's.
  const nl = text.indexOf('\n', at);
  return nl === -1 ? undefined : nl + 1;
}

/**
 * Offsets where each document's range starts: a document's directives and leading comments are
 * its own, and what follows its `...` belongs to the next one (or, at the end of the file, to it);
 * what the parser could not read after a document stays that document's.
 * A document nested too deep is skipped up to the next marker line.
 */
function documentStarts(text: string): number[] {
  const starts: number[] = [];
  let preludeStart: number | undefined;
  // Set from an unreadable token to the end of its line, all of which stays with its document.
  let inErrorLine = false;
  const take = (token: CST.Token) => {
    const onErrorLine = inErrorLine || token.type === 'error';
    inErrorLine = onErrorLine && token.type !== 'newline';
    if (token.type === 'document') {
      starts.push(starts.length === 0 ? 0 : (preludeStart ?? token.offset));
      preludeStart = undefined;
    } else if (token.type === 'doc-end' || token.type === 'error') {
      // What the parser could not read after a document is still that document's (no `...` or
      // `---` ended it), with the rest of its line: its range, its syntax error and an edit of it
      // take it in.
      preludeStart = undefined;
    } else if (starts.length > 0 && !onErrorLine) {
      preludeStart ??= token.offset;
    }
  };
  for (let from: number | undefined = 0; from !== undefined; ) {
    const parser = new Parser();
    parser.offset = from;
    let tooDeep = false;
    for (const lexeme of new Lexer().lex(from === 0 ? text : text.slice(from))) {
      for (const token of parser.next(lexeme)) take(token);
      if (isTooDeep(parser)) {
        tooDeep = true;
        break;
      }
    }
    if (!tooDeep) {
      for (const token of parser.end()) take(token);
      break;
    }
    starts.push(starts.length === 0 ? 0 : (preludeStart ?? parser.stack[0]?.offset ?? parser.offset));
    preludeStart = undefined;
    from = nextMarkerLine(text, parser.offset);
  }
  return starts.length === 0 ? [0] : starts;
}

/** The last pair with this key counts, as in Kubernetes (keys may repeat). */
function lastValue(map: YAMLMap, key: string): unknown {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (pair && isScalar(pair.key) && pair.key.value === key) return pair.value;
  }
  return undefined;
}

function lastScalar(map: YAMLMap, key: string): string | undefined {
  const value = lastValue(map, key);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

function lastMap(map: YAMLMap, key: string): YAMLMap | undefined {
  const value = lastValue(map, key);
  return isMap(value) ? value : undefined;
}

/**
 * What a document nested too deep says it is, from the pairs read before the limit (apiVersion,
 * kind and metadata usually come before spec): a MiniCluster stays one, and gets its error.
 */
function identityBeforeTooDeep(root: CST.Token | undefined): Pick<YamlDocument, 'apiVersion' | 'kind' | 'name'> {
  const found: Pick<YamlDocument, 'apiVersion' | 'kind' | 'name'> = {};
  if (root?.type !== 'block-map') return found;
  // A scalar the package cannot resolve (a plain value starting with '%') says nothing, rather than throwing.
  const text = (token: CST.Token | null | undefined) => CST.resolveAsScalar(token, true, () => undefined)?.value;
  for (const item of root.items) {
    const key = text(item.key);
    if (key === 'apiVersion' || key === 'kind') {
      const value = text(item.value);
      if (value === undefined) delete found[key];
      else found[key] = value;
    } else if (key === 'metadata') {
      delete found.name;
      if (item.value?.type !== 'block-map') continue;
      for (const inner of item.value.items) {
        if (text(inner.key) !== 'name') continue;
        const name = text(inner.value);
        if (name === undefined) delete found.name;
        else found.name = name;
      }
    }
  }
  return found;
}

/**
 * One document, read on its own as kubectl reads each part of a file it splits: parsed afresh
 * from its first character, so an unclosed quote or bracket in one document does not run into
 * the next.
 */
function describeDocument(text: string, start: number, end: number, index: number, lines: TextLines): YamlDocument {
  const position = (offset: number) => {
    const p = lines.linePos(start + offset);
    return { line: p.line, column: p.col };
  };
  const read = guardedTokens(text.slice(start, end));
  if (read.tooDeep) {
    const at = position(read.tooDeep.contentAt);
    const syntaxError = { message: TOO_DEEP_MESSAGE, ...position(read.tooDeep.at) };
    return { index, start, end, ...at, hasContent: true, ...identityBeforeTooDeep(read.tooDeep.root), syntaxError };
  }
  const composer = new Composer(SPEC_DOCUMENT_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const token of read.tokens) for (const d of composer.next(token)) doc ??= d;
  for (const d of composer.end(true, end - start)) doc ??= d;
  const contents = (doc?.contents ?? null) as Node | null;
  const hasContent = contents !== null && !(isScalar(contents) && contents.value === null && !contents.source);
  const at = position(hasContent && contents?.range ? contents.range[0] : 0);
  const found: YamlDocument = { index, start, end, line: at.line, column: at.column, hasContent };
  if (isMap(contents)) {
    const apiVersion = lastScalar(contents, 'apiVersion');
    const kind = lastScalar(contents, 'kind');
    const metadata = lastMap(contents, 'metadata');
    const name = metadata ? lastScalar(metadata, 'name') : undefined;
    if (apiVersion !== undefined) found.apiVersion = apiVersion;
    if (kind !== undefined) found.kind = kind;
    if (name !== undefined) found.name = name;
  }
  const error = doc?.errors[0];
  // The package's message quotes the file's text, which may hold invisible characters.
  if (error) found.syntaxError = { message: printable(error.message.split('\n')[0] ?? error.message), ...position(error.pos[0]) };
  return found;
}

/** Linear in the file: one pass of the parser to find the documents, then one for each. */
export function yamlDocuments(source: string, lines = new TextLines(source)): YamlDocument[] {
  // Line breaks as the spec parser reads them (offsets stay those of the source).
  const text = withLoneCrAsLf(source);
  const starts = documentStarts(text);
  return starts.map((start, index) => describeDocument(text, start, starts[index + 1] ?? text.length, index, lines));
}
