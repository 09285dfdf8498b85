/**
 * The CLI's faults of usage and input, in process: each one is a single line on standard error
 * (then the pointer to --help for usage faults), its exit status, and nothing on standard output.
 * The faults that belong to the process itself (pipes, devices, /proc) are in process.test.ts.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixturePath } from '../core/testing/fixtures.ts';
import { HELP_HINT, USAGE } from './args.ts';
import { runGuarded } from './main.ts';
import { runInProcess as run } from './runInProcess.test-util.ts';

const HELLO = fixturePath('v1alpha2', 'hello-world');
const V1_HELLO = fixturePath('v1alpha1', 'hello-world');
const LIMIT = 1024 * 1024;
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** A usage fault: exit 2, this first line, the --help pointer as the second and last line, no output. */
async function expectUsageFault(args: string[], first: string | RegExp) {
  const r = await run(args);
  expect(r.code, r.stderr).toBe(2);
  if (typeof first === 'string') expect(r.first).toBe(first);
  else expect(r.first).toMatch(first);
  expect(r.stderr).toBe(`${r.first}\n${HELP_HINT}\n`);
  expect(r.stdout).toBe('');
  return r;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'mcg-fault-'));
const kinds = (text: string) => parseAllDocuments(text).map((d) => (d.toJS() as { kind: string }).kind);

describe('usage faults: one line, a pointer to --help, exit 2', () => {
  it('no -f, an unknown flag, a bad value: the line, not the whole usage', async () => {
    const r = await expectUsageFault([], 'minicluster-gen: give the MiniCluster YAML files: minicluster-gen FILE..., -f FILE, a folder, or - for standard input');
    expect(r.stderr).not.toContain('Usage:');
    await expectUsageFault(['-f', HELLO, '--bogus'], 'minicluster-gen: unknown flag --bogus');
    await expectUsageFault(['-f', HELLO, '--format', 'xml'], 'minicluster-gen: --format takes yaml or json, not "xml"');
    await expectUsageFault(['-f', HELLO, '--sort-keys=maybe'], 'minicluster-gen: flag -sort-keys takes true or false, not "maybe"');
    await expectUsageFault(['-f'], 'minicluster-gen: flag -f needs a value');
    await expectUsageFault(['-f', ''], 'minicluster-gen: flag -f needs a file name');
    await expectUsageFault(['-f', HELLO, '--output-dir='], 'minicluster-gen: flag --output-dir= needs a folder name');
    await expectUsageFault(['-f', HELLO, '--namespace', 'a\nb'], 'minicluster-gen: --namespace "a\\nb" is not a valid namespace name (lowercase letters, digits and -)');
    await expectUsageFault(['-f', HELLO, '--queue', '\u001b[2J'], /^minicluster-gen: --queue: The Kueue queue "\\u001b\[2J" is not a valid LocalQueue name/);
  });

  it('an argument without a flag is an input like -f FILE, and the flags after it still count', async () => {
    const r = await run(['-f', HELLO, 'b.yaml', '--workload', 'jobset', '-i', 'j']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`minicluster-gen: cannot read b.yaml: no such file or folder\n${HELP_HINT}\n`);
    expect(kinds(r.stdout)).toEqual(['JobSet']);
    expect(kinds((await run([HELLO, '-i', 's'])).stdout)).toEqual(['Service']);
    // After `--` every argument is an input, one that looks like a flag included; its name is escaped.
    await expectUsageFault(['--', '-i'], 'minicluster-gen: cannot read -i: no such file or folder');
    await expectUsageFault(['--', 'x\u001b]0;t\u0007'], 'minicluster-gen: cannot read "x\\u001b]0;t\\u0007": no such file or folder');
    // `--` with nothing after it still ends the flags.
    expect((await run(['-f', HELLO, '-i', 's', '--'])).code).toBe(0);
  });

  it('standard input is one input: a second - is refused, in any spelling', async () => {
    const twice = 'minicluster-gen: standard input (-) is given twice: it can be read once';
    await expectUsageFault(['-f', '-', '--file=-'], twice);
    await expectUsageFault(['-', HELLO, '-'], twice);
    await expectUsageFault(['-f', '-', '--', '-'], twice);
    await expectUsageFault([''], 'minicluster-gen: an empty argument is not a file name');
  });

  it('-i letters that no version has, or none, are named with the valid ones', async () => {
    const letters = 'the letters are c (ConfigMaps), s (Service), j (Job), p (Services pod), v (Volumes, v1alpha1 only)';
    await expectUsageFault(['-f', HELLO, '-i', 'xyz'], `minicluster-gen: -i "xyz": "x", "y", "z" are not letters of an object kind; ${letters}`);
    await expectUsageFault(['-f', HELLO, '-i', 'cx'], `minicluster-gen: -i "cx": "x" is not a letter of an object kind; ${letters}`);
    await expectUsageFault(['-f', HELLO, '-i=123'], `minicluster-gen: -i "123": "1", "2", "3" are not letters of an object kind; ${letters}`);
    await expectUsageFault(['-f', HELLO, '-i', 'C'], /^minicluster-gen: -i "C": "C" is not a letter/);
    await expectUsageFault(['-f', HELLO, '-i', ''], 'minicluster-gen: -i needs at least one letter: c (ConfigMaps), s (Service), j (Job), p (Services pod), v (Volumes, v1alpha1 only)');
    // v is a letter, but v1alpha2 makes no such objects: known only once the file is read.
    await expectUsageFault(['-f', HELLO, '-i', 'v'], 'minicluster-gen: -i v: v1alpha2 has no objects for v (its volumes are part of the Job); its letters are csjp.');
    expect(kinds((await run(['-f', V1_HELLO, '-i', 'vs'])).stdout)).toEqual(['Service']);
  });

  it('--version prints the package version; the usage lists it', async () => {
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `minicluster-gen ${version}\n`, stderr: '' });
    expect(USAGE).toMatch(/\n {2}--version {2,}print the version\n/);
  });
});

