/** `--check` and `--diagnostics text|json|github`: what is printed where, and the exit status. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as nodeKeys from './nodeKeypair.ts';
import { HELP_HINT } from './args.ts';
import { escapeGithubData, escapeGithubProperty, githubCommand } from './diagnosticsOutput.ts';
import { runInProcess as run } from './runInProcess.test-util.ts';

// Counts the keypairs made: --check must make none.
vi.mock('./nodeKeypair.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./nodeKeypair.ts')>();
  return { ...original, nodeKeypair: vi.fn(original.nodeKeypair) };
});

const cluster = (name: string, size = 2, extra = '') =>
  `apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: ${name}\n${extra}spec:\n  size: ${size}\n  containers:\n    - image: ubuntu:noble\n`;

function files(specs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-check-'));
  for (const [name, text] of Object.entries(specs)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A spec with a warning only: a repeated key, which Kubernetes reads as its last value. */
const WARNING_ONLY = cluster('w', 2, '  name: w\n');
const DIR = files({ 'good.yaml': cluster('good'), 'bad.yaml': cluster('bad', 0), 'warn.yaml': WARNING_ONLY, 'pct.yaml': cluster('a%b') });
const GOOD = join(DIR, 'good.yaml');
const BAD = join(DIR, 'bad.yaml');
const WARN = join(DIR, 'warn.yaml');
const keypairs = vi.mocked(nodeKeys.nodeKeypair);

beforeEach(() => keypairs.mockClear());

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  path: string;
  message: string;
  code: string;
}

