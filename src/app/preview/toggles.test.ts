import { describe, expect, it } from 'vitest';
import type { RenderedManifest } from '../worker/protocol.ts';
import { toggleState } from './toggles.ts';

const made = (...objects: [RenderedManifest['letter'], string][]): RenderedManifest[] =>
  objects.map(([letter, kind]) => ({ letter, kind, name: `x-${kind}`, yaml: '' }) as RenderedManifest);

describe('include toggles', () => {
  it('say what the operator makes by default', () => {
    const objects = made(['c', 'ConfigMap'], ['s', 'Service'], ['j', 'Job']);
    expect(toggleState('s', objects, false)).toEqual({ label: 'Service', disabled: false });
    expect(toggleState('j', objects, false)).toEqual({ label: 'Job', disabled: false });
    expect(toggleState('v', objects, false)).toMatchObject({ disabled: true, note: 'v1alpha2 has no volume objects' });
  });

  it('with a JobSet, name the Services that are left, or say there are none and why', () => {
    expect(toggleState('s', made(['c', 'ConfigMap'], ['j', 'JobSet']), false)).toEqual({
      label: 'Container Services',
      disabled: true,
      note: 'none: the JobSet makes the brokers’ headless Service',
    });
    expect(toggleState('s', made(['c', 'ConfigMap'], ['s', 'Service'], ['j', 'JobSet']), false)).toEqual({ label: 'Container Services', disabled: false });
    expect(toggleState('j', made(['j', 'JobSet']), false).label).toBe('JobSet');
    expect(toggleState('c', made(['c', 'ConfigMap'], ['c', 'Secret']), false).label).toBe('ConfigMaps, Secret');
  });

  it('with a gang option, name the PodGroup beside the workload it goes with', () => {
    expect(toggleState('j', made(['j', 'PodGroup'], ['j', 'Job']), false)).toEqual({ label: 'PodGroup, Job', disabled: false });
    expect(toggleState('j', made(['j', 'PodGroup'], ['j', 'JobSet']), false)).toEqual({ label: 'PodGroup, JobSet', disabled: false });
  });
});
