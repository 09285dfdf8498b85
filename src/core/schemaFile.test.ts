/**
 * The served JSON Schema files against our own analysis: ajv (draft-07, as kubeconform and VS Code
 * read the files) must accept a MiniCluster exactly when the analysis finds no schema error in it.
 * Both see the data our parser made of the text (YAML 1.1, as Kubernetes reads it).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { MiniClusterVersion } from './common/apiVersions.ts';
import type { Diagnostic } from './diagnostics.ts';
import { analyzeFile } from './fileAnalysis.ts';
import { parseSpecText } from './parse/index.ts';
import { schemaDocument, schemaFilePath, schemaFileText, SCHEMA_VERSIONS } from './schemaFile.ts';
import { describeCorpus } from './testing/corpusSuite.ts';
import { fixtures, type Example } from './testing/fixtures.ts';
import { v1alpha1Examples, v1alpha2Examples } from './testing/upstream.ts';

const validators = new Map<MiniClusterVersion, ValidateFunction>();

/** Strict ajv: a keyword draft-07 does not know, or a type that contradicts itself, fails to compile. */
function validatorFor(version: MiniClusterVersion): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(schemaFileText(version)) as object);
    validators.set(version, validate);
  }
  return validate;
}

/**
 * The errors the schema file stands for: the schema's own, and the document's identity (apiVersion,
 * kind, a name), which the analysis checks first. The rule about what a name may be (code `name` at
 * metadata.name) is the operator's, not the schema's.
 */
function isSchemaError(d: Diagnostic): boolean {
  if (d.severity !== 'error') return false;
  if (d.code === 'name') return d.path !== 'metadata.name';
  return ['schema', 'api-version', 'kind', 'generate-name'].includes(d.code);
}

interface Verdict {
  where: string;
  analysis: string[];
  ajv: string[];
}

/**
 * Each MiniCluster of a file, as the analysis and ajv see it. A document our parser refuses (an
 * infinity, which JSON cannot hold) has no data to validate, and no verdict.
 */
function verdicts(name: string, text: string): Verdict[] {
  const file = analyzeFile(text);
  return file.specs.flatMap((spec) => {
    const parsed = parseSpecText(text.slice(spec.document.start, spec.document.end) || text);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return [];
    const value = parsed.value as Record<string, unknown>;
    const version: MiniClusterVersion = value['apiVersion'] === 'flux-framework.org/v1alpha1' ? 'v1alpha1' : 'v1alpha2';
    const validate = validatorFor(version);
    const ajv = validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    const analysis = spec.analysis.diagnostics.filter(isSchemaError).map((d) => `${d.path}: ${d.message}`);
    return [{ where: `${name} (line ${spec.document.line})`, analysis, ajv }];
  });
}

/** verdicts() of a file all of whose MiniClusters parse. */
function verdictsOfAll(name: string, text: string): Verdict[] {
  const all = verdicts(name, text);
  expect(all, `${name}: every MiniCluster parses`).toHaveLength(analyzeFile(text).specs.length);
  return all;
}

const disagreements = (all: Verdict[]) => all.filter((v) => (v.analysis.length === 0) !== (v.ajv.length === 0));

