/** The JSON Schema the editor gets for the spec's API version, once the schemas are wanted and loaded. */
import { useEffect, useMemo, useState } from 'react';
import type { MiniClusterVersion } from '../../core/page.ts';
import { loadEditorSchemas, onlyForMiniClusters, schemaForVersion, type EditorSchemas, type JsonSchema } from './schemas.ts';

const EMPTY_SCHEMA: JsonSchema = {};

export function useEditorSchema(wanted: boolean, version: MiniClusterVersion | undefined): JsonSchema {
  const [schemas, setSchemas] = useState<EditorSchemas>();
  useEffect(() => {
    if (wanted) void loadEditorSchemas().then(setSchemas);
  }, [wanted]);
  // The same object between renders, as the editor asks.
  return useMemo(() => (schemas ? onlyForMiniClusters(schemaForVersion(schemas, version)) : EMPTY_SCHEMA), [schemas, version]);
}
