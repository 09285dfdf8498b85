/**
 * The inputs of one run, from the command line's arguments: a file as it is, `-` for standard
 * input, and a folder replaced by its `*.yaml` and `*.yml` files, found recursively.
 *
 * The folder walk, so that `minicluster-gen specs/` in a repository does what one expects and
 * never hangs:
 * - names starting with a dot (files and folders: `.git`, `.github`, editor files) are skipped;
 * - a symbolic link to a file is read like the file; a link to a folder is not walked (so a link
 *   loop cannot make the walk endless) and a note says so; a link whose target is missing is an
 *   input that cannot be read;
 * - a FIFO, a socket or a device with a YAML name is skipped with a note: reading one could wait
 *   forever (the read of each file checks again, see readIdentified);
 * - a folder that cannot be listed is an input that cannot be read; the walk goes on;
 * - a folder without any YAML file is an input that cannot be read, rather than a silent success;
 * - the files come in the order of their paths' bytes (as `LC_ALL=C sort` orders them), not in
 *   the order the file system lists them, so every machine reads them in the same order.
 * A folder given on the command line is walked even if its own name starts with a dot (`.`).
 */
import { statSync, type Dirent } from 'node:fs';
// `promises` is read when a folder is walked: loading `fs/promises` costs a run that reads files
// a millisecond or two before it starts.
import { promises } from 'node:fs';
import { join } from 'node:path';
import { notRegularKind } from './readLimited.ts';
import { errorCode, systemReason } from './systemReason.ts';

export type InputEntry =
  | { kind: 'stdin' }
  /** `found`: by a folder walk, so only a regular file is read. */
  | { kind: 'file'; path: string; found: boolean }
  /** Cannot be read: counts as a usage fault (exit status 2). */
  | { kind: 'fault'; path: string; reason: string }
  /** Left out, with a note saying why. */
  | { kind: 'skipped'; path: string; why: string };

export interface InputList {
  entries: InputEntry[];
  /** More than one argument, or a folder: each input's objects are kept apart in the output. */
  several: boolean;
}

const YAML_NAME = /\.ya?ml$/;

export async function listInputs(args: readonly string[]): Promise<InputList> {
  const entries: InputEntry[] = [];
  let folders = 0;
  for (const arg of args) {
    if (arg === '-') {
      entries.push({ kind: 'stdin' });
      continue;
    }
    // A missing file, or one that is not a folder, is read as a file: the read says what is wrong.
    // Synchronous, as the reads are (see readIdentified): one thread-pool round trip fewer per file.
    let isFolder = false;
    try {
      isFolder = statSync(arg, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      // Read as a file below, whose read says what is wrong.
    }
    if (!isFolder) {
      entries.push({ kind: 'file', path: arg, found: false });
      continue;
    }
    folders += 1;
    const found = await walkFolder(arg);
    if (!found.some((entry) => entry.kind === 'file')) {
      found.push({ kind: 'fault', path: arg, reason: 'the folder holds no .yaml or .yml file (names starting with a dot are skipped)' });
    }
    entries.push(...found);
  }
  return { entries, several: args.length > 1 || folders > 0 };
}

const pathOf = (entry: Exclude<InputEntry, { kind: 'stdin' }>) => Buffer.from(entry.path);

async function walkFolder(root: string): Promise<Exclude<InputEntry, { kind: 'stdin' }>[]> {
  const out: Exclude<InputEntry, { kind: 'stdin' }>[] = [];
  const visit = async (dir: string): Promise<void> => {
    let dirents: Dirent[];
    try {
      dirents = await promises.readdir(dir, { withFileTypes: true });
    } catch (error) {
      out.push({ kind: 'fault', path: dir, reason: `the folder cannot be listed: ${systemReason(error)}` });
      return;
    }
    for (const dirent of dirents) {
      if (dirent.name.startsWith('.')) continue;
      const path = join(dir, dirent.name);
      if (dirent.isDirectory()) {
        await visit(path);
        continue;
      }
      const yamlName = YAML_NAME.test(dirent.name);
      if (dirent.isSymbolicLink()) {
        let target;
        try {
          target = await promises.stat(path);
        } catch (error) {
          if (!yamlName) continue;
          const reason = errorCode(error) === 'ENOENT' ? 'a symbolic link to a file or folder that does not exist' : systemReason(error);
          out.push({ kind: 'fault', path, reason });
          continue;
        }
        if (target.isDirectory()) {
          out.push({ kind: 'skipped', path, why: 'a symbolic link to a folder is not followed in a folder walk; give it as an input of its own to read it' });
          continue;
        }
        if (yamlName) out.push({ kind: 'file', path, found: true });
        continue;
      }
      if (!yamlName) continue;
      if (dirent.isFile()) out.push({ kind: 'file', path, found: true });
      else out.push({ kind: 'skipped', path, why: `${notRegularKind(dirent)}, not a regular file` });
    }
  };
  await visit(root);
  return out.sort((a, b) => Buffer.compare(pathOf(a), pathOf(b)));
}
