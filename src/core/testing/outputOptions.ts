/** Test helper: every combination of the output options, for the tests that run each spec under all of them. */
import type { MiniClusterVersion } from '../common/apiVersions.ts';
import type { OutputOptions } from '../targets/options.ts';

/** One value per option that turns it on. */
const ON: Required<OutputOptions> = { workload: 'jobset', queue: 'team-a', priorityClass: 'high-priority', succeedOnLead: true, certSecret: true };

/** Every subset of the options (a JobSet only for v1alpha2), the empty one first. */
export function outputCombinations(version: MiniClusterVersion): OutputOptions[] {
  const keys = (Object.keys(ON) as Array<keyof OutputOptions>).filter((key) => version === 'v1alpha2' || key !== 'workload');
  return Array.from({ length: 1 << keys.length }, (_, mask) =>
    Object.fromEntries(keys.filter((_, bit) => mask & (1 << bit)).map((key) => [key, ON[key]])) as OutputOptions,
  );
}

/** A short name of a combination for test titles, e.g. `jobset+queue+cert-secret`. */
export function describeOutput(output: OutputOptions): string {
  const parts = [
    output.workload === 'jobset' ? 'jobset' : '',
    output.queue ? 'queue' : '',
    output.priorityClass ? 'priority' : '',
    output.succeedOnLead ? 'succeed-on-lead' : '',
    output.certSecret ? 'cert-secret' : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('+') : 'operator';
}
