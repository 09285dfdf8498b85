/** Why a file operation failed, in words, without Node's `ENOENT: ..., open 'path'` wrapping (the caller names the path). */
import { printable } from '../core/common/quoteText.ts';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'it already exists',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'no such device (a FIFO without a reader, or a socket)',
  EINVAL: 'the operating system refused it (invalid argument)',
  EIO: 'input/output error',
};

/** The system error code (ENOENT, EACCES, ...) of a failed file operation, if it has one. */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export function systemReason(error: unknown): string {
  const code = errorCode(error);
  if (code && Object.hasOwn(REASONS, code)) return REASONS[code] as string;
  const message = error instanceof Error ? error.message : String(error);
  return printable(message.split('\n')[0] ?? message);
}

