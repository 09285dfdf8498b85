/**
 * Suites over the upstream corpus. Without it a suite is one skipped placeholder and its body never
 * runs (the body reads the corpus while tests are collected); the global setup says why, once.
 */
import { describe, it } from 'vitest';
import { corpus } from './corpus.ts';

type Suite = (name: string, body: () => void) => void;

function suiteWhen(present: boolean, missing: string): Suite {
  if (present) return (name, body) => describe(name, body);
  return (name) => describe(name, () => it.skip(missing, () => {}));
}

/** A suite that reads the operator's examples. */
export const describeCorpus: Suite = suiteWhen(corpus !== undefined, 'needs the upstream corpus (npm run fetch:upstream)');
/** A suite that reads the v1alpha1 golden files, which only a shared folder has. */
export const describeGolden: Suite = suiteWhen(corpus?.goldenDir !== undefined, 'needs the v1alpha1 golden files of a shared folder');
/** A suite that validates PodGroups against the gang schedulers' CRDs (a shared folder has them). */
export const describePodGroupCrds: Suite = suiteWhen(corpus?.podGroupCrds !== undefined, 'needs the PodGroup CRDs of a shared folder (upstream/scheduler-plugins/ and upstream/volcano/)');
