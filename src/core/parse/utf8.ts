/**
 * UTF-8 size of a JS string without encoding it, so that an oversized paste is refused before any
 * allocation. Lone surrogates count 3 bytes, as TextEncoder writes them as U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** The UTF-8 size of `text` when it exceeds `limit`, else `undefined` (often without scanning). */
export function utf8SizeIfOver(text: string, limit: number): number | undefined {
  // Every UTF-16 unit takes 1 to 3 bytes (a surrogate pair: 4 bytes for 2 units), so the length
  // alone settles the common case without a scan.
  if (text.length * 3 <= limit) return undefined;
  // A native regex scan is several times faster than the counting loop on a cold JIT, and
  // pasted files are mostly ASCII.
  const n = NON_ASCII.test(text) ? utf8ByteLength(text) : text.length;
  return n > limit ? n : undefined;
}

export function utf8ByteLength(text: string): number {
  let n = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const unit = bytes < 1024 * 1024 ? 'KiB' : 'MiB';
  const v = bytes / (unit === 'KiB' ? 1024 : 1024 * 1024);
  const shown = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return `${shown} ${unit} (${bytes.toLocaleString('en-US')} bytes)`;
}
