/**
 * Quoting helpers for the generated bash scripts. Spec values are data: they must reach the
 * shell as exactly one word with every byte intact (the operator pasted them in raw, so a quote,
 * `$` or space in a value changed or broke its scripts).
 */

/** A single-quoted bash word: the only character that needs care inside `'...'` is `'` itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Characters that never need quoting in any position of a bash word (no globs, no `~` at the start, no `=` assignment issue for arguments). */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

// Anything that shellcheck would flag inside single quotes (SC2016 for `$`/backticks, SC1003
// for a backslash before the closing quote) or that would make a line hard to read.
const NEEDS_ANSI_C = /[$`\\\x00-\x1f\x7f]/;

/**
 * ANSI-C quoting (`$'...'`): like single quotes, `$` and backticks are literal, but control
 * characters can be written as escapes, so the word stays on one line.
 */
export function ansiCQuote(value: string): string {
  let out = '';
  for (const ch of value) {
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case "'":
        out += "\\'";
        break;
      case '\n':
        out += '\\n';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\r':
        out += '\\r';
        break;
      default: {
        const code = ch.codePointAt(0) ?? 0;
        // Three octal digits cannot swallow a following digit the way `\xH` can.
        out += code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : ch;
      }
    }
  }
  return `$'${out}'`;
}

/**
 * The most readable bash word that denotes exactly `value`: bare when it is plain, single-quoted
 * when that is enough, ANSI-C quoted when it contains `$`, backticks, backslashes or control
 * characters (which also keeps shellcheck free of "expression in single quotes" notes, since
 * those are intended literals here).
 */
export function shellWord(value: string): string {
  if (PLAIN_WORD.test(value)) return value;
  if (NEEDS_ANSI_C.test(value)) return ansiCQuote(value);
  return shellQuote(value);
}

/**
 * A here-document delimiter that does not occur anywhere in `text` (not just as a whole line),
 * so no line of the body can end the document early.
 */
export function hereDocDelimiter(text: string, base = 'MCS_EOF'): string {
  if (!text.includes(base)) return base;
  for (let i = 1; ; i++) {
    const candidate = `${base}_${i}`;
    if (!text.includes(candidate)) return candidate;
  }
}

/**
 * A quoted here-document feeding `text` verbatim (no expansion of `$`, backticks or
 * backslashes) to `commandLine`. The shell adds one newline after `text`, as every
 * here-document does. `after` is appended to the command line after the redirection
 * (e.g. `|| true`).
 */
export function quotedHereDoc(commandLine: string, text: string, after = '', base?: string): string {
  const delimiter = hereDocDelimiter(text, base);
  const tail = after ? ` ${after}` : '';
  return `${commandLine} <<'${delimiter}'${tail}\n${text}\n${delimiter}`;
}

/** Text safe for a `#` comment line of a generated script (no line breaks). */
export function commentText(value: string): string {
  return value.replace(/[\x00-\x1f\x7f]+/g, ' ');
}
