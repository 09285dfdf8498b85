import { describe, expect, it } from 'vitest';
import { ALL_INCLUDES, INCLUDE_LETTERS, INCLUDE_ORDER, OBJECT_KINDS, VERSION_INCLUDES, includeFilter, letterOfKind } from './kinds.ts';
import { analyzeAnySpec, generateAny, type MiniClusterVersion } from './pipeline.ts';
import { fixtures } from './testing/fixtures.ts';
import { outputCombinations } from './testing/outputOptions.ts';
import { TEST_KEYS } from './testing/testKeys.ts';

const VERSIONS: readonly MiniClusterVersion[] = ['v1alpha2', 'v1alpha1'];
const describeObject = (m: { apiVersion: string; kind: string; metadata: { name: string } }) => `${m.apiVersion} ${m.kind}/${m.metadata.name}`;

describe.each(VERSIONS)('the %s fixtures against the kinds registry', (version) => {
  const resolvedFixtures = fixtures(version).flatMap(({ name, text }) => {
    const resolved = analyzeAnySpec(text).resolved;
    return resolved ? [{ name, resolved }] : [];
  });

  it('resolve (most of them), so the checks below look at real output', () => {
    expect(resolvedFixtures.length).toBeGreaterThan(fixtures(version).length / 2);
    for (const { resolved } of resolvedFixtures) expect(resolved.version).toBe(version);
  });

  it('generate only registered kinds, each selected by exactly its registry letter', () => {
    for (const { name, resolved } of resolvedFixtures) {
      const all = generateAny(resolved, { keys: TEST_KEYS });
      for (const letter of INCLUDE_ORDER) {
        const selected = generateAny(resolved, { keys: TEST_KEYS, include: letter }).map(describeObject);
        const filed = all.filter((m) => letterOfKind(version, m) === letter).map(describeObject);
        expect(selected, `${name} -i ${letter}`).toEqual(filed);
        if (!VERSION_INCLUDES[version].includes(letter)) expect(selected, `${name} -i ${letter}`).toEqual([]);
      }
    }
  });

  it('between them, under every combination of output options, make every kind the registry lists for the version (the registry has no stale entry)', () => {
    const made = new Set(
      fixtures(version).flatMap(({ text }) =>
        outputCombinations(version).flatMap((output) => {
          const resolved = analyzeAnySpec(text, { output }).resolved;
          return resolved ? generateAny(resolved, { keys: TEST_KEYS, output }).map((m) => `${m.apiVersion} ${m.kind}`) : [];
        }),
      ),
    );
    expect([...made].sort()).toEqual(OBJECT_KINDS[version].map((k) => `${k.apiVersion} ${k.kind}`).sort());
  });
});

describe('the kinds registry', () => {
  it('gives each version the letters of its kinds, in the toggles’ order', () => {
    expect(ALL_INCLUDES).toBe('csjpv');
    expect(VERSION_INCLUDES).toEqual({ v1alpha2: 'csjp', v1alpha1: 'csjpv' });
    for (const version of VERSIONS) {
      for (const { letter } of OBJECT_KINDS[version]) expect(INCLUDE_LETTERS[letter]).toBeTruthy();
    }
  });

  it('labels the letters with the toggles’ text', () => {
    expect(INCLUDE_ORDER.map((letter) => INCLUDE_LETTERS[letter])).toEqual(['ConfigMaps', 'Service', 'Job', 'Services pod', 'Volumes']);
  });

  it('files each known kind under its letter', () => {
    expect(letterOfKind('v1alpha2', { apiVersion: 'v1', kind: 'ConfigMap' })).toBe('c');
    expect(letterOfKind('v1alpha2', { apiVersion: 'batch/v1', kind: 'Job' })).toBe('j');
    expect(letterOfKind('v1alpha1', { apiVersion: 'v1', kind: 'PersistentVolumeClaim' })).toBe('v');
    // The certificate's Secret comes with the ConfigMaps; the JobSet replaces the Job.
    expect(letterOfKind('v1alpha2', { apiVersion: 'v1', kind: 'Secret' })).toBe('c');
    expect(letterOfKind('v1alpha1', { apiVersion: 'v1', kind: 'Secret' })).toBe('c');
    expect(letterOfKind('v1alpha2', { apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet' })).toBe('j');
  });

  it('throws, naming the kind, for a kind it does not list rather than filing it under a letter the version lacks', () => {
    expect(() => letterOfKind('v1alpha2', { apiVersion: 'v1', kind: 'Endpoints' })).toThrow(/v1 Endpoints/);
    // A JobSet is a v1alpha2 output only (v1alpha1 specs are migrated first).
    expect(() => letterOfKind('v1alpha1', { apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet' })).toThrow(/JobSet/);
    // v1alpha2 has no `v` letter: a volume object there would vanish from the preview and the bundle.
    expect(() => letterOfKind('v1alpha2', { apiVersion: 'v1', kind: 'PersistentVolume' })).toThrow(/v1 PersistentVolume/);
    expect(() => letterOfKind('v1alpha1', { apiVersion: 'apps/v1', kind: 'Job' })).toThrow(/apps\/v1 Job/);
  });

  it('gives the generators a filter: every letter of the version by default, and none the version lacks', () => {
    const all = includeFilter('v1alpha1', '');
    expect(INCLUDE_ORDER.filter(all)).toEqual(INCLUDE_ORDER);
    const some = includeFilter('v1alpha2', 'jx');
    expect((['c', 's', 'j', 'p'] as const).filter(some)).toEqual(['j']);
    expect(() => includeFilter('v1alpha2', undefined)('v')).toThrow(/v1alpha2 lists no objects under include letter v/);
  });
});
