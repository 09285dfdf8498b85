/** A spec's cluster model the way the app and the CLI make it: analysed, generated, then modelled. */
import { expect } from 'vitest';
import { analyzeAnySpec, generateAny } from '../pipeline.ts';
import type { OutputOptions } from '../targets/options.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';
import { clusterModel } from './build.ts';
import type { ClusterModel } from './model.ts';

export function modelOf(text: string, output?: OutputOptions): ClusterModel {
  const analysis = analyzeAnySpec(text, output ? { output } : {});
  expect(analysis.diagnostics.filter((d) => d.severity === 'error'), 'the spec has errors').toEqual([]);
  const resolved = analysis.resolved;
  if (!resolved) throw new Error('no resolved spec');
  return clusterModel(resolved, generateAny(resolved, { keys: TEST_KEYS, ...(output ? { output } : {}) }), output);
}

/** A v1alpha2 spec of one container with these lines under spec (indented two spaces). */
export const v1alpha2Spec = (specLines: string, name = 'flux-sample') => `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: ${name}
spec:
${specLines}
  containers:
    - image: ubuntu:noble
      command: hostname
`;
