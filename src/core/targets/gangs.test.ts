import { describe, expect, it } from 'vitest';
import { OBJECT_KINDS, letterOfKind } from '../kinds.ts';
import { GANGS, GANG_SCHEDULERS, POD_GROUP_KINDS, gangOfObject } from './gangs.ts';
import { OUTPUT_OPTIONS } from './options.ts';

describe('the gang schedulers\' PodGroup kinds', () => {
  it('are one per gang, each the generators may make under the Job\'s letter in both versions', () => {
    expect(POD_GROUP_KINDS.map((k) => k.gang)).toEqual(GANGS);
    for (const version of ['v1alpha2', 'v1alpha1'] as const) {
      expect(OBJECT_KINDS[version].filter((k) => k.kind === 'PodGroup').map((k) => k.apiVersion)).toEqual(POD_GROUP_KINDS.map((k) => k.apiVersion));
      for (const kind of POD_GROUP_KINDS) expect(letterOfKind(version, kind)).toBe('j');
    }
    expect(OUTPUT_OPTIONS.find((row) => row.key === 'gang')?.value).toMatchObject({ choices: GANGS });
  });

  it('name an object\'s gang only at the exact apiVersion and kind', () => {
    for (const gang of GANGS) expect(gangOfObject({ apiVersion: GANG_SCHEDULERS[gang].apiVersion, kind: 'PodGroup' })).toBe(gang);
    expect(gangOfObject({ apiVersion: 'scheduling.x-k8s.io/v1alpha2', kind: 'PodGroup' })).toBeUndefined();
    expect(gangOfObject({ apiVersion: 'scheduling.volcano.sh/v1alpha1', kind: 'PodGroup' })).toBeUndefined();
    expect(gangOfObject({ apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup' })).toBeUndefined();
    expect(gangOfObject({ apiVersion: GANG_SCHEDULERS.volcano.apiVersion, kind: 'Queue' })).toBeUndefined();
  });
});
