/**
 * The spec in a URL hash (`#spec=…`): lz-string compressed, read back with checks. The reading
 * side lives apart from shareLink.ts so the page's first script can read a link without loading
 * the YAML library that sharing needs (to leave the certificate out).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export const HASH_PARAM = 'spec';

/**
 * Browsers cap URLs around 2 MB (Chromium); nothing longer can be a link we made, and decoding
 * an arbitrarily long crafted payload could expand it enormously before any check runs.
 */
export const MAX_HASH_CHARS = 2_000_000;
/** The core reads at most 1 MiB of spec; a link that expands beyond that is not one of ours. */
export const MAX_SPEC_CHARS = 1024 * 1024;

/** `#spec=<lz-string>` for text that is already safe to share. */
export function encodeSpecHash(text: string): string {
  return `#${HASH_PARAM}=${compressToEncodedURIComponent(text)}`;
}

/**
 * Characters YAML allows in a stream (YAML 1.2, 5.1): tab, LF, CR, printable ASCII, NEL and the
 * printable Unicode planes, surrogates only in valid pairs. A corrupt payload decompresses to
 * garbage that almost always contains something else, and no spec can.
 */
function isYamlPrintable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || c === 0x85) continue;
    if ((c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return false;
  }
  return true;
}

/**
 * The spec in a location hash (`#spec=…`, with or without the `#`, possibly among other
 * `&`-separated entries); undefined when there is none or it cannot be read. Never throws.
 * lz-string has no checksum: garbage is caught (it decompresses to nothing or to characters no
 * YAML text contains), but a link cut short by a few characters can decode to a shortened spec.
 */
export function decodeSpecHash(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.length > MAX_HASH_CHARS + HASH_PARAM.length + 1) return undefined;
  // Not URLSearchParams: it would read the `+` of lz-string's alphabet as a space.
  const entry = body.split('&').find((part) => part.startsWith(`${HASH_PARAM}=`));
  if (entry === undefined) return undefined;
  let payload = entry.slice(HASH_PARAM.length + 1);
  if (payload === '') return undefined;
  let text: string | null;
  try {
    // lz-string's alphabet has no `%`: one means a mail or chat program escaped a `+`.
    if (payload.includes('%')) payload = decodeURIComponent(payload);
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    return undefined;
  }
  if (!text || text.length > MAX_SPEC_CHARS || !isYamlPrintable(text)) return undefined;
  return text;
}

