/**
 * The upstream corpus's example specs (see corpus.ts for where they are found). Without a corpus
 * the lists are empty and the single-file readers throw, so use them inside `describeCorpus`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpus, corpusProblem } from './corpus.ts';
import type { Example } from './fixtures.ts';

export type { Example } from './fixtures.ts';

const examplesDir = (version: 'v1alpha2' | 'v1alpha1'): string => (corpus ? join(corpus.upstreamDir, version, 'examples') : '');
export const v1alpha2ExamplesDir = examplesDir('v1alpha2');
export const v1alpha1ExamplesDir = examplesDir('v1alpha1');
/** Operator-equivalent Service, Job, PV and PVC objects of about half the v1alpha1 examples. */
export const v1alpha1GoldenDir = corpus?.goldenDir ?? '';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

/** Every example spec below `dir`, sorted by path; none without a corpus. */
function examplesIn(dir: string): Example[] {
  if (!corpus) return [];
  return walk(dir)
    .sort()
    .map((file) => ({ name: relative(dir, file), text: readFileSync(file, 'utf8') }));
}

function readExample(dir: string, name: string): string {
  if (!corpus) throw new Error(corpusProblem);
  return readFileSync(join(dir, name), 'utf8');
}

export const v1alpha2Examples = (): Example[] => examplesIn(v1alpha2ExamplesDir);
export const v1alpha2Example = (name: string): string => readExample(v1alpha2ExamplesDir, name);
export const v1alpha1Examples = (): Example[] => examplesIn(v1alpha1ExamplesDir);
export const v1alpha1Example = (name: string): string => readExample(v1alpha1ExamplesDir, name);
