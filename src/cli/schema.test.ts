/**
 * `minicluster-gen --schema VERSION`: the JSON Schema file the static build serves, on standard
 * output, byte for byte (the build's side is scripts/schemaFilesPlugin.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSIONS, schemaFileText } from '../core/schemaFile.ts';
import { fixturePath } from '../core/testing/fixtures.ts';
import { HELP_HINT, USAGE } from './args.ts';
import { runInProcess as run } from './runInProcess.test-util.ts';

const sodium = vi.hoisted(() => ({ loaded: false }));
vi.mock('libsodium-wrappers', () => {
  sodium.loaded = true;
  return { default: {} };
});

describe('minicluster-gen --schema', () => {
  it.each(SCHEMA_VERSIONS)('--schema %s prints the served file, and nothing else, without loading libsodium', async (version) => {
    expect(await run(['--schema', version])).toMatchObject({ code: 0, stdout: schemaFileText(version), stderr: '' });
    expect(await run([`--schema=${version}`])).toMatchObject({ code: 0, stdout: schemaFileText(version), stderr: '' });
    expect(sodium.loaded).toBe(false);
  });

  it('reads no spec: an input beside it is a usage fault, not silently left unread', async () => {
    const r = await run(['--schema', 'v1alpha1', '-f', fixturePath('v1alpha2', 'no-such-file')]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.first).toBe('minicluster-gen: --schema prints a schema and reads no spec: drop the inputs, or drop --schema');
  });

  it.each([
    [['--schema', 'v1beta1'], 'minicluster-gen: --schema takes v1alpha2 or v1alpha1, not "v1beta1"'],
    [['--schema', 'flux-framework.org/v1alpha2'], 'minicluster-gen: --schema takes v1alpha2 or v1alpha1, not "flux-framework.org/v1alpha2"'],
    [['--schema='], 'minicluster-gen: --schema takes v1alpha2 or v1alpha1, not ""'],
    [['--schema'], 'minicluster-gen: flag --schema needs a value'],
  ])('%j is a usage fault of one line', async (args, line) => {
    expect(await run(args)).toMatchObject({ code: 2, stdout: '', stderr: `${line}\n${HELP_HINT}\n` });
  });

  it('is in the usage', () => {
    expect(USAGE).toMatch(/\n {2}--schema VERSION {2,}print the JSON Schema of a MiniCluster API \(v1alpha2 or v1alpha1\)/);
  });

  const BIN = fileURLToPath(new URL('../../bin/minicluster-gen.js', import.meta.url));
  it('the bundled CLI prints the same bytes', () => {
    expect(existsSync(fileURLToPath(new URL('../../dist-cli/minicluster-gen.cjs', import.meta.url))), 'the CLI is not built: run `npm run build:cli` first').toBe(true);
    for (const version of SCHEMA_VERSIONS) {
      const r = spawnSync(process.execPath, [BIN, '--schema', version], { encoding: 'utf8', timeout: 20_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(schemaFileText(version));
    }
  });
});