describe('schemaFile', () => {
  it('places each file where kubeconform looks: GROUP/KIND_VERSION.json, the kind in lower case', () => {
    // kubeconform's template variables, computed as it does from apiVersion and kind.
    const location = (apiVersion: string, kind: string) => {
      const [group, version] = apiVersion.split('/') as [string, string];
      return '{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json'.replace('{{.Group}}', group).replace('{{.ResourceKind}}', kind.toLowerCase()).replace('{{.ResourceAPIVersion}}', version);
    };
    expect(schemaFilePath('v1alpha2')).toBe(`schemas/${location('flux-framework.org/v1alpha2', 'MiniCluster')}`);
    expect(schemaFilePath('v1alpha1')).toBe('schemas/flux-framework.org/minicluster_v1alpha1.json');
  });

  it.each(SCHEMA_VERSIONS)('%s: a standalone draft-07 document, named, as two-space JSON ending with one newline', (version) => {
    const text = schemaFileText(version);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    const document = JSON.parse(text) as Record<string, unknown>;
    expect(document).toEqual(schemaDocument(version));
    expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(Object.keys(document).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(document['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(document['title']).toBe(`MiniCluster (flux-framework.org/${version})`);
    expect(document['$id']).toBe(`urn:minicluster-studio:schemas:flux-framework.org:minicluster_${version}`);
    expect(() => validatorFor(version)).not.toThrow();
  });
});

describe.each(SCHEMA_VERSIONS)('the %s schema file and the analysis', (version) => {
  it('agree on every fixture', () => {
    const all = fixtures(version).flatMap((f: Example) => verdictsOfAll(f.name, f.text));
    expect(all.length).toBeGreaterThan(10);
    expect(disagreements(all)).toEqual([]);
  });

  it('accept a MiniCluster as the API server returns it (kubeconform validates whole objects)', () => {
    const text = `apiVersion: flux-framework.org/${version}
kind: MiniCluster
metadata:
  name: flux-sample
  namespace: default
  uid: 6f1c2a2e-0d1b-4c55-9a53-9c1f0f3b1d2e
  resourceVersion: "4711"
  generation: 2
  creationTimestamp: "2026-01-02T03:04:05Z"
  labels: {app: flux}
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{}'
  finalizers: [example.org/keep]
  managedFields:
    - manager: kubectl
      operation: Apply
spec:
  size: 2
  containers:
    - image: ubuntu
      command: hostname
status:
  jobid: "1"
`;
    const [verdict] = verdictsOfAll('kubectl get', text);
    expect(verdict).toMatchObject({ analysis: [], ajv: [] });
  });
});

describeCorpus('the schema files and the analysis on the upstream examples', () => {
  it.each([
    ['v1alpha2', v1alpha2Examples],
    ['v1alpha1', v1alpha1Examples],
  ] as const)('agree on every %s example', (_version, examples) => {
    const all = examples().flatMap((e) => verdictsOfAll(e.name, e.text));
    expect(all.length).toBeGreaterThan(50);
    expect(disagreements(all)).toEqual([]);
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every node below the root, with the path pattern (indexes and map keys as *) it stands for. */
function nodes(value: Json, path: Path = [], pattern = ''): { path: Path; pattern: string; node: Json }[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    const childPattern = `${pattern}/${typeof key === 'number' ? '*' : key}`;
    return [{ path: [...path, key], pattern: childPattern, node: child }, ...nodes(child, [...path, key], childPattern)];
  });
}

/** The value with the node at `path` replaced by `change(node)`; undefined deletes it. */
function changed(value: Json, path: Path, change: (node: Json) => Json | undefined): Json {
  const copy = structuredClone(value);
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, copy) as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  const next = change(parent[last] as Json);
  if (next !== undefined) parent[last] = next;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/** Mutations of one node: other types, null, out-of-range numbers, text YAML 1.1 reads as a boolean, a missing field, an unknown field. */
const MUTATIONS: Record<string, (node: Json) => Json | undefined> = {
  'another type': (node) => (typeof node === 'string' ? 7 : typeof node === 'number' ? 'seven' : typeof node === 'boolean' ? 'maybe' : Array.isArray(node) ? { key: 'value' } : node === null ? 'text' : ['item']),
  null: () => null,
  deleted: () => undefined,
  'a fraction': (node) => (typeof node === 'number' ? 1.5 : node),
  'past int32': (node) => (typeof node === 'number' ? 2 ** 31 : node),
  negative: (node) => (typeof node === 'number' ? -1 : node),
  'empty text': (node) => (typeof node === 'string' ? '' : node),
  '"yes" unquoted': (node) => (typeof node === 'string' ? 'yes' : node),
  'an unknown field': (node) => (node !== null && typeof node === 'object' && !Array.isArray(node) ? { ...node, notAField: 'x' } : node),
};

describe.each(SCHEMA_VERSIONS)('the %s schema file and the analysis on mutated fixtures', (version) => {
  it('agree on each mutation, and both accept and refuse some', () => {
    const seen = new Set<string>();
    const all: Verdict[] = [];
    for (const fixture of fixtures(version)) {
      for (const spec of analyzeFile(fixture.text).specs) {
        const text = fixture.text.slice(spec.document.start, spec.document.end) || fixture.text;
        const base = parseSpecText(text).value as Json;
        for (const { path, pattern, node } of nodes(base)) {
          for (const [label, mutation] of Object.entries(MUTATIONS)) {
            const next = mutation(node);
            const key = `${pattern} ${label}`;
            if ((next === node && label !== 'deleted') || seen.has(key)) continue;
            seen.add(key);
            all.push(...verdicts(`${fixture.name} ${path.join('.')} ${label}`, stringify(changed(base, path, mutation))));
          }
        }
      }
    }
    const accepted = all.filter((v) => v.ajv.length === 0).length;
    expect(accepted).toBeGreaterThan(100);
    expect(all.length - accepted).toBeGreaterThan(100);
    expect(disagreements(all)).toEqual([]);
  });
});

describe.each(SCHEMA_VERSIONS)('the %s schema file and the analysis on scalars YAML 1.1 reads its own way', (version) => {
  // Raw scalars as written in a file: booleans, octal, sexagesimal and timestamps of YAML 1.1,
  // infinities, numbers past what JavaScript holds exactly, and an empty value.
  const SCALARS = ['yes', 'Off', '~', '', '0755', '0x1F', '1:20', '1_000', '2024-01-01', '1e3', '1.0', '.inf', '-.Inf', '.nan', '12345678901234567890', "'4'", '"true"', '[]', '{}'];
  const FIELDS: Record<string, string> = {
    'a number': 'spec:\n  size: SCALAR',
    'a whole number of a record': 'spec:\n  containers:\n    - image: ubuntu\n      command: hostname\n      ports: [SCALAR]',
    'a boolean': 'spec:\n  interactive: SCALAR',
    'a text': 'spec:\n  containers:\n    - image: SCALAR',
    'a text of a map': 'spec:\n  containers:\n    - image: ubuntu\n      environment:\n        NAME: SCALAR',
    'a quantity': 'spec:\n  containers:\n    - image: ubuntu\n      resources:\n        limits:\n          cpu: SCALAR',
    'a name': 'spec:\n  containers:\n    - image: ubuntu',
  };

  it.each(Object.entries(FIELDS))('agree on every scalar as %s', (_what, spec) => {
    const all = SCALARS.flatMap((scalar) => {
      const body = spec.includes('SCALAR') ? spec.replace('SCALAR', scalar) : spec;
      const name = spec.includes('SCALAR') ? 'flux-sample' : scalar;
      return verdicts(`${scalar}: ${body}`, `apiVersion: flux-framework.org/${version}\nkind: MiniCluster\nmetadata:\n  name: ${name}\n${body}\n`);
    });
    // Only the infinities and the not-a-number have no JSON form.
    expect(all).toHaveLength(SCALARS.length - 3);
    expect(disagreements(all)).toEqual([]);
  });
});
