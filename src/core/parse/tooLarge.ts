/** The one message for input over the size limit, said by the parser and by readers that stop at the limit. */
import { formatBytes } from './utf8.ts';

/** The largest input read, in UTF-8 bytes: the parser's default, and the page's limit for an opened file. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** `bytes`: the input's size, when known; a reader that stopped at the limit does not know it. */
export function tooLargeMessage(maxBytes: number, bytes?: number): string {
  const size = bytes === undefined ? 'more than' : `${formatBytes(bytes)}, more than`;
  const after = bytes === undefined ? 'Reading stopped at the limit.' : 'It was not read.';
  return `The file is ${size} the limit of ${formatBytes(maxBytes)}; a MiniCluster spec is normally a few KiB. ${after}`;
}
