/**
 * Share links: the whole spec, compressed into the URL hash (`#spec=…`), like the TypeScript and
 * Prettier playgrounds. The hash never reaches a server, and the app has none anyway. The output
 * options that are on follow as entries named like the CLI's flags (`&workload=jobset&queue=…`);
 * a link without them opens with every option off.
 *
 * The certificate is never put in a link: `shareHash` and `shareUrl` strip it first (see
 * stripSecrets.ts) and refuse, with a reason, when they cannot. `encodeSpecHash` is the raw
 * encoder underneath; give it only text that went through `stripSecrets`.
 */
import type { OptionProblem, OutputOptions } from '../../core/page.ts';
import { encodeOutputParams, usableOptions } from '../output/outputOptions.ts';
import { encodeSpecHash } from './specHash.ts';
import { stripSecrets } from './stripSecrets.ts';

export { stripSecrets, type StripResult } from './stripSecrets.ts';
export { HASH_PARAM, MAX_HASH_CHARS, MAX_SPEC_CHARS, decodeSpecHash, encodeSpecHash } from './specHash.ts';

export type ShareResult =
  | { ok: true; url: string; hash: string; removed: boolean; leftOut: OptionProblem[] }
  | { ok: false; reason: string };

/**
 * The hash to share `text` under, without its certificate, with the output options that are on.
 * An option whose value is not valid is left out of the link and listed in `leftOut`.
 */
export function shareHash(
  text: string,
  output: OutputOptions = {},
): { ok: true; hash: string; removed: boolean; leftOut: OptionProblem[] } | { ok: false; reason: string } {
  const stripped = stripSecrets(text);
  if (!stripped.ok) return stripped;
  const { options, problems } = usableOptions(output);
  const params = encodeOutputParams(options);
  const hash = encodeSpecHash(stripped.text) + (params === '' ? '' : `&${params}`);
  return { ok: true, hash, removed: stripped.removed, leftOut: problems };
}

/** The page's own address (path and query kept) with the spec and the output options as its hash, without the certificate. */
export function shareUrl(location: Pick<Location, 'href'>, text: string, output: OutputOptions = {}): ShareResult {
  const shared = shareHash(text, output);
  if (!shared.ok) return shared;
  const url = new URL(location.href);
  url.hash = shared.hash;
  return { ok: true, url: url.href, hash: shared.hash, removed: shared.removed, leftOut: shared.leftOut };
}
