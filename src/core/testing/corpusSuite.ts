/** Suites over the upstream corpus: skipped when there is none (the global setup says so, once). */
import { describe } from 'vitest';
import { corpus } from './corpus.ts';

/** A suite that reads the operator's examples. */
export const describeCorpus = describe.skipIf(!corpus);
/** A suite that reads the v1alpha1 golden files, which only a shared folder has. */
export const describeGolden = describe.skipIf(!corpus?.goldenDir);
