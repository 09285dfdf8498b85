/**
 * JSON Schema of a v1alpha1 MiniCluster for the editor, derived from the zod definition
 * (`io: 'input'`: defaulted fields are optional and carry `default`).
 */
import * as z from 'zod';
import { v1alpha1MiniClusterSchema } from './schema.ts';

let cached: Record<string, unknown> | undefined;

export function miniClusterJsonSchema(): Record<string, unknown> {
  cached ??= z.toJSONSchema(v1alpha1MiniClusterSchema(), { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return cached;
}
