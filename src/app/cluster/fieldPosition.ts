/**
 * Where a field of the spec is written, for a click in the cluster picture that selects it in the
 * YAML. Read from the text on the page at the moment of the click (the picture may be a moment
 * older than the text); a field that is not written (a default) is found at its closest written
 * parent, as the core's positions do.
 */
import { parseSpecText, type PathSegment } from '../../core/index.ts';
import type { SpecInFileInfo } from '../worker/protocol.ts';

export function fieldPosition(text: string, path: readonly PathSegment[], inFile?: SpecInFileInfo): { line: number; column: number } {
  const source = inFile ? text.slice(inFile.start, inFile.end) : text;
  const parsed = parseSpecText(source);
  // A list item is found at the item; a named field at its key, where a reader looks for it.
  const span = typeof path.at(-1) === 'number' ? parsed.locate(path) : parsed.locateKey(path);
  return { line: span.line + (inFile ? inFile.firstLine - 1 : 0), column: span.column };
}
