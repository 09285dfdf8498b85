/**
 * The JSON Schema the editor validates and completes against: the one of the spec's own API
 * version. A document that names neither version yet (a new spec) gets the v1alpha2 schema with
 * both versions offered for `apiVersion`, so completion proposes either.
 */
import type { MiniClusterVersion } from '../../core/page.ts';

export type JsonSchema = Record<string, unknown>;

export interface EditorSchemas {
  v1alpha1: JsonSchema;
  v1alpha2: JsonSchema;
}

export async function loadEditorSchemas(): Promise<EditorSchemas> {
  const { v1alpha1, v1alpha2 } = await import('../../core/index.ts');
  return { v1alpha2: v1alpha2.miniClusterJsonSchema(), v1alpha1: v1alpha1.miniClusterJsonSchema() };
}

/**
 * monaco-yaml applies the schema to every document of the file; a file may also hold other
 * objects (a PodGroup, a Service), which are not MiniClusters and must not be marked as wrong.
 * The schema applies unless a document names another kind (a new spec with no kind yet gets it).
 */
export function onlyForMiniClusters(schema: JsonSchema): JsonSchema {
  const { $schema, ...miniCluster } = schema;
  return {
    ...($schema === undefined ? {} : { $schema }),
    if: { type: 'object', required: ['kind'], properties: { kind: { not: { const: 'MiniCluster' } } } },
    then: {},
    else: miniCluster,
  };
}

const newSpecCache = new WeakMap<JsonSchema, JsonSchema>();

export function schemaForVersion(schemas: EditorSchemas, version: MiniClusterVersion | undefined): JsonSchema {
  if (version) return schemas[version];
  const cached = newSpecCache.get(schemas.v1alpha2);
  if (cached) return cached;
  const v2 = schemas.v1alpha2;
  const properties = (v2['properties'] ?? {}) as Record<string, unknown>;
  const versions = [constOf(schemas.v1alpha2), constOf(schemas.v1alpha1)].filter((v): v is string => v !== undefined);
  const either: JsonSchema = {
    ...v2,
    properties: {
      ...properties,
      apiVersion: { type: 'string', enum: versions, description: 'The MiniCluster API: v1alpha2 for current Flux Operators, v1alpha1 for older ones.' },
    },
  };
  newSpecCache.set(v2, either);
  return either;
}

function constOf(schema: JsonSchema): string | undefined {
  const apiVersion = (schema['properties'] as Record<string, { const?: unknown }> | undefined)?.['apiVersion'];
  return typeof apiVersion?.const === 'string' ? apiVersion.const : undefined;
}
