/** `minicluster-gen --migrate`: stdout, stderr and exit status. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeSpec } from '../core/v1alpha2/analyze.ts';
import { fixturePath } from '../core/testing/fixtures.ts';
import { runInProcess as run } from './runInProcess.test-util.ts';
import { USAGE } from './args.ts';

describe('minicluster-gen --migrate', () => {
  it('prints the v1alpha2 spec on stdout and each note as FILE:LINE:COL: note: on stderr', async () => {
    const file = fixturePath('v1alpha1', 'volumes');
    const text = readFileSync(file, 'utf8');
    const { code, stdout, stderr } = await run(['--migrate', '-f', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^apiVersion: flux-framework.org\/v1alpha2\n/);
    const comments = text.match(/#.*$/gm) ?? [];
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) expect(stdout).toContain(comment);
    const hostPath = /^\s+path: (\S+)/m.exec(text.slice(text.indexOf('\n  volumes:')))?.[1];
    expect(stdout).toContain(`hostPath: ${hostPath}`);
    expect(analyzeSpec(stdout).cluster).toBeDefined();
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: note: \\S`));
    // The note points at the key of spec.volumes.data.
    const line = text.split('\n').findIndex((l, i, all) => l === '    data:' && all.slice(0, i).includes('  volumes:')) + 1;
    expect(stderr).toContain(`${file}:${line}:5: note: spec.volumes.data (a hostpath PersistentVolume of ${hostPath}) became hostPath`);
  });

  it('reads standard input with -f -', async () => {
    const text = readFileSync(fixturePath('v1alpha1', 'hello-world'), 'utf8');
    const { code, stdout, stderr } = await run(['-migrate', '-f', '-'], text);
    expect(code).toBe(0);
    expect(stdout).toContain('flux-framework.org/v1alpha2');
    expect(stderr).toMatch(/^<stdin>:\d+:\d+: note: /);
  });

  it('exits 1 with a diagnostic for a spec that is already v1alpha2', async () => {
    const file = fixturePath('v1alpha2', 'hello-world');
    const { code, stdout, stderr } = await run(['--migrate', '-f', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}:1:13: apiVersion: This spec is already flux-framework.org/v1alpha2`);
  });

  it('exits 1 with the position of a YAML syntax error', async () => {
    const { code, stdout, stderr } = await run(['--migrate', '-f', '-'], 'apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nspec:\n  size: [1\n');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^<stdin>:4:\d+: \(document\): /);
  });

  it('exits 1 with a positioned error, not a stack trace, for a !!binary or !!timestamp value', async () => {
    const spec = (line: string) => `apiVersion: flux-framework.org/v1alpha1\nkind: MiniCluster\nmetadata:\n  name: x\nspec:\n  size: 2\n  containers:\n    - image: ubuntu\n${line}\n`;
    const cases = [
      ['      command: !!binary aGVsbG8=', 'spec.containers[0].command', /The !!binary tag makes Kubernetes decode/],
      ['      command: !!binary "%%%"', 'spec.containers[0].command', /The value is tagged !!binary but is not valid base64/],
      ['      command: !!timestamp 2001-12-14', 'spec.containers[0].command', /The !!timestamp tag marks "2001-12-14" as a date/],
      ['      command: !!timestamp never', 'spec.containers[0].command', /The value is tagged !!timestamp but "never" is not a date/],
    ] as const;
    for (const [line, path, message] of cases) {
      const { code, stdout, stderr } = await run(['--migrate', '-f', '-'], spec(line));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const [first, last] = stderr.trimEnd().split('\n');
      expect(first).toMatch(new RegExp(`^<stdin>:9:\\d+: ${path.replace(/[.[\]]/g, '\\$&')}: ${message.source}`));
      expect(last).toBe('minicluster-gen: <stdin>: cannot migrate to flux-framework.org/v1alpha2.');
    }
  });

  it('is described in --help', async () => {
    expect(USAGE).toMatch(/--migrate/);
    expect((await run(['--help'])).stdout).toContain('--migrate');
  });
});
