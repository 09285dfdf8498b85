/**
 * JSON Schema of a MiniCluster for the editor (monaco-yaml), derived from the zod definition.
 * `io: 'input'` describes what a user writes: defaulted fields are optional and carry `default`.
 */
import * as z from 'zod';
import { miniClusterSchema } from './schema.ts';

let cached: Record<string, unknown> | undefined;

export function miniClusterJsonSchema(): Record<string, unknown> {
  cached ??= z.toJSONSchema(miniClusterSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return cached;
}
