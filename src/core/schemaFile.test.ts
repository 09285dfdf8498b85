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

/** Each MiniCluster of a file, as the analysis and ajv see it. */
function verdicts(name: string, text: string): Verdict[] {
  const file = analyzeFile(text);
  return file.specs.map((spec) => {
    const own = file.documents.length > 0 ? text.slice(spec.document.start, spec.document.end) : text;
    const parsed = parseSpecText(own);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error'), `${name}: the document parses`).toEqual([]);
    const value = parsed.value as Record<string, unknown>;
    const version: MiniClusterVersion = value['apiVersion'] === 'flux-framework.org/v1alpha1' ? 'v1alpha1' : 'v1alpha2';
    const validate = validatorFor(version);
    const ajv = validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    const analysis = spec.analysis.diagnostics.filter(isSchemaError).map((d) => `${d.path}: ${d.message}`);
    return { where: `${name} (line ${spec.document.line})`, analysis, ajv };
  });
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
    expect(document['$id']).not.toBe(schemaDocument(version === 'v1alpha2' ? 'v1alpha1' : 'v1alpha2')['$id']);
    expect(() => validatorFor(version)).not.toThrow();
  });
});

describe.each(SCHEMA_VERSIONS)('the %s schema file and the analysis', (version) => {
  it('agree on every fixture', () => {
    const all = fixtures(version).flatMap((f: Example) => verdicts(f.name, f.text));
    expect(all.length).toBeGreaterThan(10);
    expect(disagreements(all)).toEqual([]);
  });
});