describe('files that cannot be read', () => {
  it('a missing file, a folder, an empty name say so in one line (exit 2)', async () => {
    await expectUsageFault(['-f', '/nonexistent/file.yaml'], 'minicluster-gen: cannot read /nonexistent/file.yaml: no such file or folder');
    const dir = tmp();
    await expectUsageFault(['-f', dir], `minicluster-gen: cannot read ${dir}: the folder holds no .yaml or .yml file (names starting with a dot are skipped)`);
    await expectUsageFault(['-f', join(HELLO, 'x.yaml')], `minicluster-gen: cannot read ${join(HELLO, 'x.yaml')}: a part of the path is not a folder`);
    await expectUsageFault(['-f', HELLO, '--curve-cert', dir], `minicluster-gen: cannot read the --curve-cert file ${dir}: it is a folder, not a file`);
    await expectUsageFault(['-f', HELLO, '--curve-cert', join(dir, 'none')], `minicluster-gen: cannot read the --curve-cert file ${join(dir, 'none')}: no such file or folder`);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission (not as root, where permissions do not apply)', async () => {
    const file = join(tmp(), 'secret.yaml');
    writeFileSync(file, readFileSync(HELLO));
    chmodSync(file, 0o000);
    await expectUsageFault(['-f', file], `minicluster-gen: cannot read ${file}: permission denied`);
  });

  it('names with spaces, unicode and a leading dash are read as given', async () => {
    const dir = tmp();
    for (const name of ['with space.yaml', 'données ✓.yaml', '-dash.yaml']) {
      writeFileSync(join(dir, name), readFileSync(HELLO));
      const r = await run(['-f', join(dir, name), '-i', 's']);
      expect(r.code, name).toBe(0);
      expect(kinds(r.stdout)).toEqual(['Service']);
    }
    const relative = await run(['-f', '-dash.yaml']);
    expect(relative.code).toBe(2);
    expect(relative.first).toBe('minicluster-gen: cannot read -dash.yaml: no such file or folder');
  });

  it('a name with a newline or ESC is shown quoted and escaped, one line per problem', async () => {
    const dir = tmp();
    const name = join(dir, 'bad\nx.yaml:1:1: forged \u001b]0;t\u0007.yaml');
    writeFileSync(name, 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: x\nspec:\n  size: 0\n  containers:\n    - image: ubuntu\n');
    const r = await run(['-f', name]);
    expect(r.code).toBe(1);
    const shown = JSON.stringify(name).replace(/\\u001b/g, '\\u001b');
    expect(r.lines).toHaveLength(3);
    expect(r.lines[0]?.startsWith(`${shown}:6:9: spec.size: `)).toBe(true);
    expect(r.lines.slice(1)).toEqual([`minicluster-gen: ${shown}: 1 problem; nothing generated.`, '']);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    await expectUsageFault(['-f', `${name}.missing`], `minicluster-gen: cannot read ${JSON.stringify(`${name}.missing`)}: no such file or folder`);
  });

  it('an empty file and /dev/null are a spec problem (exit 1), not a crash', async () => {
    const empty = join(tmp(), 'empty.yaml');
    writeFileSync(empty, '');
    for (const file of [empty, '/dev/null']) {
      const r = await run(['-f', file]);
      expect(r.code, file).toBe(1);
      expect(r.first).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: \\(document\\): `));
      expect(r.stdout).toBe('');
    }
  });
});

describe('the 1 MiB input limit', () => {
  const tooLarge = (name: string, size?: string) =>
    `${name}:1:1: (document): The file is ${size ? `${size}, more than` : 'more than'} the limit of 1 MiB (1,048,576 bytes); a MiniCluster spec is normally a few KiB. ${size ? 'It was not read.' : 'Reading stopped at the limit.'}`;

  it('a regular file over the limit is refused by its size, as a spec problem (exit 1)', async () => {
    const file = join(tmp(), 'big.yaml');
    writeFileSync(file, `# ${'x'.repeat(2 * LIMIT - 3)}\n`);
    const r = await run(['-f', file]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([tooLarge(file, '2 MiB (2,097,152 bytes)'), `minicluster-gen: ${file}: 1 problem; nothing generated.`, '']);
    const migrate = await run(['--migrate', '-f', file]);
    expect(migrate.code).toBe(1);
    expect(migrate.first).toBe(tooLarge(file, '2 MiB (2,097,152 bytes)'));
  });

  it('a file of exactly the limit is read', async () => {
    const file = join(tmp(), 'edge.yaml');
    const spec = readFileSync(HELLO, 'utf8');
    writeFileSync(file, `${spec}#${'x'.repeat(LIMIT - Buffer.byteLength(spec) - 2)}\n`);
    const r = await run(['-f', file, '-i', 's']);
    expect(r.code, r.stderr).toBe(0);
    expect(kinds(r.stdout)).toEqual(['Service']);
  });

  it('endless standard input stops at the limit: a bounded number of chunks is taken, then the stream is closed', async () => {
    let pulled = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          pulled += 1;
          yield new Uint8Array(4096).fill(0x79);
        }
      } finally {
        closed = true;
      }
    }
    const r = await run(['-f', '-'], endless());
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([tooLarge('<stdin>'), 'minicluster-gen: <stdin>: 1 problem; nothing generated.', '']);
    expect(pulled).toBe(LIMIT / 4096 + 1);
    expect(closed).toBe(true);
  });

  it('standard input in chunks under the limit is read whole, a character split between chunks included', async () => {
    const spec = Buffer.from(readFileSync(HELLO, 'utf8').replace('echo hello world', 'echo héllo'));
    const at = spec.indexOf(Buffer.from('é')) + 1;
    async function* split() {
      yield spec.subarray(0, at);
      yield spec.subarray(at);
    }
    const r = await run(['-f', '-', '-i', 'c'], split());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('echo héllo');
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('--curve-cert over 64 KiB is refused without reading it all', async () => {
    const cert = join(tmp(), 'huge.cert');
    writeFileSync(cert, 'x'.repeat(65 * 1024));
    const r = await run(['-f', HELLO, '--curve-cert', cert]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([`${cert}:1:1: curve certificate: the file is more than 64 KiB, and a CURVE certificate is a few hundred bytes: give the certificate file (flux keygen writes one).`, '']);
  });
});

describe('--output-dir that cannot be made or written: the path and the reason, exit 2', () => {
  it('a path under a regular file, or an existing file', async () => {
    const dir = tmp();
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    await expectUsageFault(['-f', HELLO, '--output-dir', join(file, 'out')], `minicluster-gen: --output-dir ${file}: is a file, not a folder: choose another --output-dir`);
    await expectUsageFault(['-f', HELLO, '--output-dir', file], `minicluster-gen: --output-dir ${file}: is a file, not a folder: choose another --output-dir`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a target file name that is already a folder: nothing is written', async () => {
    const dir = tmp();
    mkdirSync(join(dir, '02-service-flux-sample.yaml'));
    await expectUsageFault(
      ['-f', HELLO, '--output-dir', dir],
      `minicluster-gen: --output-dir ${join(dir, '02-service-flux-sample.yaml')}: is a folder, so the file of that name cannot be written: move it away or choose another --output-dir`,
    );
    expect(readdirSync(dir)).toEqual(['02-service-flux-sample.yaml']);
  });

  it('makes missing folders, a name with spaces included', async () => {
    const dir = join(tmp(), 'a b', 'c');
    const r = await run(['-f', HELLO, '--output-dir', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission (not as root)', async () => {
    const dir = tmp();
    chmodSync(dir, 0o500);
    await expectUsageFault(['-f', HELLO, '--output-dir', dir], `minicluster-gen: --output-dir ${dir}: cannot write into the folder: permission denied`);
  });
});

describe('an unexpected exception', () => {
  it('ends with one line, "internal error", and exit 3, not a stack trace', async () => {
    let stderr = '';
    const code = await runGuarded(['-f', HELLO], {
      stdout: () => {
        throw new Error('disk on fire\n    at somewhere (file.ts:1:1)\u001b[2J');
      },
      stderr: (t) => (stderr += t),
      readStdin: () => '',
    });
    expect(code).toBe(3);
    expect(stderr).toBe('minicluster-gen: internal error: disk on fire\n');
  });

  it('is not caught where a fault has its own exit status', async () => {
    let stderr = '';
    const code = await runGuarded(['-f', HELLO, '-i', 'q'], { stdout: () => undefined, stderr: (t) => (stderr += t), readStdin: () => '' });
    expect(code).toBe(2);
    expect(stderr).not.toContain('internal error');
  });
});
