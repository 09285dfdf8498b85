/**
 * What the built CLI starts for a run: --help, --version and --schema answer without the core (no
 * zod, no schema built), a run without keypairs (--check) without node:crypto, and a run that
 * writes objects with both; the answers are the same bytes as runCli's. A preloaded module says
 * at exit whether zod made its global registry and whether node:crypto was loaded.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CURVE_PAIRS } from '../core/curve/vectors.test-data.ts';
import { formatCurveCert } from '../core/curve/zcert.ts';
import { fixturePath } from '../core/testing/fixtures.ts';
import { OPTIMISATION_BUDGET } from './optimisationBudget.ts';
import { BIN, runInProcess } from './runInProcess.test-util.ts';

const BUILT = fileURLToPath(new URL('../../dist-cli/minicluster-gen.cjs', import.meta.url));
const HELLO = fixturePath('v1alpha2', 'hello-world');

const PROBE = join(mkdtempSync(join(tmpdir(), 'mcg-lazy-')), 'probe.cjs');
writeFileSync(
  PROBE,
  `process.on('exit', () => process._rawDebug('STARTED ' + JSON.stringify({
  zod: globalThis.__zod_globalRegistry !== undefined,
  crypto: process.moduleLoadList.includes('NativeModule crypto'),
  fsPromises: process.moduleLoadList.includes('NativeModule internal/fs/promises'),
  webCrypto: process.moduleLoadList.includes('NativeModule internal/crypto/webcrypto'),
  outputStream: ['NativeModule net', 'NativeModule internal/fs/sync_write_stream', 'NativeModule tty'].some((m) => process.moduleLoadList.includes(m)),
})));\n`,
);

interface Started {
  status: number | null;
  stdout: string;
  zod: boolean;
  crypto: boolean;
  fsPromises: boolean;
  webCrypto: boolean;
  outputStream: boolean;
}

function started(args: string[]): Started {
  const r = spawnSync(process.execPath, ['--require', PROBE, BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  const line = r.stderr.split('\n').find((l) => l.startsWith('STARTED ')) ?? '';
  return { status: r.status, stdout: r.stdout, ...(JSON.parse(line.slice('STARTED '.length)) as Omit<Started, 'status' | 'stdout'>) };
}

describe('what the built CLI starts', () => {
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('The CLI is not built: run `npm run build:cli` first.');
  });
  it.each([[['--help']], [['-h']], [['--version']], [['--schema', 'v1alpha2']], [['--schema=v1alpha1']]])(
    '%j answers without the core, with the bytes runCli prints',
    async (args) => {
      const r = started(args);
      expect(r.status).toBe(0);
      expect(r.zod).toBe(false);
      expect(r.crypto).toBe(false);
      expect(r.stdout).toBe((await runInProcess(args)).stdout);
    },
  );

  it('--check starts the core but makes no keypair, so node:crypto stays unloaded', () => {
    const r = started(['--check', HELLO]);
    expect(r.status).toBe(0);
    expect(r.zod).toBe(true);
    expect(r.crypto).toBe(false);
  });

  it('writing objects starts both, and a run that walks no folder leaves fs/promises unloaded', () => {
    const r = started(['-f', HELLO]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^kind: Job$/m);
    expect(r.zod).toBe(true);
    expect(r.crypto).toBe(true);
    expect(r.fsPromises).toBe(false);
  });

  // The core's certificate check would build noble's Edwards curve, which probes WebCrypto as it
  // loads; the CLI's build gives it Node's X25519 instead (nodePublicKey.ts).
  it('neither writing objects nor checking a --curve-cert loads WebCrypto', () => {
    const cert = join(mkdtempSync(join(tmpdir(), 'mcg-lazy-cert-')), 'curve.cert');
    writeFileSync(cert, formatCurveCert({ name: 'flux', hostname: 'flux-sample-0', publicKey: CURVE_PAIRS[0]!.public, secretKey: CURVE_PAIRS[0]!.secret }));
    for (const args of [['-f', HELLO], ['--check', HELLO, '--curve-cert', cert]]) {
      const r = started(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.webCrypto, args.join(' ')).toBe(false);
    }
  });

  // Its output and diagnostics go to their descriptors: Node's stream for a pipe loads the
  // network modules (standardOutput.ts).
  it('writing objects and diagnostics to pipes makes no output stream', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'mcg-lazy-bad-')), 'bad.yaml');
    writeFileSync(bad, 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata: {name: x}\nspec: {size: -1}\n');
    const good = started(['-f', HELLO]);
    expect(good.stdout).toMatch(/^kind: Job$/m);
    expect(good.outputStream).toBe(false);
    const problems = started(['-f', bad]);
    expect(problems.status).toBe(1);
    expect(problems.outputStream).toBe(false);
  });

  it('a folder given as input is walked (with fs/promises)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mcg-lazy-folder-'));
    copyFileSync(HELLO, join(folder, 'spec.yaml'));
    const r = started(['--check', folder]);
    expect(r.status).toBe(0);
    expect(r.fsPromises).toBe(true);
  });

  it('--help among other flags, or a usage fault, still goes through the whole CLI', async () => {
    for (const args of [['--help', '-f', HELLO], ['--help', '--no-such-flag']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
      const inProcess = await runInProcess(args);
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr });
    }
  });
});

describe("V8's budget for optimising the CLI's code", () => {
  const probe = join(mkdtempSync(join(tmpdir(), 'mcg-flags-')), 'flags.cjs');
  writeFileSync(
    probe,
    `const seen = [];
const get = process.getBuiltinModule;
process.getBuiltinModule = function (id) {
  const module = get.call(this, id);
  if (id !== 'node:v8' && id !== 'v8') return module;
  return { ...module, setFlagsFromString: (flags) => { seen.push(flags); return module.setFlagsFromString(flags); } };
};
process.on('exit', () => process._rawDebug('FLAGS ' + JSON.stringify(seen)));\n`,
  );
  const flagsOf = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--require', probe, BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^kind: Job$/m);
    return JSON.parse(r.stderr.split('\n').find((l) => l.startsWith('FLAGS '))?.slice('FLAGS '.length) ?? 'null') as string[];
  };

  it('is raised above V8\'s default for a run of several inputs (bench:cli measures why)', () => {
    const flags = flagsOf(['-f', HELLO, '-f', fixturePath('v1alpha2', 'batch')]);
    expect(flags).toEqual([`--interrupt-budget=${OPTIMISATION_BUDGET}`]);
    // Raised, not lowered: V8's own default, as this Node states it.
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    const fallback = /--interrupt-budget=(\d+)/.exec(options.slice(options.indexOf('--interrupt-budget ')))?.[1];
    expect(Number(fallback)).toBeGreaterThan(0);
    expect(OPTIMISATION_BUDGET).toBeGreaterThan(Number(fallback));
  });

  it('is left as it is for a run of one input, which ends before it would matter', () => {
    expect(flagsOf(['-f', HELLO])).toEqual([]);
  });
});
