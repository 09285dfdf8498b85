/**
 * `--diagnostics text|json|github`: how the problems of every input are printed.
 * - `text`: `FILE:LINE:COL: path: message`, one line each (diagnosticLine), as they are found.
 * - `json`: one JSON array of `{file, line, column, severity, path, message, code}` for all the
 *   inputs, printed on one line once every input is read; severity is `error`, `warning` or
 *   `note`.
 * - `github`: GitHub Actions workflow commands, `::error file=F,line=L,col=C::path: message`
 *   (`::warning`, `::notice` for notes), which the runner turns into annotations on the files.
 *   The message escapes `%`, CR and LF as GitHub decodes them; the file name, a property, also
 *   `:` and `,`. Standard input has no file to point at, so its commands have no `file=`.
 * Text from the spec is made printable first (diagnosticLine's rule), so no format lets a spec
 * write an escape sequence to the terminal or forge a second line.
 */
import type { Diagnostic } from '../core/diagnostics.ts';
import { printable } from '../core/common/quoteText.ts';
import type { DiagnosticsFormat } from './args.ts';
import { diagnosticLine } from './diagnosticLine.ts';
import { shownName } from './shownName.ts';

/** One problem in one file: `file` is the path as given, or STDIN_NAME. */
export interface Finding extends Pick<Diagnostic, 'severity' | 'code' | 'path' | 'message' | 'line' | 'column'> {
  file: string;
}

export const STDIN_NAME = '<stdin>';

export interface DiagnosticsOutput {
  report(finding: Finding): void;
  /** After the last input: the JSON array, which needs all of them. */
  finish(): void;
}

const SEVERITY_NAME = { error: 'error', warning: 'warning', info: 'note' } as const;
const GITHUB_COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const escapeGithubData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeGithubProperty = (text: string) => escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubCommand(f: Finding): string {
  const at = `line=${f.line},col=${f.column}`;
  const where = f.file === STDIN_NAME ? at : `file=${escapeGithubProperty(printable(f.file))},${at}`;
  const message = `${f.path ? `${printable(f.path)}: ` : ''}${printable(f.message)}`;
  return `::${GITHUB_COMMAND[f.severity]} ${where}::${escapeGithubData(message)}\n`;
}

export function diagnosticsOutput(format: DiagnosticsFormat, write: (text: string) => void): DiagnosticsOutput {
  if (format === 'text') return { report: (f) => write(diagnosticLine(shownName(f.file), f)), finish: () => undefined };
  if (format === 'github') return { report: (f) => write(githubCommand(f)), finish: () => undefined };
  const all: object[] = [];
  return {
    report: (f) => all.push({ file: f.file, line: f.line, column: f.column, severity: SEVERITY_NAME[f.severity], path: f.path, message: f.message, code: f.code }),
    finish: () => write(`${JSON.stringify(all)}\n`),
  };
}
