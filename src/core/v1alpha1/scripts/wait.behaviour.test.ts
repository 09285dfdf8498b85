/**
 * The v1alpha1 wait script, run with bash: fake flux, sudo and user tools first on PATH, and
 * every system path of the script moved into a temporary directory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../../testing/scriptSandbox.ts';
import { dataOf, manifestsOf, v1spec } from '../testSpec.test-util.ts';

// Strips sudo's options and VAR=value words, logs the call, runs the rest.
const FAKE_SUDO = `#!/bin/bash
envs=()
while (( $# )); do
  case $1 in
    -u) shift 2 ;;
    -E) shift ;;
    *=*) envs+=("$1"); shift ;;
    *) break ;;
  esac
done
printf '%s\\n' "$*" >> "\${FAKE_DIR:?}/sudo-log"
exec env "\${envs[@]}" "$@"
`;
const FAKE_ID = `#!/bin/bash
if [[ \${1:-} == -u ]]; then echo 1000; else echo "uid=1000(\${1:-flux}) gid=1000"; fi
`;
const FAKE_TRUE = '#!/bin/bash\nexit 0\n';

/** System directories the script writes to, moved under the sandbox (the tests run as any user). */
const SYSTEM_PATH = /(?<![\w./-])\/(etc|run|var|mnt|tmp|usr)\b/g;

let box: Sandbox | undefined;
afterEach(() => {
  box?.cleanup();
  box = undefined;
});

function waitScript(body: string): string {
  return dataOf(manifestsOf(v1spec(body, 'name: flux-sample\n  namespace: ns'), 'c'), 'flux-sample-entrypoint')['wait-0'] ?? '';
}

function run(script: string, options: { hostname?: string; env?: Record<string, string> } = {}) {
  const sandbox = new Sandbox();
  box = sandbox;
  for (const tool of ['sudo', 'id', 'adduser', 'useradd', 'service']) {
    sandbox.write(`bin/${tool}`, tool === 'sudo' ? FAKE_SUDO : tool === 'id' ? FAKE_ID : FAKE_TRUE, true);
  }
  sandbox.write('mnt/curve/curve.cert', 'certificate\n');
  sandbox.write('etc/flux/config/broker.toml', '[bootstrap]\n');
  sandbox.write('usr/libexec/flux/flux-imp', '', true);
  const moved = script.replace(SYSTEM_PATH, (_m, dir: string) => join(sandbox.root, dir));
  // Nothing may touch the real system directories.
  expect(moved.replaceAll(sandbox.root, 'ROOT')).not.toMatch(SYSTEM_PATH);
  // Generous: the machine may be busy, and a killed script would look like a failing one.
  const result = sandbox.run(moved, { hostname: options.hostname ?? 'flux-sample-0', env: { FAKE_FLUX_RUN: '1', ...options.env }, timeoutMs: 50_000 });
  return { ...result, box: sandbox };
}

describe('the v1alpha1 wait script, run', { timeout: 60_000 }, () => {
  it('rank 0 submits the command through flux start and exits with its status', () => {
    const r = run(waitScript(`  size: 2\n  tasks: 2\n  logging: {}\n  containers:\n    - image: a\n      command: echo "hello world"`));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('hello world\n');
    const calls = r.box.fluxCalls();
    expect(calls[0]?.slice(0, 3)).toEqual(['R', 'encode', '--hosts=flux-sample-[0-1]']);
    const start = calls.find((c) => c[0] === 'start') ?? [];
    expect(start.slice(start.indexOf('flux'))).toEqual(['flux', 'submit', '-N', '2', '-n', '2', '--quiet', '--watch', 'echo', 'hello world']);
    expect(readFileSync(join(r.box.root, 'etc/flux/imp/conf.d/imp.toml'), 'utf8')).toBe('[exec]\nallowed-users = [ "flux", "root" ]\nallowed-shells = [ "/usr/libexec/flux/flux-shell" ]\n'.replace('/usr', join(r.box.root, 'usr')));
    expect(readFileSync(join(r.box.root, 'etc/sudoers'), 'utf8')).toBe('flux ALL=(ALL) NOPASSWD: ALL\n');
    expect(readFileSync(join(r.box.root, 'etc/curve/curve.cert'), 'utf8')).toBe('certificate\n');
  });

  it('prints nothing but the job output in quiet mode', () => {
    const r = run(waitScript(`  logging:\n    quiet: true\n  containers:\n    - image: a\n      command: echo only-this\n      commands:\n        pre: echo pre-output`));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('only-this\n');
  });

  it('reports a failing Flux in its exit status', () => {
    const r = run(waitScript(`  logging:\n    quiet: true\n  containers:\n    - image: a\n      command: hostname`), { env: { FAKE_FLUX_START_STATUS: '5' } });
    expect(r.status).toBe(5);
  });

  it('followers retry their broker until it exits cleanly, also in strict mode', () => {
    const r = run(waitScript(`  size: 2\n  logging:\n    quiet: true\n  containers:\n    - image: a\n      command: hostname\n      commands:\n        workerPre: echo worker\n        post: echo post-ran`), { hostname: 'flux-sample-1', env: { FAKE_FLUX_START_FAILS: '2' } });
    expect(r.status).toBe(0);
    expect(r.box.sleepCalls()).toEqual(['15', '15']);
    expect(r.box.fluxCalls().filter((c) => c[0] === 'start')).toHaveLength(3);
    expect(r.stdout).toBe('post-ran\n');
  });

  it('writes and runs the batch file, one job per line (README, v1alpha1 differences D1)', () => {
    const r = run(waitScript(`  containers:\n    - image: a\n      batch: true\n      command: |\n        echo one\n        echo "two $HOME"`));
    expect(r.status).toBe(0);
    const batch = readFileSync(join(r.box.work, 'flux-job.batch'), 'utf8');
    expect(batch).toContain('--output=');
    expect(batch).toMatch(/job-1\.out echo "two \$HOME"\n/);
    const start = r.box.fluxCalls().find((c) => c[0] === 'start') ?? [];
    expect(start.at(-1)).toBe('flux batch -N 1 -n 1 --flags waitable ./flux-job.batch && flux job wait --all');
  });
});
