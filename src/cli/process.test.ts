/**
 * The CLI as a process (bin/minicluster-gen.js, the bundle `npm run build:cli` makes): endless
 * devices and pipes, FIFOs, closed pipes, a full disk, folders of /proc and /sys. Every spawn has
 * a timeout, so a CLI that reads without end or spins fails the test instead of hanging the run.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../core/testing/fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/minicluster-gen.js', import.meta.url));
const HELLO = fixturePath('v1alpha2', 'hello-world');
const TIMEOUT_MS = 20_000;
const linux = process.platform === 'linux';
const HELP_HINT = "Run 'minicluster-gen --help' for usage.";
const STOPPED = 'The file is more than the limit of 1 MiB (1,048,576 bytes); a MiniCluster spec is normally a few KiB. Reading stopped at the limit.';

function cli(args: string[], options: { input?: string; uid?: number; gid?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, ...options });
}

/** A shell line with the CLI as "$CLI" (node and the bin, quoted). */
function shell(line: string): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-c', `CLI=("${process.execPath}" "${BIN}"); ${line}`], { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
}

const firstLine = (text: string) => text.split('\n')[0];

/** A file of `count` MiniClusters: some 400 KB of output, far more than a pipe holds (64 KiB). */
function bigFile(count = 30): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mcg-proc-')), 'big.yaml');
  const one = (i: number) => `---\napiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: c${i}\nspec:\n  size: 2\n  containers:\n    - image: ubuntu:noble\n`;
  writeFileSync(file, Array.from({ length: count }, (_, i) => one(i)).join(''));
  return file;
}

