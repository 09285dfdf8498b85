/**
 * Standard output and error, written straight to their file descriptors. `process.stdout` and
 * `process.stderr` are made on first use, and making one costs a run 1–3 ms: a pipe's is a
 * `net.Socket` (the network and stream modules load with it), a file's a write stream. The CLI's
 * writes are whole texts that the process waits for anyway, which `writeSync` does directly.
 *
 * A descriptor that cannot take a write at once (a non-blocking pipe, EAGAIN) is handed to Node's
 * stream from then on, which waits for it; the order of the text on that descriptor is kept, since
 * every write before it has ended. (Output and diagnostics sent to one pipe, `2>&1`, may then
 * interleave differently, as two streams of Node's would.) On Windows, where the console wants Node's own stream, the stream is used
 * throughout.
 */
import { writeSync } from 'node:fs';

export interface OutputFault {
  /** A failure other than a reader that went away (EPIPE): a full disk, say. Reported once. */
  onFault: (error: NodeJS.ErrnoException) => void;
}

type Stream = NodeJS.WriteStream;

/** A writer for descriptor 1 or 2, falling back to `stream()` (process.stdout or process.stderr). */
export function descriptorWriter(
  fd: 1 | 2,
  stream: () => Stream,
  { onFault }: OutputFault,
  write: (fd: number, bytes: Uint8Array, offset: number) => number = writeSync,
): (text: string) => void {
  let ended = false;
  let streamed: Stream | undefined;
  const fault = (error: NodeJS.ErrnoException) => {
    if (ended) return;
    ended = true;
    if (error.code !== 'EPIPE') onFault(error);
  };
  const toStream = (): Stream => {
    if (!streamed) {
      streamed = stream();
      streamed.on('error', fault);
    }
    return streamed;
  };
  if (process.platform === 'win32') return (text) => void (ended || toStream().write(text));

  return (text) => {
    if (ended || text === '') return;
    if (streamed) {
      streamed.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += write(fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          toStream().write(bytes.subarray(offset));
          return;
        }
        if (code === 'EINTR') continue;
        fault(error as NodeJS.ErrnoException);
        return;
      }
    }
  };
}
