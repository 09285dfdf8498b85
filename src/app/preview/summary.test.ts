import { describe, expect, it } from 'vitest';
import type { IncludeLetter, RenderedManifest } from '../worker/protocol.ts';
import { pluralKind, summaryLine } from './summary.ts';

const m = (kind: string, name: string, letter: IncludeLetter): RenderedManifest => ({ kind, name, letter, yaml: `---\nkind: ${kind}\n` });
const BASIC = [m('ConfigMap', 'a-entrypoint', 'c'), m('Service', 'a', 's'), m('Job', 'a', 'j')];
const WITH_POD = [m('ConfigMap', 'a-entrypoint', 'c'), m('Pod', 'a-services', 'p'), m('Service', 'a', 's'), m('Job', 'a', 'j'), m('Service', 'nginx', 's')];
const all = new Set<IncludeLetter>(['c', 's', 'j', 'p', 'v']);
const only = (...letters: IncludeLetter[]) => new Set<IncludeLetter>(letters);

describe('summaryLine', () => {
  it('counts the included objects and the Job pods', () => {
    expect(summaryLine(BASIC, all, 4)).toBe('1 ConfigMap, 1 Service, 1 Job: 4 pods');
    expect(summaryLine(BASIC, all, 1)).toBe('1 ConfigMap, 1 Service, 1 Job: 1 pod');
  });

  it('pluralises and mentions the services pod apart', () => {
    expect(summaryLine(WITH_POD, all, 2)).toBe('1 ConfigMap, 2 Services, 1 Job: 2 pods +1 services pod');
    expect(summaryLine(WITH_POD, only('p'), 2)).toBe('1 services pod');
    expect(summaryLine(WITH_POD, only('s', 'p'), 2)).toBe('2 Services +1 services pod');
  });

  it('only counts pods when the Job is included', () => {
    expect(summaryLine(BASIC, only('c', 's'), 4)).toBe('1 ConfigMap, 1 Service');
    expect(summaryLine(BASIC, only('j'), 3)).toBe('1 Job: 3 pods');
    expect(summaryLine(BASIC, only('j'), undefined)).toBe('1 Job');
  });

  it('says when there is nothing', () => {
    expect(summaryLine(BASIC, only(), 4)).toBe('No objects selected');
    expect(summaryLine([], all, 4)).toBe('No objects');
  });

  it('handles volume kinds', () => {
    const volumes = [m('PersistentVolume', 'pv', 'v'), m('PersistentVolumeClaim', 'a', 'v'), m('PersistentVolumeClaim', 'b', 'v')];
    expect(summaryLine(volumes, all, 2)).toBe('1 PersistentVolume, 2 PersistentVolumeClaims');
  });
});

describe('pluralKind', () => {
  it('pluralises Kubernetes kinds', () => {
    expect(pluralKind('Service', 2)).toBe('Services');
    expect(pluralKind('Ingress', 2)).toBe('Ingresses');
    expect(pluralKind('NetworkPolicy', 2)).toBe('NetworkPolicies');
    expect(pluralKind('Job', 1)).toBe('Job');
  });
});

describe('summaryLine with output options', () => {
  const JOBSET = [m('ConfigMap', 'a-entrypoint', 'c'), m('Secret', 'a-curve', 'c'), m('JobSet', 'a', 'j')];

  it('names the JobSet, counts its pods and the Secret', () => {
    expect(summaryLine(JOBSET, all, 4)).toBe('1 ConfigMap, 1 Secret, 1 JobSet: 4 pods');
    expect(summaryLine(JOBSET, only('j'), 2)).toBe('1 JobSet: 2 pods');
    expect(summaryLine(JOBSET, only('c'), 2)).toBe('1 ConfigMap, 1 Secret');
  });

  it('counts the Secret beside the Job and the Service', () => {
    const withSecret = [m('ConfigMap', 'a-entrypoint', 'c'), m('Secret', 'a-curve', 'c'), m('Service', 'a', 's'), m('Job', 'a', 'j')];
    expect(summaryLine(withSecret, all, 3)).toBe('1 ConfigMap, 1 Secret, 1 Service, 1 Job: 3 pods');
  });
});
