/**
 * JSON Schema of a v1alpha1 MiniCluster for the editor, derived from the zod definition
 * (`io: 'input'`: defaulted fields are optional and carry `default`).
 */
import { z } from 'zod';
import { v1alpha1Schema } from './schema.ts';

let cached: Record<string, unknown> | undefined;

export function v1alpha1JsonSchema(): Record<string, unknown> {
  cached ??= z.toJSONSchema(v1alpha1Schema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return cached;
}