describe('--check', () => {
  it('a good file: exit 0, nothing printed, no keypair made (which generating does make)', async () => {
    const r = await run(['--check', GOOD]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(keypairs).not.toHaveBeenCalled();
    expect((await run([GOOD])).code).toBe(0);
    expect(keypairs).toHaveBeenCalledTimes(1);
  });

  it('a file with errors: exit 1, every problem and a summary on standard error, nothing on standard output', async () => {
    const r = await run(['--check', BAD]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.lines[0]).toMatch(new RegExp(`^${BAD}:6:9: spec.size: size is 0`));
    expect(r.lines.slice(-2)).toEqual([`minicluster-gen: ${BAD}: 1 problem.`, '']);
  });

  it('a file with warnings only: exit 0, the warnings printed', async () => {
    const r = await run(['--check', WARN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${WARN}:4:3: metadata.name: warning: The key "name" appears again on line 5 in the same mapping; Kubernetes keeps only the last one (line 5) and ignores this one. Remove one of them.\n`);
  });

  it('several files (as pre-commit passes them): the worst status; writes nothing even with a folder', async () => {
    expect((await run(['--check', GOOD, WARN])).code).toBe(0);
    expect((await run(['--check', GOOD, BAD, WARN])).code).toBe(1);
    const missing = await run(['--check', BAD, join(DIR, 'missing.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.lines.slice(-3)).toEqual([`minicluster-gen: cannot read ${join(DIR, 'missing.yaml')}: no such file or folder`, HELP_HINT, '']);
    const folder = await run(['--check', DIR]);
    expect(folder.code).toBe(1);
    expect(folder.stdout).toBe('');
    expect(readdirSync(DIR).sort()).toEqual(['bad.yaml', 'good.yaml', 'pct.yaml', 'warn.yaml']);
    expect(keypairs).not.toHaveBeenCalled();
  });

  it('checks --curve-cert too, and -i letters that select nothing', async () => {
    const cert = join(DIR, '..', `${DIR.split('/').pop()}-bad.cert`);
    writeFileSync(cert, 'not a certificate\n');
    const r = await run(['--check', GOOD, '--curve-cert', cert]);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(new RegExp(`^${cert}:\\d+:\\d+: curve certificate: `));
    expect((await run(['--check', GOOD, '-i', 'v'])).code).toBe(2);
  });
});

describe('--diagnostics json', () => {
  it('with --check: one JSON array on standard output for all the inputs, nothing else there', async () => {
    const r = await run(['--check', '--diagnostics', 'json', GOOD, BAD, WARN]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(findings.map((f) => [f.file, f.severity, f.path])).toEqual([
      [BAD, 'error', 'spec.size'],
      [WARN, 'warning', 'metadata.name'],
    ]);
    expect(findings[0]).toEqual({ file: BAD, line: 6, column: 9, severity: 'error', path: 'spec.size', message: expect.stringMatching(/^size is 0/), code: expect.any(String) });
    // The text summary is not printed: the array and the exit status say it.
    expect(r.stderr).toBe('');
  });

  it('no problems: an empty array; notes with -v are "note"; standard input is <stdin>', async () => {
    expect(JSON.parse((await run(['--check', '--diagnostics=json', GOOD])).stdout)).toEqual([]);
    const r = await run(['--check', '--diagnostics', 'json', '-v', '-'], cluster('piped'));
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect([f.file, f.severity]).toEqual(['<stdin>', 'note']);
  });

  it('while the objects go to standard output, the array goes to standard error; with --output-dir, to standard output', async () => {
    const r = await run(['--diagnostics', 'json', GOOD, WARN, '-i', 'j']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kind: Job$/m);
    expect((JSON.parse(r.stderr) as JsonFinding[]).map((f) => f.file)).toEqual([WARN]);
    const out = mkdtempSync(join(tmpdir(), 'mcg-check-out-'));
    const written = await run(['--diagnostics', 'json', GOOD, WARN, '-i', 'j', '--output-dir', out]);
    expect((JSON.parse(written.stdout) as JsonFinding[]).map((f) => f.file)).toEqual([WARN]);
    expect(written.lines.filter((line) => line.startsWith('wrote '))).toHaveLength(2);
  });

  it('a --curve-cert problem is an entry naming the certificate file', async () => {
    const cert = join(DIR, '..', `${DIR.split('/').pop()}-json.cert`);
    writeFileSync(cert, 'x');
    const r = await run(['--check', '--diagnostics', 'json', GOOD, '--curve-cert', cert]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect([f.file, f.severity, f.path]).toEqual([cert, 'error', 'curve certificate']);
  });
});

describe('--diagnostics github', () => {
  it('one workflow command per problem: ::error, ::warning, ::notice, with file, line and col', async () => {
    const r = await run(['--check', '--diagnostics', 'github', '-v', BAD, WARN]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+::\S/);
    expect(lines.find((line) => line.startsWith('::error'))).toMatch(new RegExp(`^::error file=${BAD.replace(/:/g, '%3A')},line=6,col=9::spec.size: size is 0`));
    expect(lines.filter((line) => line.startsWith('::warning'))).toEqual([
      `::warning file=${WARN},line=4,col=3::metadata.name: The key "name" appears again on line 5 in the same mapping; Kubernetes keeps only the last one (line 5) and ignores this one. Remove one of them.`,
    ]);
    expect(lines.some((line) => line.startsWith('::notice'))).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('escapes % in the message, and : and , in the file name, as GitHub decodes them', async () => {
    const dir = files({ 'we:ird,name%.yaml': cluster('a%b') });
    const r = await run(['--check', '--diagnostics', 'github', dir]);
    expect(r.code).toBe(1);
    const escapedDir = dir.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
    const first = r.stdout.split('\n')[0];
    expect(first).toMatch(/^::error file=/);
    expect(first).toContain(`file=${escapedDir}/we%3Aird%2Cname%25.yaml,line=4,col=9::metadata.name: metadata.name "a%25b" is not a valid name`);
  });

  it('standard input has no file= to point at', async () => {
    const r = await run(['--check', '--diagnostics', 'github', '-'], cluster('x', 0));
    expect(r.stdout.split('\n')[0]).toMatch(/^::error line=6,col=9::spec.size: size is 0/);
  });

  it('the escaping rules: %, CR and LF in data; also : and , in properties', () => {
    expect(escapeGithubData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeGithubProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    // A newline or an escape sequence in the spec never reaches the log as such.
    expect(githubCommand({ file: 'x\n.yaml', line: 1, column: 2, severity: 'warning', code: 'c', path: 'a.b', message: 'two\nlines \u001b[2J' })).toBe(
      '::warning file=x\\n.yaml,line=1,col=2::a.b: two\\nlines \\u001b[2J\n',
    );
  });
});

describe('--diagnostics values', () => {
  it('an unknown value or none is a usage fault (exit 2); text is the default', async () => {
    for (const [args, line] of [
      [['--diagnostics', 'sarif', GOOD], 'minicluster-gen: --diagnostics takes text, json, github, not "sarif"'],
      [['--diagnostics=', GOOD], 'minicluster-gen: --diagnostics takes text, json, github, not ""'],
      [[GOOD, '--diagnostics'], 'minicluster-gen: flag --diagnostics needs a value'],
    ] as const) {
      const r = await run([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${line}\n${HELP_HINT}\n`);
      expect(r.stdout).toBe('');
    }
    const text = await run(['--check', '--diagnostics', 'text', BAD]);
    expect(text.stderr).toBe((await run(['--check', BAD])).stderr);
  });
});
