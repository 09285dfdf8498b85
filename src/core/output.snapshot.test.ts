/**
 * Generated output, held byte for byte: a SHA-256 digest of every output of every spec we know (our
 * fixtures and, when present, the upstream examples), in YAML and JSON, for each include letter on
 * its own and for all of them, with and without the server-filled fields, and of both JSON schemas.
 * A restructure or a refactor must leave every digest as it is; a change that means to alter the
 * output rewrites them with `UPDATE_OUTPUT_SNAPSHOT=1 npx vitest run src/core/output.snapshot.test.ts`
 * and the diff of `output.snapshot.json` shows which outputs it touched.
 *
 * Digests rather than the texts themselves, so that nothing of the upstream examples is copied into
 * the repository. Only the public façade (`index.ts`, `render/`) is used, so the test survives a
 * move of everything behind it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile, generateAny, INCLUDE_ORDER, v1alpha1, v1alpha2 } from './index.ts';
import { renderJson, renderYaml } from './render/index.ts';
import { corpus } from './testing/corpus.ts';
import { fixtures, type Example } from './testing/fixtures.ts';
import { TEST_KEYS } from './testing/testKeys.ts';
import { v1alpha1Examples, v1alpha2Examples } from './testing/upstream.ts';

const SNAPSHOT_FILE = fileURLToPath(new URL('./output.snapshot.json', import.meta.url));
const UPDATE = process.env['UPDATE_OUTPUT_SNAPSHOT'] === '1';

type Digests = Record<string, string>;
const stored: Digests = existsSync(SNAPSHOT_FILE) ? (JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Digests) : {};
const seen: Digests = {};

// 96 bits: enough to tell outputs apart, short enough to keep the file small.
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** '' (every letter), then each letter alone. */
const INCLUDES = ['', ...INCLUDE_ORDER];

/** Every output of one spec file, keyed by what produced it; an analysis with errors is its error codes. */
function outputsOf(text: string): Record<string, string> {
  const file = analyzeFile(text);
  const outputs: Record<string, string> = {};
  if (file.specs.length === 0) outputs['analysis'] = 'no MiniCluster';
  file.specs.forEach((spec, index) => {
    const resolved = spec.analysis.resolved;
    if (!resolved) {
      const codes = spec.analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path} ${d.line}:${d.column}`);
      outputs[`#${index} errors`] = codes.join('\n');
      return;
    }
    for (const include of INCLUDES) {
      for (const serverFields of [false, true]) {
        const manifests = generateAny(resolved, { include, serverFields, keys: TEST_KEYS });
        const variant = `#${index} -i ${include || 'all'}${serverFields ? ' server-fields' : ''}`;
        outputs[`${variant} yaml`] = renderYaml(manifests);
        outputs[`${variant} json`] = renderJson(manifests);
        if (include === '' && !serverFields) {
          outputs[`${variant} yaml sorted legacy`] = renderYaml(manifests, { keyOrder: 'sorted', legacySeparator: true });
        }
      }
    }
  });
  return outputs;
}

function checkAll(source: string, examples: readonly Example[]): void {
  for (const example of examples) {
    it(`${source}/${example.name}`, () => {
      const digests: Digests = {};
      for (const [variant, output] of Object.entries(outputsOf(example.text))) {
        digests[`${source}/${example.name} ${variant}`] = sha256(output);
      }
      Object.assign(seen, digests);
      if (UPDATE) return;
      const expected = Object.fromEntries(Object.keys({ ...digests, ...storedFor(`${source}/${example.name} `) }).map((key) => [key, stored[key]]));
      expect(digests).toEqual(expected);
    });
  }
}

const storedFor = (prefix: string): Digests => Object.fromEntries(Object.entries(stored).filter(([key]) => key.startsWith(prefix)));

describe('generated output matches output.snapshot.json', () => {
  it('has a snapshot to compare with', () => {
    expect(UPDATE || Object.keys(stored).length > 0).toBe(true);
  });

  it('the JSON schemas', () => {
    const digests = {
      'schema v1alpha2': sha256(JSON.stringify(v1alpha2.miniClusterJsonSchema(), null, 2)),
      'schema v1alpha1': sha256(JSON.stringify(v1alpha1.miniClusterJsonSchema(), null, 2)),
    };
    Object.assign(seen, digests);
    if (!UPDATE) expect(digests).toEqual({ 'schema v1alpha2': stored['schema v1alpha2'], 'schema v1alpha1': stored['schema v1alpha1'] });
  });

  checkAll('fixtures/v1alpha2', fixtures('v1alpha2'));
  checkAll('fixtures/v1alpha1', fixtures('v1alpha1'));
  // Empty lists without a corpus: the fixtures above still run.
  checkAll('upstream/v1alpha2', v1alpha2Examples());
  checkAll('upstream/v1alpha1', v1alpha1Examples());

  afterAll(() => {
    if (!UPDATE) return;
    // Without a corpus the upstream digests are kept as they are, not dropped.
    const kept = corpus ? {} : Object.fromEntries(Object.entries(stored).filter(([key]) => key.startsWith('upstream/')));
    const merged = { ...kept, ...seen };
    const sorted = Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
    writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(sorted, null, 1)}\n`);
  });
});
