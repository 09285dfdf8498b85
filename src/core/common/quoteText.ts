/**
 * User text inside a message. Messages end up on terminals (the CLI prints one per line, where a
 * newline would forge a second `FILE:LINE:COL` line and an ESC sequence would drive the terminal)
 * and in the app's Problems list (where a bidi override would reorder the words around it), so
 * every character that is not visible ink is written as an escape instead.
 */

let unprintable: RegExp | undefined;
/**
 * Controls (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width characters,
 * the BOM, tag characters) and the line and paragraph separators; lone surrogates are left to
 * JSON.stringify, which already escapes them. Made on the first text that needs it: a class of
 * Unicode properties takes V8 about half a millisecond to make and compile, which most runs
 * (all-ASCII names and values) never need.
 */
const UNPRINTABLE = (): RegExp => (unprintable ??= /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu);
/** Visible ASCII and the space: nothing in it is escaped. */
const VISIBLE_ASCII = /^[\x20-\x7e]*$/;

function unicodeEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text in double quotes, escaped as JSON does, and every invisible character as `\uXXXX`; any
 * other value as JSON writes it (a number bare, a mapping in braces).
 */
export function quote(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return VISIBLE_ASCII.test(json) ? json : json.replace(UNPRINTABLE(), unicodeEscape);
}

/** `text` as it is, except that newlines, tabs and every invisible character become escapes. */
export function printable(text: string): string {
  return VISIBLE_ASCII.test(text) ? text : text.replace(UNPRINTABLE(), (ch) => SHORT_ESCAPES[ch] ?? unicodeEscape(ch));
}

/** True when `text` holds a character that `printable` would escape. */
export function hasUnprintable(text: string): boolean {
  if (VISIBLE_ASCII.test(text)) return false;
  const pattern = UNPRINTABLE();
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** At most the first 40 characters of `text`, with an ellipsis when it was longer: a quote inside a message. */
export function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
