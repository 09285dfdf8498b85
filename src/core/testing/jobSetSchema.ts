/**
 * Validates a generated JobSet (and, through `crdValidator`, any custom resource such as a
 * PodGroup) against its CRD's `openAPIV3Schema` (from the upstream corpus;
 * the CRD is not copied into the repository) with Ajv. The schema is OpenAPI v3's subset of JSON
 * Schema plus `x-kubernetes-*` annotations: those and the int32/int64 formats are declared to Ajv
 * so that it checks the structure the API server checks; CEL rules (`x-kubernetes-validations`)
 * are not evaluated. The API server drops fields a CRD does not declare without a word; here an
 * undeclared field is an error, so that none of ours is lost that way.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import type { Manifest } from '../common/kobject.ts';

const cache = new Map<string, ValidateFunction>();

/** The schema with every declared object closed to fields it does not list (what pruning would drop). */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'enum' || key === 'required' ? value : closed(value)]));
  if (out['properties'] && out['additionalProperties'] === undefined && !out['x-kubernetes-preserve-unknown-fields']) out['additionalProperties'] = false;
  return out;
}

/** A validator of the CRD's `openAPIV3Schema` for one of the versions it serves (the JobSet's v1alpha2 by default). */
export function crdValidator(crdPath: string, versionName = 'v1alpha2'): ValidateFunction {
  const cacheKey = `${crdPath}#${versionName}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const crd = parse(readFileSync(crdPath, 'utf8')) as { spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: object } }> } };
  const version = crd.spec.versions.find((v) => v.name === versionName);
  if (!version) throw new Error(`${crdPath} serves no ${versionName}`);
  // strictTypes off: int-or-string fields carry `pattern` with no `type`, as Kubernetes writes them.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  for (const keyword of ['x-kubernetes-list-map-keys', 'x-kubernetes-int-or-string', 'x-kubernetes-map-type', 'x-kubernetes-list-type', 'x-kubernetes-validations', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource']) {
    ajv.addKeyword(keyword);
  }
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(closed(version.schema.openAPIV3Schema) as AnySchema);
  cache.set(cacheKey, validate);
  return validate;
}

/** Throws with Ajv's messages (path and reason) when the JobSet does not validate. */
export function validateAgainstJobSetCrd(jobSet: Manifest, crdPath: string): void {
  const validate = crdValidator(crdPath);
  if (!validate(structuredClone(jobSet))) {
    throw new Error(`JobSet ${jobSet.metadata.name} does not match the JobSet CRD:\n${(validate.errors ?? []).map((e) => `  ${e.instancePath || '/'} ${e.message ?? ''}`).join('\n')}`);
  }
}
