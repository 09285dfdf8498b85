/**
 * Names inside `--output-dir`: the file of each object, and, with several inputs, the folder of
 * each input. An input's folder is its base name without the extension (`specs/lammps.yaml` →
 * `lammps`), with every character other than letters, digits, `.`, `_` and `-` made `_` and a
 * leading dot made `_` (no hidden folder, no `..`); standard input is `stdin`. A name taken
 * already, in any letter case (macOS and Windows file systems ignore case), gets `-2`, `-3`, ...
 * in input order. The names are given to every input before any is read, so an input that fails
 * does not move the folders of the inputs after it.
 */
import { basename, extname } from 'node:path';
import type { Manifest } from '../core/common/kobject.ts';

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

export function objectFileName(manifest: Manifest, index: number): string {
  return `${String(index + 1).padStart(2, '0')}-${safe(manifest.kind.toLowerCase())}-${safe(manifest.metadata.name)}`;
}

/** One folder name per input, in order; `-` is standard input. */
export function inputFolderNames(inputs: readonly string[]): string[] {
  const taken = new Set<string>();
  return inputs.map((input) => {
    const base = input === '-' ? 'stdin' : basename(input, extname(input));
    const stem = safe(base).replace(/^\./, '_') || 'input';
    let name = stem;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
