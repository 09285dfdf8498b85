/**
 * Vitest global setup: says once where the upstream corpus was found, or how to get it. With
 * MINICLUSTER_REQUIRE_CORPUS=1 (as `.ci/run` sets it) a missing corpus fails the run, so CI never
 * skips the corpus tests without a word.
 */
import { corpus, corpusProblem, REQUIRE_CORPUS_VARIABLE } from './corpus.ts';

export default function setup(): void {
  const required = process.env[REQUIRE_CORPUS_VARIABLE] === '1';
  if (corpus && (corpus.goldenDir || !required)) {
    const golden = corpus.goldenDir ? '' : ' (no v1alpha1 golden files there: their tests are skipped)';
    const podGroups = corpus.podGroupCrds ? '' : ' (no PodGroup CRDs there: PodGroups are checked without them)';
    console.log(`Upstream corpus: ${corpus.upstreamDir}, from ${corpus.from}${golden}${podGroups}`);
    return;
  }
  const problem = corpus ? `The v1alpha1 golden files are not in ${corpus.from}; they come with a shared folder (MINICLUSTER_SHARED or ../shared).` : corpusProblem;
  if (required) throw new Error(`${REQUIRE_CORPUS_VARIABLE}=1: ${problem}`);
  console.log(problem);
}