describe.runIf(existsSync('/dev/zero'))('the input limit in the real process', () => {
  it('-f /dev/zero and -f /dev/urandom stop at 1 MiB: one diagnostic, exit 1', () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const r = cli(['-f', device]);
      expect(r.signal, device).toBeNull();
      expect(r.status, device).toBe(1);
      expect(r.stderr).toBe(`${device}:1:1: (document): ${STOPPED}\nminicluster-gen: ${device}: 1 problem; nothing generated.\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('endless standard input (yes | minicluster-gen -f -, < /dev/zero) stops at the limit', () => {
    for (const line of ['yes | "${CLI[@]}" -f -; echo "status=${PIPESTATUS[1]}"', '"${CLI[@]}" -f - < /dev/zero; echo "status=$?"']) {
      const r = shell(line);
      expect(r.signal, line).toBeNull();
      expect(r.stdout, line).toBe('status=1\n');
      expect(firstLine(r.stderr), line).toBe(`<stdin>:1:1: (document): ${STOPPED}`);
    }
  });

  it('--curve-cert /dev/zero stops at its own limit', () => {
    const r = cli(['-f', HELLO, '--curve-cert', '/dev/zero']);
    expect(r.status).toBe(1);
    expect(firstLine(r.stderr)).toBe('/dev/zero:1:1: curve certificate: the file is more than 64 KiB, and a CURVE certificate is a few hundred bytes: give the certificate file (flux keygen writes one).');
  });

  it('reads a spec through a FIFO and through standard input', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'mcg-fifo-')), 'spec.fifo');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return;
    const child = spawn(process.execPath, [BIN, '-f', fifo, '-i', 's'], { timeout: TIMEOUT_MS });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    createWriteStream(fifo).end(readFileSync(HELLO));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^kind: Service$/m);
    const piped = cli(['-f', '-', '-i', 's'], { input: readFileSync(HELLO, 'utf8') });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toMatch(/^kind: Service$/m);
  });
});

describe('the process and its output', () => {
  it('a closed pipe (| head -1) ends quietly: no EPIPE trace, exit 0', () => {
    const big = bigFile();
    const r = shell(`"\${CLI[@]}" -f "${big}" 2>"${big}.err" | head -1; echo "status=\${PIPESTATUS[0]}"`);
    expect(r.stdout).toBe('---\nstatus=0\n');
    expect(readFileSync(`${big}.err`, 'utf8')).toBe('');
  });

  it.runIf(existsSync('/dev/full'))('a full disk on standard output: one line, exit 2', () => {
    const r = shell(`"\${CLI[@]}" -f "${HELLO}" > /dev/full; echo "status=$?"`);
    expect(r.stdout).toBe('status=2\n');
    expect(r.stderr).toBe('minicluster-gen: cannot write standard output: no space left on the device\n');
  });

  it('--version prints the version bundled from package.json', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`minicluster-gen ${version}\n`);
  });

  it('a usage fault is one line and the --help pointer, exit 2', () => {
    const r = cli(['-f', HELLO, '--diagnostics', 'xml', '--workload', 'jobset']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`minicluster-gen: --diagnostics takes text, json, github, not "xml"\n${HELP_HINT}\n`);
    expect(r.stdout).toBe('');
  });
});

describe.runIf(linux)('--output-dir on /proc and /sys: a clear fault, never a hang', () => {
  // Root may write into /proc itself (and then cannot make the file); other users may not.
  const cases: [string, RegExp][] = [
    ['/proc/mcg-test/out', /^minicluster-gen: --output-dir \/proc\/mcg-test: cannot make the folder: (this file system does not allow new folders here|permission denied)$/],
    ['/proc', /^minicluster-gen: --output-dir \/proc(\/01-configmap-flux-sample-entrypoint\.yaml: cannot write the file: this file system does not allow new files here|: cannot write into the folder: permission denied)$/],
    ['/sys/mcg-test', /^minicluster-gen: --output-dir \/sys\/mcg-test: cannot make the folder: (operation not permitted|permission denied)$/],
  ];
  for (const [dir, first] of cases) {
    it(dir, () => {
      if (!existsSync(dir.split('/').slice(0, 2).join('/'))) return;
      const r = cli(['-f', HELLO, '--output-dir', dir]);
      expect(r.signal, 'the CLI was killed after the timeout').toBeNull();
      expect(r.status).toBe(2);
      expect(firstLine(r.stderr)).toMatch(first);
      expect(r.stderr.split('\n')).toEqual([firstLine(r.stderr), HELP_HINT, '']);
    });
  }
});

describe('several inputs in the real process', () => {
  const docs = (text: string) => [...text.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]);

  it('- from a pipe among files; - twice is refused', () => {
    // Another name: the same MiniCluster in two inputs would be an error.
    const r = shell(`sed 's/name: flux-sample/name: piped/' "${HELLO}" | "\${CLI[@]}" -i s "${HELLO}" - ; echo "status=\${PIPESTATUS[1]}"`);
    expect(r.stdout.endsWith('status=0\n')).toBe(true);
    expect(docs(r.stdout)).toEqual(['Service', 'Service']);
    expect(r.stdout).toContain('# Source: <stdin>\n');
    const twice = shell(`cat "${HELLO}" | "\${CLI[@]}" - -f - ; echo "status=\${PIPESTATUS[1]}"`);
    expect(twice.stdout).toBe('status=2\n');
    expect(twice.stderr).toBe(`minicluster-gen: standard input (-) is given twice: it can be read once\n${HELP_HINT}\n`);
  });

  it.runIf(linux)('a FIFO in a folder, or a link to one, is skipped with a note and never opened for reading (no hang)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-walk-fifo-'));
    copyFileSync(HELLO, join(dir, 'a.yaml'));
    if (spawnSync('mkfifo', [join(dir, 'pipe.yaml')]).status !== 0) return;
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'pipe.yaml'), join(dir, 'sub', 'link.yaml'));
    const r = cli(['--check', dir]);
    expect(r.signal, 'the CLI was killed after the timeout').toBeNull();
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `minicluster-gen: note: skipped ${join(dir, 'pipe.yaml')}: a FIFO, not a regular file\n` +
        `minicluster-gen: note: skipped ${join(dir, 'sub', 'link.yaml')}: a FIFO, not a regular file\n`,
    );
    // A FIFO named on the command line is still read (see the FIFO test above): only the walk skips them.
  });

  // Root reads any file, so as root the CLI runs as nobody for this test.
  it.runIf(linux)('a file in a folder that cannot be read: one line, exit 2, the other files still checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-walk-perm-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'a.yaml'), readFileSync(HELLO, 'utf8').replace('size: 4', 'size: 0'));
    copyFileSync(HELLO, join(dir, 'b.yaml'));
    chmodSync(join(dir, 'a.yaml'), 0o644);
    chmodSync(join(dir, 'b.yaml'), 0o000);
    mkdirSync(join(dir, 'closed'), 0o000);
    chmodSync(join(dir, 'closed'), 0o000);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = cli(['--check', dir], asUser);
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.split('\n').filter((line) => line.startsWith('minicluster-gen:'))).toEqual([
      `minicluster-gen: ${join(dir, 'a.yaml')}: 1 problem.`,
      `minicluster-gen: cannot read ${join(dir, 'b.yaml')}: permission denied`,
      `minicluster-gen: cannot read ${join(dir, 'closed')}: the folder cannot be listed: permission denied`,
    ]);
  });
});
