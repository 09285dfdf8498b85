/**
 * A path in the CLI's messages: as given, so that editors and terminals can link it, unless it
 * holds characters that would break the line or drive the terminal; then quoted with escapes.
 */
import { hasUnprintable, quote } from '../core/common/quoteText.ts';

export function shownName(path: string): string {
  return hasUnprintable(path) ? quote(path) : path;
}
