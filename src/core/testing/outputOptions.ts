/** Test helper: every combination of the output options, for the tests that run each spec under all of them. */
import type { MiniClusterVersion } from '../common/apiVersions.ts';
import type { OutputOptions } from '../targets/options.ts';

type OnOffKey = 'workload' | 'queue' | 'priorityClass' | 'succeedOnLead' | 'certSecret';

/** One value per option that turns it on. */
const ON: Required<Pick<OutputOptions, OnOffKey>> = { workload: 'jobset', queue: 'team-a', priorityClass: 'high-priority', succeedOnLead: true, certSecret: true };

/**
 * The gang options go together (a timeout only with coscheduling, a Volcano queue only with
 * Volcano): none, coscheduling with its usual scheduler, Volcano with a scheduler name of its own.
 */
export const GANG_VARIANTS: readonly OutputOptions[] = [
  {},
  { gang: 'coscheduling', gangTimeout: 120 },
  { gang: 'volcano', gangQueue: 'hpc', schedulerName: 'volcano-hpc' },
];

/** Every subset of the other options (a JobSet only for v1alpha2) under each gang variant, the empty one first. */
export function outputCombinations(version: MiniClusterVersion): OutputOptions[] {
  const keys = (Object.keys(ON) as OnOffKey[]).filter((key) => version === 'v1alpha2' || key !== 'workload');
  const subsets = Array.from({ length: 1 << keys.length }, (_, mask) =>
    Object.fromEntries(keys.filter((_, bit) => mask & (1 << bit)).map((key) => [key, ON[key]])) as OutputOptions,
  );
  return GANG_VARIANTS.flatMap((gang) => subsets.map((subset) => ({ ...subset, ...gang })));
}

/** A short name of a combination for test titles, e.g. `jobset+queue+cert-secret+volcano`. */
export function describeOutput(output: OutputOptions): string {
  const parts = [
    output.workload === 'jobset' ? 'jobset' : '',
    output.queue ? 'queue' : '',
    output.priorityClass ? 'priority' : '',
    output.succeedOnLead ? 'succeed-on-lead' : '',
    output.certSecret ? 'cert-secret' : '',
    output.gang ?? '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('+') : 'operator';
}
