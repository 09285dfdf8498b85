/**
 * Whatever shape the v1alpha1 fields have (wrong types included), migration either returns a
 * v1alpha2 document or says why not; it never throws and never leaves a v1alpha1-only field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseSpecText } from '../parse/index.ts';
import { migrateV1alpha1 } from './index.ts';

const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -2, max: 8 }), fc.boolean(), fc.constant(null), fc.constant('flux-service'));
const anyValue = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'path', 'name', 'pre', 'add'), tie('v'), { maxKeys: 3 })),
})).v;
const field = <K extends string>(keys: readonly K[]) => fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 5 });

const commands = field(['pre', 'brokerPre', 'workerPre', 'post', 'init', 'prefix', 'runFluxAsRoot']);
const container = fc.record(
  {
    image: fc.constant('ubuntu'),
    name: fc.constantFrom('side', 'other'),
    command: fc.oneof(fc.constant('hostname'), anyValue),
    runFlux: fc.boolean(),
    cores: anyValue,
    fluxUser: anyValue,
    diagnostics: anyValue,
    commands: fc.oneof(commands, anyValue),
    securityContext: fc.oneof(fc.record({ privileged: fc.boolean(), addCapabilities: anyValue }), anyValue),
    volumes: fc.oneof(fc.dictionary(fc.constantFrom('data', 'other'), fc.oneof(fc.record({ path: fc.constant('/d') }), anyValue), { maxKeys: 2 }), anyValue),
    existingVolumes: fc.oneof(fc.dictionary(fc.constantFrom('data', 'conf'), fc.record({ path: fc.constant('/c'), claimName: fc.constant('c') }), { maxKeys: 2 }), anyValue),
    fluxOptionFlags: anyValue,
  },
  { requiredKeys: ['image'] },
);
const spec = fc.record(
  {
    size: fc.integer({ min: 1, max: 4 }),
    containers: fc.oneof(fc.array(container, { minLength: 1, maxLength: 3 }), anyValue),
    services: fc.oneof(fc.array(container, { maxLength: 2 }), anyValue),
    volumes: fc.oneof(fc.dictionary(fc.constantFrom('data', 'other'), fc.record({ path: fc.constant('/tmp/d'), storageClass: fc.constantFrom('hostpath', 'csi') }, { requiredKeys: [] }), { maxKeys: 2 }), anyValue),
    logging: fc.oneof(field(['quiet', 'strict']), anyValue),
    flux: fc.oneof(field(['installRoot', 'curveCertSecret', 'mungeSecret', 'logLevel', 'brokerConfig', 'noWaitSocket']), anyValue),
    network: fc.oneof(field(['headlessName']), anyValue),
    fluxRestful: anyValue,
    users: anyValue,
    interactive: anyValue,
  },
  { requiredKeys: ['containers'] },
);

const V1_ONLY = /^(cores|fluxUser|diagnostics|existingVolumes|fluxOptionFlags|runFluxAsRoot|addCapabilities|fluxRestful|users|installRoot|curveCertSecret|mungeSecret)$/;

function v1OnlyKeys(node: unknown, path = ''): string[] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => [
    ...(V1_ONLY.test(k) && !/\.(environment|volumes|items)$/.test(path) ? [`${path}.${k}`] : []),
    ...v1OnlyKeys(v, `${path}.${k}`),
  ]);
}

describe('migration of arbitrary v1alpha1 specs', () => {
  it('never throws, and what it returns is v1alpha2 without v1alpha1-only fields', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const text = stringify({ apiVersion: 'flux-framework.org/v1alpha1', kind: 'MiniCluster', metadata: { name: 'a' }, spec: s }, { version: '1.1' });
        const result = migrateV1alpha1(text);
        if (result.text === undefined) {
          expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          return;
        }
        const parsed = parseSpecText(result.text);
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const value = parsed.value as { apiVersion: string; spec: Record<string, unknown> };
        expect(value.apiVersion).toBe('flux-framework.org/v1alpha2');
        const containersWereList = Array.isArray(s.containers) && (s.services === undefined || Array.isArray(s.services));
        if (containersWereList && (s.flux === undefined || typeof s.flux === 'object') && (s.logging === undefined || typeof s.logging === 'object')) {
          expect(v1OnlyKeys(value.spec)).toEqual([]);
        }
        for (const n of result.notes) expect(n.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});
