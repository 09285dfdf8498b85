/** `minicluster-gen --commands`: the kubectl commands to run next, for the file the user applies. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../core/testing/fixtures.ts';
import { BIN, runInProcess as run } from './runInProcess.test-util.ts';

const HELLO = fixturePath('v1alpha2', 'hello-world');

/** The command lines, without their comments. */
const linesOf = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

describe('minicluster-gen --commands', () => {
  it('prints each command under a # comment, for NAME.yaml, and no objects', async () => {
    const { code, stdout, stderr } = await run(['--commands', '-f', HELLO]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toContain('apiVersion');
    const lines = stdout.trimEnd().split('\n');
    for (let i = 0; i < lines.length; i += 2) expect(lines[i]).toMatch(/^# \S/);
    expect(linesOf(stdout)).toEqual([
      'kubectl apply --server-side --dry-run=server -f flux-sample.yaml',
      'kubectl apply --server-side -f flux-sample.yaml',
      'kubectl get pods -n default -l app.kubernetes.io/name=flux-sample --watch',
      'kubectl logs -n default -f -l app.kubernetes.io/name=flux-sample,batch.kubernetes.io/job-completion-index=0 -c flux-sample --tail=-1',
      expect.stringMatching(/^kubectl exec -it -n default "\$\(kubectl get pods .*\)" -c flux-sample -- bash -c '\. \/mnt\/flux\/flux-view\.sh && flux proxy local:\/\/\/mnt\/flux\/config\/run\/flux\/local bash'$/),
      'kubectl delete -f flux-sample.yaml',
    ]);
  });

  it('follows the namespace flag and the output options', async () => {
    const { code, stdout } = await run(['--commands', '-f', HELLO, '--namespace', 'hpc', '--workload', 'jobset', '--queue', 'team-a', '--format', 'json']);
    expect(code).toBe(0);
    const lines = linesOf(stdout);
    expect(lines).toContain('kubectl get jobset -n hpc flux-sample');
    expect(lines).toContain('kubectl get localqueue -n hpc team-a');
    expect(lines).toContain('kubectl get workloads -n hpc');
    expect(lines).toContain('kubectl apply --server-side -f flux-sample.json');
  });

  it('--bundle-file names the file, quoted for the shell', async () => {
    const { stdout } = await run(['--commands', '--bundle-file', "my team's bundle.yaml", '-f', HELLO]);
    expect(linesOf(stdout)).toContain("kubectl delete -f 'my team'\\''s bundle.yaml'");
  });

  it('with --output-dir writes the files and prints the commands for that folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mcg-commands-')), 'out');
    const { code, stdout } = await run(['--commands', '-f', HELLO, '--output-dir', dir]);
    expect(code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(3);
    expect(linesOf(stdout)).toContain(`kubectl apply --server-side -f ${dir}`);
  });

  it('a spec with errors: its problems, no commands, exit status 1', async () => {
    const bad = readFileSync(HELLO, 'utf8').replace(/size: \d+/, 'size: -1');
    const { code, stdout, stderr } = await run(['--commands', '-f', '-'], bad);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/<stdin>:\d+:\d+: .*size/);
  });

  it('--bundle-file without --commands is a usage fault (exit status 2)', async () => {
    const { code, stdout, stderr } = await run(['--bundle-file', 'x.yaml', '-f', HELLO]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('minicluster-gen: --bundle-file names the file in the --commands output: add --commands');
  });

  it('several inputs in --output-dir: one folder each, so the commands apply it with -R', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mcg-commands-')), 'out');
    const other = join(dirname(dir), 'other.yaml');
    writeFileSync(other, readFileSync(HELLO, 'utf8').replace(/name: flux-sample/, 'name: second'));
    const { code, stdout } = await run(['--commands', '-f', HELLO, '-f', other, '--output-dir', dir]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['hello-world', 'other']);
    const lines = linesOf(stdout);
    expect(lines).toContain(`kubectl apply --server-side -R -f ${dir}`);
    expect(lines).toContain(`kubectl delete -R -f ${dir}`);
    expect(lines).toContain('kubectl get pods -n default -l app.kubernetes.io/name=second --watch');
  });

  it('several inputs, one with errors: no commands for a bundle that would lack it, exit status 1', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'mcg-commands-')), 'bad.yaml');
    writeFileSync(bad, readFileSync(HELLO, 'utf8').replace(/size: \d+/, 'size: -1'));
    const { code, stdout, stderr } = await run(['--commands', '-f', HELLO, '-f', bad]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('no commands printed');
  });

  it('--commands with --diagnostics json and --output-dir: the commands alone on standard output, the JSON on standard error', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mcg-commands-')), 'out');
    const { code, stdout, stderr } = await run(['--commands', '--diagnostics', 'json', '-f', HELLO, '--output-dir', dir]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('[');
    expect(linesOf(stdout)).toContain(`kubectl apply --server-side -f ${dir}`);
    expect(JSON.parse(stderr.split('\n').find((line) => line.startsWith('[')) ?? '')).toEqual([]);
  });

  it('--commands with --legacy-separator and --output-dir is a usage fault: kubectl cannot read those files', async () => {
    const { code, first } = await run(['--commands', '--legacy-separator', '-f', HELLO, '--output-dir', join(tmpdir(), 'never-made')]);
    expect(code).toBe(2);
    expect(first).toContain('--legacy-separator writes files kubectl cannot read');
  });

  it('--commands with --check is a usage fault (exit status 2)', async () => {
    const { code, stderr } = await run(['--commands', '--check', '-f', HELLO]);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('minicluster-gen: --commands prints the commands for generated objects: drop --check');
  });

  it('the built CLI prints them too, with exit status 0', () => {
    const out = spawnSync(process.execPath, [BIN, '--commands', '-f', HELLO], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(linesOf(out.stdout)[1]).toBe('kubectl apply --server-side -f flux-sample.yaml');
  });
});
