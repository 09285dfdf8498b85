/**
 * `--output-dir`: the folder is made one level at a time and every target is checked before the
 * first file is written, so a folder that cannot be made or written is one clear message. Node's
 * recursive mkdir is not used: on /proc it gets ENOENT for a parent that exists and retries
 * forever.
 */
import { accessSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { shownName } from './shownName.ts';
import { errorCode, systemReason } from './systemReason.ts';

/** A folder or file of `--output-dir` that cannot be used: the message names the path and the reason. */
export class OutputDirError extends Error {}

const fail = (path: string, what: string): never => {
  throw new OutputDirError(`${shownName(path)}: ${what}`);
};

/** The folders from the root down to `dir`, each made when missing. */
function makeFolder(dir: string): void {
  const absolute = resolve(dir);
  const chain: string[] = [];
  for (let at = absolute; ; at = dirname(at)) {
    chain.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of chain) {
    let isFolder: boolean;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') fail(folder, `cannot be read: ${systemReason(error)}`);
      try {
        mkdirSync(folder);
      } catch (made) {
        // Made meanwhile by another process: as good as made here.
        if (errorCode(made) === 'EEXIST' && statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
        // ENOENT although the parent exists: a file system that makes no folders (/proc).
        const reason = errorCode(made) === 'ENOENT' ? 'this file system does not allow new folders here' : systemReason(made);
        fail(folder, `cannot make the folder: ${reason}`);
      }
      continue;
    }
    if (!isFolder) fail(folder, 'is a file, not a folder: choose another --output-dir');
  }
}

/** Makes the folder (and the folders above it) if missing, and checks that it can be written into. */
export function prepareOutputDir(dir: string): void {
  makeFolder(dir);
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    fail(dir, `cannot write into the folder: ${systemReason(error)}`);
  }
}

/** Checks the folder and the files it will hold, then writes them; throws OutputDirError before writing anything it can foresee failing. */
export function writeOutputFiles(dir: string, files: readonly { name: string; text: string }[], written: (path: string) => void): void {
  prepareOutputDir(dir);
  const paths = files.map((file) => join(dir, file.name));
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // Missing is the usual case; any other trouble shows when the file is written.
    }
    if (isFolder) fail(path, 'is a folder, so the file of that name cannot be written: move it away or choose another --output-dir');
  }
  files.forEach((file, index) => {
    const path = paths[index] ?? file.name;
    try {
      writeFileSync(path, file.text);
    } catch (error) {
      const reason = errorCode(error) === 'ENOENT' ? 'this file system does not allow new files here' : systemReason(error);
      fail(path, `cannot write the file: ${reason}`);
    }
    written(path);
  });
}
