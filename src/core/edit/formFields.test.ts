import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSpecText } from '../parse/index.ts';
import { miniClusterSchema } from '../v1alpha2/schema.ts';
import { fixture } from '../testing/fixtures.ts';
import { ANY, CONTAINER_FIELDS, FLUX_FIELDS, SIZE_FIELDS, fieldInstances, formPaths, schemaAt, yamlOnlyFieldsIn } from './formFields.ts';

describe('the form field catalog', () => {
  it('takes every help text from the schema descriptions', () => {
    const size = SIZE_FIELDS.find((f) => f.label === 'Size');
    expect(size?.help).toBe(z.globalRegistry.get(miniClusterSchema.shape.spec.shape.size.unwrap())?.description);
    for (const path of formPaths()) {
      const schema = schemaAt(path.split('.'));
      expect(schema, path).toBeDefined();
    }
  });

  it('gives every field a label and a help text', () => {
    const all = fieldInstances(parseSpecText(fixture('v1alpha2', 'hello-world')).value);
    expect(all.length).toBeGreaterThan(40);
    for (const { field, path } of all) {
      expect(field.label, path.join('.')).not.toBe('');
      expect(field.help, path.join('.')).not.toBe('');
    }
  });

  it('reads bounds, enum values, kinds and defaults from the schema', () => {
    const logLevel = FLUX_FIELDS.find((f) => f.label === 'Log level');
    expect(logLevel).toMatchObject({ kind: 'integer', min: 0, max: 7, defaultText: '6' });
    const queue = FLUX_FIELDS.find((f) => f.label === 'Queue policy');
    expect(queue?.options).toEqual(['fcfs', 'easy', 'conservative', 'hybrid']);
    const view = FLUX_FIELDS.find((f) => f.label === 'View image');
    expect(view?.options?.length).toBeGreaterThan(3);
    expect(view?.defaultText).toBe('ghcr.io/converged-computing/flux-view-ubuntu:tag-noble');
    const byLabel = (label: string) => CONTAINER_FIELDS.find((f) => f.label === label);
    expect(byLabel('Image')?.defaultText).toBe('ghcr.io/rse-ops/accounting:app-latest');
    expect(byLabel('Limits')?.kind).toBe('quantityMap');
    expect(byLabel('Environment variables')?.kind).toBe('stringMap');
    expect(byLabel('Ports')?.kind).toBe('portList');
    expect(byLabel('Runs Flux')?.kind).toBe('boolean');
    expect(schemaAt(['spec', 'containers', ANY, 'nothing'])).toBeUndefined();
  });

  it('expands lists and volume maps into field instances', () => {
    const value = parseSpecText(fixture('v1alpha2', 'volumes')).value;
    const paths = fieldInstances(value).map((i) => i.path.join('.'));
    expect(paths).toContain('spec.containers.0.image');
    expect(paths).toContain('spec.containers.0.volumes.data.hostPath');
    expect(paths.some((p) => p.startsWith('spec.services.'))).toBe(false);
  });

  it('names the fields a spec sets that only the YAML view edits', () => {
    const text = `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: a
spec:
  archive:
    path: /state
  containers:
    - image: x
      commands:
        pre: echo hi
      volumes:
        data:
          path: /data
          items:
            a: b
  flux:
    scheduler:
      simple: true
      queuePolicy: easy
`;
    expect(yamlOnlyFieldsIn(parseSpecText(text).value)).toEqual([
      'spec.archive',
      'spec.containers[0].commands',
      'spec.containers[0].volumes.data.items',
      'spec.flux.scheduler.simple',
    ]);
    expect(yamlOnlyFieldsIn(parseSpecText(fixture('v1alpha2', 'hello-world')).value)).toEqual([]);
  });
});
