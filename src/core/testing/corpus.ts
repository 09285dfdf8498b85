/**
 * Where the upstream corpus is: the Flux Operator's example specs and CRDs of both API versions, the
 * JobSet CRD, and the v1alpha1 golden files. It is test data we never copy into the repository, so tests look for it
 * beside the checkout and skip (or, in CI, fail) when it is not there.
 *
 * Order: the folder named by MINICLUSTER_SHARED, then `../shared` beside the checkout, then the cache
 * that `npm run fetch:upstream` fills. The golden files only come with a shared folder.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/**
 * What `npm run fetch:upstream` fills: `v1alpha2/` and `v1alpha1/`, each with `examples/` and
 * `crd.yaml`, and `jobset/crd.yaml`. MINICLUSTER_UPSTREAM_CACHE moves it.
 */
export const upstreamCacheDirFor = (env: NodeJS.ProcessEnv, root = projectRoot): string =>
  env['MINICLUSTER_UPSTREAM_CACHE'] || join(root, '.cache', 'upstream');

/** Set by `.ci/run`: a missing corpus fails the run instead of skipping its tests. */
export const REQUIRE_CORPUS_VARIABLE = 'MINICLUSTER_REQUIRE_CORPUS';

export const CORPUS_HINT =
  'Upstream corpus not found, so the corpus tests are skipped: run `npm run fetch:upstream` ' +
  '(or set MINICLUSTER_SHARED to a folder holding upstream/ and spec/v1alpha1-golden/).';

export interface Corpus {
  /** Which place it was found in, for messages. */
  from: string;
  /** Holds `v1alpha2/examples`, `v1alpha1/examples`, each version's `crd.yaml`, and `jobset/crd.yaml`. */
  upstreamDir: string;
  /** The JobSet CustomResourceDefinition (jobset.x-k8s.io), which JobSet output is validated against. */
  jobSetCrd: string;
  /** The operator-equivalent objects of v1alpha1 examples; only a shared folder has them. */
  goldenDir: string | undefined;
  /** The gang schedulers' PodGroup CRDs, which generated PodGroups are validated against; present when both are there. */
  podGroupCrds?: PodGroupCrds | undefined;
}

export interface PodGroupCrds {
  /** scheduler-plugins' `scheduling.x-k8s.io` PodGroup. */
  coscheduling: string;
  /** Volcano's `scheduling.volcano.sh` PodGroup. */
  volcano: string;
}

/** Where a corpus keeps the PodGroup CRDs (`scheduler-plugins/` and `volcano/`), when it has both. */
function podGroupCrdsIn(upstreamDir: string): { podGroupCrds?: PodGroupCrds } {
  const crds = { coscheduling: join(upstreamDir, 'scheduler-plugins', 'podgroup-crd.yaml'), volcano: join(upstreamDir, 'volcano', 'podgroup-crd.yaml') };
  return existsSync(crds.coscheduling) && existsSync(crds.volcano) ? { podGroupCrds: crds } : {};
}

const CORPUS_PARTS = ['v1alpha2/examples', 'v1alpha1/examples', 'jobset/crd.yaml'] as const;

/** The parts of a corpus that `upstreamDir` lacks (none: it is a corpus). */
function missingParts(upstreamDir: string): string[] {
  return CORPUS_PARTS.filter((part) => !existsSync(join(upstreamDir, part)));
}

const jobSetCrdIn = (upstreamDir: string): string => join(upstreamDir, 'jobset', 'crd.yaml');

function fromShared(sharedDir: string, from: string): Corpus | undefined {
  const upstreamDir = join(sharedDir, 'upstream');
  if (missingParts(upstreamDir).length > 0) return undefined;
  const goldenDir = join(sharedDir, 'spec', 'v1alpha1-golden', 'operator');
  return { from, upstreamDir, jobSetCrd: jobSetCrdIn(upstreamDir), goldenDir: existsSync(goldenDir) ? goldenDir : undefined, ...podGroupCrdsIn(upstreamDir) };
}

export type CorpusSearch = { corpus: Corpus } | { corpus: undefined; problem: string };

/** Looks in the three places in order. A MINICLUSTER_SHARED that holds no corpus is a problem, not a fall-through. */
export function locateCorpus(env: NodeJS.ProcessEnv = process.env, root = projectRoot): CorpusSearch {
  const named = env['MINICLUSTER_SHARED'];
  if (named) {
    const corpus = fromShared(resolve(named), `MINICLUSTER_SHARED (${named})`);
    return corpus
      ? { corpus }
      : { corpus: undefined, problem: `MINICLUSTER_SHARED=${named} has no ${missingParts(join(resolve(named), 'upstream')).map((part) => `upstream/${part}`).join(', ')}.` };
  }
  const beside = fromShared(resolve(root, '..', 'shared'), '../shared');
  if (beside) return { corpus: beside };
  const cacheDir = upstreamCacheDirFor(env, root);
  if (missingParts(cacheDir).length === 0) return { corpus: { from: 'the fetch:upstream cache', upstreamDir: cacheDir, jobSetCrd: jobSetCrdIn(cacheDir), goldenDir: undefined, ...podGroupCrdsIn(cacheDir) } };
  return { corpus: undefined, problem: CORPUS_HINT };
}

const search = locateCorpus();
/** The corpus of this run, or undefined when none was found. */
export const corpus: Corpus | undefined = search.corpus;
/** Why there is no corpus (undefined when there is one). */
export const corpusProblem: string | undefined = search.corpus ? undefined : search.problem;
