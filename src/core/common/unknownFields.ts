/**
 * Fields the operator silently ignores. The API server drops unknown fields; we keep quiet about
 * nothing and say what the field was probably meant to be.
 */
import type { PathSegment } from '../diagnostics.ts';
import { quote } from './quoteText.ts';

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  type?: string | string[];
};

/** Hints for fields of the older API and common slips, keyed by the path with indexes and map keys as `*`. */
const HINTS: Record<string, string> = {
  'spec.volumes': 'spec.volumes is a v1alpha1 field; in v1alpha2 declare volumes per container under containers[].volumes.',
  'spec.containers.*.existingVolumes': 'existingVolumes is a v1alpha1 field; in v1alpha2 use volumes with claimName, hostPath, secretName or configMapName.',
  'spec.services.*.existingVolumes': 'existingVolumes is a v1alpha1 field; in v1alpha2 use volumes with claimName, hostPath, secretName or configMapName.',
  'spec.containers.*.securityContext.addCapabilities': 'addCapabilities is a v1alpha1 field; write securityContext.capabilities.add instead.',
  'spec.containers.*.fluxOptionFlags': 'fluxOptionFlags is a v1alpha1 field; write spec.flux.optionFlags instead.',
  'spec.containers.*.cores': 'cores is a v1alpha1 field; use spec.tasks and container resources instead.',
  'spec.containers.*.fluxLogLevel': 'fluxLogLevel is a v1alpha1 field; write spec.flux.logLevel instead.',
  'spec.containers.*.preCommand': 'preCommand is a v1alpha1 field; write commands.pre instead.',
  'spec.containers.*.diagnostics': 'diagnostics is a v1alpha1 field with no equivalent in v1alpha2.',
  'spec.fluxRestful': 'fluxRestful is a v1alpha1 field; in v1alpha2 run the RESTful server as a sidecar container.',
  'spec.users': 'users is a v1alpha1 field with no equivalent in v1alpha2.',
  'spec.flux.curveCertSecret': 'curveCertSecret does not exist in v1alpha2; put the certificate text in spec.flux.curveCert.',
  'spec.flux.installRoot': 'installRoot is a v1alpha1 field; in v1alpha2 set spec.flux.container.mountPath.',
};

export interface UnknownField {
  path: PathSegment[];
  message: string;
}

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.anyOf) return schema;
  return schema.anyOf.find((s) => s.properties || s.additionalProperties || s.items) ?? schema;
}

/** `hints`: messages by field pattern (see HINTS); the v1alpha2 ones by default. */
export function findUnknownFields(value: unknown, schema: JsonSchema, hints: Record<string, string> = HINTS): UnknownField[] {
  const out: UnknownField[] = [];
  const walk = (node: unknown, s: JsonSchema | undefined, path: PathSegment[], pattern: string) => {
    s = resolve(s);
    if (!s || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      if (s.items) node.forEach((item, i) => walk(item, s.items, [...path, i], `${pattern}.*`));
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, key];
      const known = s.properties && Object.hasOwn(s.properties, key) ? s.properties[key] : undefined;
      if (known) walk(child, known, childPath, pattern === '' ? key : `${pattern}.${key}`);
      else if (typeof s.additionalProperties === 'object') walk(child, s.additionalProperties, childPath, `${pattern}.*`);
      else if (s.properties) {
        const where = pattern === '' ? key : `${pattern}.${key}`;
        out.push({
          path: childPath,
          message: (Object.hasOwn(hints, where) ? hints[where] : undefined) ?? `Unknown field ${quote(key)}: the operator ignores it. Check the spelling (field names are case-sensitive).`,
        });
      }
    }
  };
  walk(value, schema, [], '');
  return out;
}
