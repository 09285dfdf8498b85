/**
 * Where a field of the spec is written, for a click in the cluster picture that selects it in the
 * YAML. Read from the text on the page at the moment of the click: the picture may be older than
 * the text (it stays while the spec has errors), so its MiniCluster is found again by its place
 * among the file's MiniClusters, not by the offsets it was made from. A field that is not written
 * (a default) is found at its closest written parent, as the core's positions do.
 */
import { parseSpecText, type PathSegment } from '../../core/index.ts';
import { yamlDocuments } from '../../core/parse/documents.ts';

const LINE_BREAK = /\r\n|\r|\n/;

/** `miniCluster`: the picture's MiniCluster among the file's (zero-based), when the file has other documents. */
export function fieldPosition(text: string, path: readonly PathSegment[], miniCluster?: number): { line: number; column: number } {
  let start = 0;
  let source = text;
  if (miniCluster !== undefined) {
    const documents = yamlDocuments(text).filter((d) => d.hasContent && d.kind === 'MiniCluster');
    const document = documents[miniCluster] ?? documents.at(-1);
    if (document) {
      start = document.start;
      source = text.slice(document.start, document.end);
    }
  }
  const parsed = parseSpecText(source);
  // A list item is found at the item; a named field at its key, where a reader looks for it.
  const span = typeof path.at(-1) === 'number' ? parsed.locate(path) : parsed.locateKey(path);
  const linesBefore = start === 0 ? 0 : text.slice(0, start).split(LINE_BREAK).length - 1;
  return { line: span.line + linesBefore, column: span.column };
}
