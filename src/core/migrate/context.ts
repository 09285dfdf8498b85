/**
 * What every migration rule works on: the Document being edited, the input as the parser read it
 * (plain values for decisions, positions for notes), and the notes collected so far.
 */
import type { Document } from 'yaml';
import { formatPath, type PathSegment } from '../diagnostics.ts';
import type { ParsedText } from '../parse/index.ts';
import type { TextLines } from '../parse/lines.ts';
import { printable } from '../common/quoteText.ts';

export type MigrationNoteKind = 'moved' | 'renamed' | 'dropped' | 'changed';

export interface MigrationNote {
  /** v1alpha1 field path the note is about, e.g. `spec.volumes.data`. */
  path: string;
  /** One-based position in the v1alpha1 input. */
  line: number;
  column: number;
  kind: MigrationNoteKind;
  /** What happened to the field and, when it could not be carried over, what to do instead. */
  message: string;
}

export type Plain = Record<string, unknown>;

export { asRecord } from '../common/plain.ts';

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export class Migration {
  readonly notes: MigrationNote[] = [];

  constructor(
    readonly doc: Document,
    private readonly parsed: Pick<ParsedText, 'locateKey'>,
    private readonly lines: TextLines,
  ) {}

  /**
   * Notes show the spec's own names, paths and values as written; every invisible character in
   * them is escaped here, once for all rules.
   */
  note(path: PathSegment[], kind: MigrationNoteKind, message: string): void {
    const at = this.parsed.locateKey(path);
    this.notes.push({ path: formatPath(path), line: at.line, column: at.column, kind, message: printable(message) });
  }

  /** A note placed at a source offset, for nodes the path lookup cannot reach (a shadowed duplicate key). */
  noteAtOffset(path: PathSegment[], offset: number, kind: MigrationNoteKind, message: string): void {
    const p = this.lines.linePos(offset);
    this.notes.push({ path: formatPath(path), line: p.line, column: p.col, kind, message: printable(message) });
  }

  sortedNotes(): MigrationNote[] {
    return [...this.notes].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}
