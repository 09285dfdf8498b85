/**
 * Input read with a size limit that holds while reading: at most limit + 1 bytes are read, in
 * chunks, so `-f /dev/zero`, a FIFO that never ends or `yes | minicluster-gen -f -` stop at the
 * limit instead of filling the memory. A regular file's size is known before reading it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Dirent } from 'node:fs';
import { systemReason } from './systemReason.ts';

export type ReadResult = { text: string } | { tooLarge: { size?: number } };

/** A file that cannot be read: `reason` says why in words. */
export class ReadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A file the folder walk found that is not a regular file (a FIFO, a socket, a device): skipped, never read. */
export class NotRegularFile extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

const CHUNK_BYTES = 64 * 1024;

const decode = (bytes: Buffer) => bytes.toString('utf8');

/** The chunks of a stream until they hold more than `limit` bytes; leaving the loop early closes the stream. */
export async function readStreamLimited(chunks: AsyncIterable<Uint8Array | string>, limit: number): Promise<ReadResult> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      total += bytes.length;
      if (total > limit) return { tooLarge: {} };
      parts.push(bytes);
    }
  } catch (error) {
    throw new ReadError(systemReason(error));
  }
  return { text: decode(Buffer.concat(parts, total)) };
}

/** What a file that is not a regular one is, as the notes say it (a folder entry or a file's stat). */
export function notRegularKind(entry: Pick<Dirent, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function readDescriptor(fd: number, limit: number, regularOnly: boolean): ReadResult & { identity?: string } {
  const stat = fstatSync(fd);
  if (stat.isDirectory()) throw new ReadError('it is a folder, not a file');
  if (regularOnly && !stat.isFile()) {
    throw new NotRegularFile(notRegularKind(stat));
  }
  // Only a regular file is the same input when given twice; a FIFO or a device gives new text each time.
  const identity = stat.isFile() ? `${stat.dev}:${stat.ino}` : undefined;
  if (stat.isFile() && stat.size > limit) return { tooLarge: { size: stat.size }, identity };
  // Devices, FIFOs and files of /proc report no size (or a wrong one): read, but never past the limit.
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    parts.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return { tooLarge: {}, identity };
  }
  return { text: decode(Buffer.concat(parts, total)), identity };
}

/** The file at `path` as UTF-8 text (as `readFileSync(path, 'utf8')` reads it), or that it is over `limit` bytes. */
export async function readFileLimited(path: string, limit: number): Promise<ReadResult> {
  return readIdentified(path, limit);
}

/**
 * `readFileLimited`, with the file's identity (device and inode) to know the same file given
 * twice. `regularOnly` is for the files a folder walk finds: one that is not a regular file
 * throws NotRegularFile. It is opened without blocking, since opening a FIFO for reading
 * otherwise waits for a writer that may never come, and its type is taken from the open handle,
 * so it cannot change between the check and the read.
 *
 * The calls are synchronous: the inputs are read one after the other anyway, and each call of
 * `fs/promises` is a round trip through libuv's thread pool, which made the reading of a hundred
 * small files a third of such a run.
 */
export async function readIdentified(path: string, limit: number, regularOnly = false): Promise<ReadResult & { identity?: string }> {
  let fd: number;
  try {
    fd = openSync(path, regularOnly ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
  } catch (error) {
    throw new ReadError(systemReason(error));
  }
  try {
    return readDescriptor(fd, limit, regularOnly);
  } catch (error) {
    throw error instanceof ReadError || error instanceof NotRegularFile ? error : new ReadError(systemReason(error));
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a file that was only read cannot lose anything.
    }
  }
}
