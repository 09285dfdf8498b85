import { describe, expect, it } from 'vitest';
import { loadEditorSchemas, schemaForVersion } from './schemas.ts';

const apiVersionOf = (schema: Record<string, unknown>) => (schema['properties'] as Record<string, Record<string, unknown>>)['apiVersion'];

describe('the editor schema for a spec', () => {
  it('is the schema of the spec own version, and offers both versions for a new spec', async () => {
    const schemas = await loadEditorSchemas();
    expect(apiVersionOf(schemaForVersion(schemas, 'v1alpha2'))?.['const']).toBe('flux-framework.org/v1alpha2');
    expect(apiVersionOf(schemaForVersion(schemas, 'v1alpha1'))?.['const']).toBe('flux-framework.org/v1alpha1');
    const either = schemaForVersion(schemas, undefined);
    expect(apiVersionOf(either)?.['enum']).toEqual(['flux-framework.org/v1alpha2', 'flux-framework.org/v1alpha1']);
    expect(schemaForVersion(schemas, undefined)).toBe(either);
    // Everything else is the v1alpha2 schema, untouched.
    expect((either['properties'] as Record<string, unknown>)['spec']).toBe((schemas.v1alpha2['properties'] as Record<string, unknown>)['spec']);
    expect(apiVersionOf(schemas.v1alpha2)?.['const']).toBe('flux-framework.org/v1alpha2');
  });
});
