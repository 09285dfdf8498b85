/** The editor's JSON Schema for v1alpha1 documents comes from the zod definition. */
import { describe, expect, it } from 'vitest';
import { miniClusterJsonSchema } from './jsonSchema.ts';

type Schema = { properties?: Record<string, Schema>; additionalProperties?: Schema; items?: Schema; default?: unknown; description?: string; required?: string[] };

const at = (schema: Schema, ...keys: string[]): Schema => keys.reduce<Schema>((s, key) => (key === '*' ? s.additionalProperties ?? s.items ?? {} : s.properties?.[key] ?? {}), schema);

describe('v1alpha1JsonSchema', () => {
  const schema = miniClusterJsonSchema() as Schema;

  it('carries the CRD defaults, as optional fields', () => {
    expect(at(schema, 'spec', 'logging', 'strict').default).toBe(true);
    expect(at(schema, 'spec', 'network', 'headlessName').default).toBe('flux-service');
    expect(at(schema, 'spec', 'volumes', '*', 'capacity').default).toBe('5Gi');
    expect(at(schema, 'spec', 'flux', 'installRoot').default).toBe('/usr');
    expect(at(schema, 'spec', 'containers', '*', 'fluxUser', 'uid').default).toBe(1000);
    expect(at(schema, 'spec').required).toEqual(['containers']);
  });

  it('describes fields for hover help', () => {
    expect(at(schema, 'spec', 'containers', '*', 'existingVolumes').description).toMatch(/existing/i);
    expect(at(schema, 'spec', 'pod', 'resources').description).toMatch(/overhead/);
    expect(at(schema, 'apiVersion').description).toBe('flux-framework.org/v1alpha1');
  });
});
