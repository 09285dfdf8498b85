/**
 * Share links: the whole spec, compressed into the URL hash (`#spec=…`), like the TypeScript and
 * Prettier playgrounds. The hash never reaches a server, and the app has none anyway.
 *
 * The certificate is never put in a link: `shareHash` and `shareUrl` strip it first (see
 * stripSecrets.ts) and refuse, with a reason, when they cannot. `encodeSpecHash` is the raw
 * encoder underneath; give it only text that went through `stripSecrets`.
 */
import { encodeSpecHash } from './specHash.ts';
import { stripSecrets } from './stripSecrets.ts';

export { stripSecrets, type StripResult } from './stripSecrets.ts';
export { HASH_PARAM, MAX_HASH_CHARS, MAX_SPEC_CHARS, decodeSpecHash, encodeSpecHash } from './specHash.ts';

export type ShareResult =
  | { ok: true; url: string; hash: string; removed: boolean }
  | { ok: false; reason: string };

/** The hash to share `text` under, without its certificate. */
export function shareHash(text: string): { ok: true; hash: string; removed: boolean } | { ok: false; reason: string } {
  const stripped = stripSecrets(text);
  if (!stripped.ok) return stripped;
  return { ok: true, hash: encodeSpecHash(stripped.text), removed: stripped.removed };
}

/** The page's own address (path and query kept) with the spec as its hash, without the certificate. */
export function shareUrl(location: Pick<Location, 'href'>, text: string): ShareResult {
  const shared = shareHash(text);
  if (!shared.ok) return shared;
  const url = new URL(location.href);
  url.hash = shared.hash;
  return { ok: true, url: url.href, hash: shared.hash, removed: shared.removed };
}
