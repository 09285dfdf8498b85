/**
 * Character classes of flux-core's certificate reader (`cert_read`). Kept apart so the writer
 * can refuse to produce text the reader would reject.
 */

const KEY_CHAR = /^[A-Za-z0-9.-]$/;
// Alphanumerics, the Z85 punctuation, space and tab. Notably absent: `"` and `\`, because the
// format has no escaping, and `_`, `,`, `;`, `'`, `~`, `|`, backtick.
const VALUE_CHAR = /^[A-Za-z0-9.\-:+=^!/*?&<>()[\]{}@%$# \t]$/;

export function isCertKeyChar(ch: string): boolean {
  return KEY_CHAR.test(ch);
}

export function isCertValueChar(ch: string): boolean {
  return VALUE_CHAR.test(ch);
}

/** Index of the first character that may not appear in a metadata value, or -1. */
export function firstBadValueChar(value: string): number {
  for (let i = 0; i < value.length; i++) if (!isCertValueChar(value.charAt(i))) return i;
  return -1;
}

/** Index of the first character that may not appear in a key name, or -1. */
export function firstBadKeyChar(key: string): number {
  for (let i = 0; i < key.length; i++) if (!isCertKeyChar(key.charAt(i))) return i;
  return -1;
}

/**
 * Flux reads lines with `fgets` into a 256-byte buffer: a longer line arrives in pieces and the
 * continuation is parsed as a line of its own.
 */
export const MAX_CERT_LINE_BYTES = 255;
