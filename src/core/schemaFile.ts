/**
 * The JSON Schema of each MiniCluster API as a file of its own, for editors (VS Code's YAML
 * extension) and validators (kubeconform, ajv). The static build serves it, and
 * `minicluster-gen --schema` prints it, from this one function.
 *
 * It is the editor's schema (the zod definition, as a user writes it), named, plus what the
 * analysis checks before the schema: a MiniCluster must have a `metadata.name`. Nothing else is
 * added: fields the schema does not list are accepted, as the analysis only warns about them
 * (the API server drops them), and the operator's rules (a DNS name, a mount path) stay with the
 * analysis, since a schema check could only repeat them in part.
 */
import { API_VERSIONS, KIND, type MiniClusterVersion } from './common/apiVersions.ts';
import { miniClusterJsonSchema as v1alpha1JsonSchema } from './v1alpha1/jsonSchema.ts';
import { miniClusterJsonSchema as v1alpha2JsonSchema } from './v1alpha2/jsonSchema.ts';

/** Every version with a schema file, newest first. */
export const SCHEMA_VERSIONS: readonly MiniClusterVersion[] = ['v1alpha2', 'v1alpha1'];

const EDITOR_SCHEMAS: Record<MiniClusterVersion, () => Record<string, unknown>> = {
  v1alpha2: v1alpha2JsonSchema,
  v1alpha1: v1alpha1JsonSchema,
};

export function isSchemaVersion(value: string): value is MiniClusterVersion {
  return (SCHEMA_VERSIONS as readonly string[]).includes(value);
}

/**
 * Where the file lies below the app's base: kubeconform's
 * `{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json` (kind in lower case), the layout of
 * schema catalogs.
 */
export function schemaFilePath(version: MiniClusterVersion): string {
  const [group, apiVersion] = API_VERSIONS[version].split('/') as [string, string];
  return `schemas/${group}/${KIND.toLowerCase()}_${apiVersion}.json`;
}

type JsonObject = Record<string, unknown>;

const asObject = (value: unknown): JsonObject => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {});

/** The served document: a standalone draft-07 schema of a whole MiniCluster object. */
export function schemaDocument(version: MiniClusterVersion): JsonObject {
  const { $schema, description, properties, ...rest } = EDITOR_SCHEMAS[version]();
  const fields = asObject(properties);
  const metadata = asObject(fields['metadata']);
  const metadataFields = asObject(metadata['properties']);
  const apiVersion = API_VERSIONS[version];
  return {
    // The header first, so that the file says what it is in its first lines.
    $schema,
    // A URN after the file's path: the file is served wherever the app is hosted, so no URL names it everywhere.
    $id: `urn:minicluster-studio:${schemaFilePath(version).replace(/\.json$/, '').replaceAll('/', ':')}`,
    title: `${KIND} (${apiVersion})`,
    description: `${String(description)} Fields not listed here are accepted, as the API server drops them; the operator's rules beyond types and required fields are checked by MiniCluster Studio and minicluster-gen.`,
    ...rest,
    properties: {
      ...fields,
      metadata: {
        ...metadata,
        properties: { ...metadataFields, name: { ...asObject(metadataFields['name']), minLength: 1 } },
        required: ['name'],
      },
    },
  };
}

/** The file's text: two-space JSON in the schema's own key order, ending with a newline. */
export function schemaFileText(version: MiniClusterVersion): string {
  return `${JSON.stringify(schemaDocument(version), null, 2)}\n`;
}
