/**
 * The built CLI's code cache (bin/minicluster-gen.js, `dist-cli/minicluster-gen.cjs.cache`): a run
 * uses a cache that fits the script and leaves it alone, and a cache that is missing, damaged, of
 * another script or turned down by V8 is not used: the output is the same, and the run writes a
 * good one when it can. Each test runs a copy of the installed files in a folder of its own.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../core/testing/fixtures.ts';
import { runInProcess } from './runInProcess.test-util.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = join(ROOT, 'dist-cli', 'minicluster-gen.cjs');
// A spec with its own certificate: its output has no new keys, so two runs print the same bytes.
const SPEC = fixturePath('v1alpha2', 'user-certificate');
const TIMEOUT_MS = 20_000;
const HEADER_BYTES = 12;

interface Install {
  bin: string;
  script: string;
  cache: string;
  dir: string;
}

/** A copy of bin/ and dist-cli/ as an install has them (dist-cli with or without its cache). */
function install(withCache: boolean): Install {
  const root = mkdtempSync(join(tmpdir(), 'mcg-cache-'));
  chmodSync(root, 0o755);
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'dist-cli'));
  copyFileSync(join(ROOT, 'bin', 'minicluster-gen.js'), join(root, 'bin', 'minicluster-gen.js'));
  copyFileSync(join(ROOT, 'bin', 'package.json'), join(root, 'bin', 'package.json'));
  copyFileSync(BUILT, join(root, 'dist-cli', 'minicluster-gen.cjs'));
  if (withCache) copyFileSync(`${BUILT}.cache`, join(root, 'dist-cli', 'minicluster-gen.cjs.cache'));
  return {
    bin: join(root, 'bin', 'minicluster-gen.js'),
    script: join(root, 'dist-cli', 'minicluster-gen.cjs'),
    cache: join(root, 'dist-cli', 'minicluster-gen.cjs.cache'),
    dir: join(root, 'dist-cli'),
  };
}

/** The CLI as a process, without the test runner's NODE_OPTIONS (other V8 flags turn a cache down). */
function run(target: Install, args: string[], options: { nodeFlags?: string[]; uid?: number; gid?: number } = {}): SpawnSyncReturns<string> {
  const { NODE_OPTIONS: _, ...env } = process.env;
  return spawnSync(process.execPath, [...(options.nodeFlags ?? []), target.bin, ...args], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    env,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
}

/** The cache file's own checks: its tag, the CRC-32 of the script it was made for and of its data. */
function cacheFits(target: Install): boolean {
  const file = readFileSync(target.cache);
  return (
    file.length > HEADER_BYTES &&
    file.toString('latin1', 0, 4) === 'MCC1' &&
    file.readUInt32LE(4) === crc32(readFileSync(target.script)) &&
    file.readUInt32LE(8) === crc32(file.subarray(HEADER_BYTES))
  );
}

const written = (path: string) => {
  const stat = statSync(path);
  return `${stat.ino}:${stat.mtimeMs}`;
};

describe('the code cache of the built CLI', () => {
  let expected: string;
  beforeAll(async () => {
    // A test that skipped itself without the build hid a broken check once: it fails instead.
    if (!existsSync(BUILT)) throw new Error('The CLI is not built: run `npm run build:cli` first.');
    const inProcess = await runInProcess(['-f', SPEC]);
    expect(inProcess.code).toBe(0);
    expected = inProcess.stdout;
  });

  it('is built with the script, fits it, and a run uses it without writing it again', () => {
    const target = install(true);
    expect(cacheFits(target)).toBe(true);
    const before = written(target.cache);
    const r = run(target, ['-f', SPEC]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(r.stderr).toBe('');
    // Only a cache that was not used is written again.
    expect(written(target.cache)).toBe(before);
  });

  it('a run without a cache makes one, and the next run uses it', () => {
    const target = install(false);
    const first = run(target, ['-f', SPEC]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe(expected);
    expect(cacheFits(target)).toBe(true);
    const made = written(target.cache);
    const second = run(target, ['-f', SPEC]);
    expect(second.stdout).toBe(expected);
    expect(written(target.cache)).toBe(made);
    expect(readdirSync(target.dir).sort()).toEqual(['minicluster-gen.cjs', 'minicluster-gen.cjs.cache']);
  });

  it.each([
    ['a byte of its data changed', (file: Buffer) => file.map((byte, i) => (i === HEADER_BYTES + (file.length >> 1) ? byte ^ 0xff : byte))],
    ['cut short', (file: Buffer) => file.subarray(0, file.length >> 1)],
    ['only a header', (file: Buffer) => file.subarray(0, HEADER_BYTES)],
    ['not a cache at all', () => Buffer.from('not a code cache\n')],
  ])('a damaged cache (%s) is not used: the output is right, and a good cache replaces it', (_, damage) => {
    const target = install(true);
    writeFileSync(target.cache, damage(readFileSync(target.cache)));
    expect(cacheFits(target)).toBe(false);
    const r = run(target, ['-f', SPEC]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(r.stderr).toBe('');
    expect(cacheFits(target)).toBe(true);
  });

  it('a cache made for another script of the same length is not used, and is replaced by one for this script', () => {
    const target = install(true);
    const oldCache = readFileSync(target.cache);
    // Another build of the script, of the same length (V8's own check of the source is its
    // length): the usage says "USAGE". Code from the old cache would still print "Usage".
    const script = readFileSync(target.script, 'latin1');
    expect(script.split('Usage: minicluster-gen').length).toBe(2);
    writeFileSync(target.script, script.replace('Usage: minicluster-gen', 'USAGE: minicluster-gen'), 'latin1');
    const r = run(target, ['--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^USAGE: minicluster-gen/);
    expect(readFileSync(target.cache).equals(oldCache)).toBe(false);
    expect(cacheFits(target)).toBe(true);
    expect(run(target, ['-f', SPEC]).stdout).toBe(expected);
  });

  it('a cache that V8 turns down (made with other V8 flags) is replaced, and the output is right', () => {
    const target = install(true);
    const before = written(target.cache);
    const flagged = run(target, ['-f', SPEC], { nodeFlags: ['--no-flush-bytecode'] });
    expect(flagged.status, flagged.stderr).toBe(0);
    expect(flagged.stdout).toBe(expected);
    // V8 checks a hash of its flags: the cache was turned down, so the run wrote its own.
    expect(written(target.cache)).not.toBe(before);
    expect(cacheFits(target)).toBe(true);
  });

  // Root writes anywhere, so as root the CLI runs as nobody for this test.
  it.runIf(process.platform === 'linux')('a read-only install runs, with its cache or without one, and writes nothing', () => {
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const withCache of [true, false]) {
      const target = install(withCache);
      for (const file of readdirSync(target.dir)) chmodSync(join(target.dir, file), 0o444);
      chmodSync(target.dir, 0o555);
      const before = readdirSync(target.dir).sort();
      const r = run(target, ['-f', SPEC], asUser);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected);
      expect(r.stderr).toBe('');
      expect(readdirSync(target.dir).sort()).toEqual(before);
    }
  });
});
