/** Line builders every generated entrypoint script uses (v1alpha2 runner, v1alpha1 wait-i.sh). */
import { shellWord } from './shellQuote.ts';

/** Indents by two spaces; here-document bodies and their delimiters must stay at column 0. */
export function indent(lines: string[]): string[] {
  const out: string[] = [];
  for (const block of lines) {
    const [first = '', ...rest] = block.split('\n');
    const isHereDoc = /<<'[A-Z_0-9]+'/.test(first);
    out.push([`  ${first}`, ...(isHereDoc ? rest : rest.map((r) => (r === '' ? r : `  ${r}`)))].join('\n'));
  }
  return out.map((l) => (l.trim() === '' ? '' : l));
}

/** One command written over several lines, a word (group) a line. */
export function continued(words: string[]): string {
  return words.join(' \\\n    ');
}

/** A possibly empty array, expanded safely under `set -u` even on bash < 4.4. */
export function maybeEmpty(name: string): string {
  return `\${${name}[@]+"\${${name}[@]}"}`;
}

/** Splits the text in `variable` into the array `array` with `mcs_split`, or stops the script. */
export function splitLines(array: string, variable: string, what: string): string[] {
  return [
    `${array}=()`,
    `if ! mcs_split ${array} "\${${variable}}"; then`,
    `  printf '%s\\n' "Cannot split ${what} into shell words: \${${variable}}" >&2`,
    '  exit 2',
    'fi',
  ];
}

/** A message followed by a spec value shown literally (unless quiet). */
export function sayValue(quiet: boolean, message: string, value: string): string[] {
  return quiet ? [] : [`printf '%s%s\\n' "${message}" ${shellWord(value)}`];
}
