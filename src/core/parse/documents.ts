/**
 * The YAML documents of a file, as `kubectl apply -f` sees them: each with its character range,
 * its first line and what it says it is (apiVersion, kind, metadata.name), read without building
 * its value. A MiniCluster file often carries other objects too (a scheduler PodGroup, a Service).
 */
import { LineCounter, Parser, isMap, isScalar, parseDocument } from 'yaml';
import type { Node, YAMLMap } from 'yaml';

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

/** Offsets where each document's range starts; a document's directives and leading comments are its own. */
function documentStarts(text: string): number[] {
  const starts: number[] = [];
  let preludeStart: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type === 'document') {
      starts.push(starts.length === 0 ? 0 : (preludeStart ?? token.offset));
      preludeStart = undefined;
    } else if (token.type === 'doc-end') {
      preludeStart = undefined;
    } else if (starts.length > 0) {
      preludeStart ??= token.offset;
    }
  }
  return starts.length === 0 ? [0] : starts;
}

/** The last pair with this key counts, as in Kubernetes (keys may repeat). */
function lastScalar(map: YAMLMap, key: string): string | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (pair && isScalar(pair.key) && pair.key.value === key) {
      return isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
    }
  }
  return undefined;
}

function lastMap(map: YAMLMap, key: string): YAMLMap | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (pair && isScalar(pair.key) && pair.key.value === key) return isMap(pair.value) ? pair.value : undefined;
  }
  return undefined;
}

export function yamlDocuments(text: string): YamlDocument[] {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const position = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const starts = documentStarts(text);
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? text.length;
    const doc = parseDocument(text.slice(start, end), { version: '1.1', uniqueKeys: false, keepSourceTokens: false });
    const contents = doc.contents as Node | null;
    const hasContent = contents !== null && !(isScalar(contents) && contents.value === null && !contents.source);
    const at = position(start + (hasContent && contents?.range ? contents.range[0] : 0));
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
    const error = doc.errors.find((e) => e.code !== 'MULTIPLE_DOCS');
    if (error) found.syntaxError = { message: error.message.split('\n')[0] ?? error.message, ...position(start + error.pos[0]) };
    return found;
  });
}

/**
 * The file with every character outside `document` turned into a space (line breaks kept): one
 * document to parse on its own, whose positions are still those of the file.
 */
export function onlyDocument(text: string, document: Pick<YamlDocument, 'start' | 'end'>): string {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, document.start)) + text.slice(document.start, document.end) + blank(text.slice(document.end));
}
