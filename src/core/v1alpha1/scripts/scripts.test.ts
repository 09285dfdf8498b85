/** The v1alpha1 entrypoint scripts: valid bash, shellcheck-clean, quiet when asked, values quoted. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bashSyntax, shellcheck } from '../../testing/scriptSandbox.ts';
import { dataOf, manifestsOf, v1spec } from '../testSpec.test-util.ts';
import { v1alpha1BatchFile } from './waitScript.ts';
import { startScript } from './startScript.ts';

const NASTY = `it's "quoted" $HOME \`id\` \\ ; rm -rf /`;

/** Spec variations covering every branch of the scripts. */
const VARIANTS: Record<string, string> = {
  submit: `  size: 4\n  tasks: 4\n  logging: {}\n  containers:\n    - image: a\n      command: lmp -in "in file.lmp"`,
  quietSubmit: `  logging:\n    quiet: true\n  containers:\n    - image: a\n      command: echo hello\n      commands:\n        init: echo init\n        pre: echo pre\n        brokerPre: echo broker\n        workerPre: echo worker\n        post: echo post`,
  launcherPrefixWrap: `  flux:\n    wrap: strace,-e,trace=network\n    submitCommand: flux run\n    optionFlags: -o cpu-affinity=per-task\n  containers:\n    - image: a\n      launcher: true\n      command: python app.py --x 'a b'\n      commands:\n        prefix: nsenter -t 1\n        runFluxAsRoot: true`,
  batch: `  logging:\n    quiet: true\n    debug: true\n  containers:\n    - image: a\n      batch: true\n      logs: /tmp/out dir\n      command: |\n        echo one\n\n        echo "two $HOME"`,
  batchRaw: `  flux:\n    submitCommand: flux run\n  containers:\n    - image: a\n      batch: true\n      batchRaw: true\n      command: |\n        flux submit hostname\n        flux queue idle`,
  restServer: `  users:\n    - name: alice\n      password: ${JSON.stringify("p'w$")}\n    - name: bob\n  fluxRestful:\n    branch: dev\n    username: admin\n  containers:\n    - image: a\n      cores: 4\n      fluxUser:\n        name: fluxer\n        uid: 1234`,
  quietRest: `  logging:\n    quiet: true\n  users:\n    - name: alice\n  containers:\n    - image: a`,
  interactive: `  interactive: true\n  archive:\n    path: /state/archive.sqlite\n  logging:\n    timed: true\n    zeromq: true\n  containers:\n    - image: a\n      commands:\n        prefix: ${JSON.stringify(NASTY)}`,
  diagnostics: `  logging:\n    quiet: true\n  containers:\n    - image: a\n      diagnostics: true\n      command: hostname\n      commands:\n        prefix: time`,
  nastyValues: `  flux:\n    optionFlags: ${JSON.stringify(NASTY)}\n    wrap: ${JSON.stringify(NASTY)}\n    bursting:\n      hostlist: ${JSON.stringify(NASTY)}\n  archive:\n    path: ${JSON.stringify(NASTY)}\n  containers:\n    - image: a\n      workingDir: /w\n      logs: ${JSON.stringify(NASTY)}\n      command: echo ${JSON.stringify(NASTY)}\n      fluxUser:\n        name: ${JSON.stringify(NASTY)}`,
  startScripts: `  logging:\n    quiet: true\n  containers:\n    - image: a\n      runFlux: true\n      command: hostname\n    - image: b\n      name: side\n      command: ${JSON.stringify(`echo ${NASTY}`)}\n      commands:\n        brokerPre: echo b\n        post: echo done`,
};

const scripts = Object.entries(VARIANTS).flatMap(([id, body]) =>
  Object.entries(dataOf(manifestsOf(v1spec(body), 'c'), 'flux-sample-entrypoint')).map(([key, text]) => ({ id: `${id}/${key}`, text, quiet: /quiet: true/.test(body) })),
);

/** Lines a quiet script may still print: what a user needs (passwords, the REST token) and errors. */
const ALWAYS = [/>&2$/, />> \/etc\/sudoers$/, /Adding user /, /Cloning https/, /"FLUX_USER=/, /RESTful API listens/, /"Running: \$\{as_flux/, /^\s*printf '%s\\n' '\[exec\]'$/, /allowed-(users|shells)/];

/** Script lines outside here-documents (whose bodies are user code or file contents). */
function ownLines(text: string): string[] {
  const out: string[] = [];
  let delimiter: string | undefined;
  for (const line of text.split('\n')) {
    if (delimiter !== undefined) {
      if (line === delimiter) delimiter = undefined;
      continue;
    }
    out.push(line);
    delimiter = /<<'([A-Z_0-9]+)'/.exec(line)?.[1];
  }
  return out;
}

describe('v1alpha1 entrypoint scripts', () => {
  it('cover every variant', () => {
    expect(scripts.length).toBe(Object.keys(VARIANTS).length + 1);
  });

  it.concurrent.each(scripts)('$id: bash -n', ({ text }) => {
    const r = bashSyntax(text);
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  it.concurrent.each(scripts)('$id: shellcheck reports nothing', ({ text }) => {
    const r = shellcheck(text);
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  it.each(scripts.filter((s) => s.quiet))('$id: quiet mode prints only what must be seen', ({ text }) => {
    const printing = ownLines(text).filter((line) => /^\s*(printf|echo|cat [^>]|ls |id )/.test(line));
    expect(printing.filter((line) => !ALWAYS.some((re) => re.test(line)))).toEqual([]);
  });

  it('never pastes a spec value unquoted', () => {
    const { text } = scripts.find((s) => s.id === 'nastyValues/wait-0') ?? { text: '' };
    // The text only ever appears as one quoted word.
    for (const line of ownLines(text).filter((l) => l.includes('rm -rf'))) {
      expect(line, line).toMatch(/\$'[^']*rm -rf \/[^']*'|'[^']*rm -rf \/[^']*'/);
    }
  });

  it('strict mode only with logging (CRD default), submit flags per tasks and size', () => {
    const submit = scripts.find((s) => s.id === 'submit/wait-0')?.text ?? '';
    expect(submit).toContain('set -eEu -o pipefail');
    expect(submit).toContain("submit='flux submit -N 4 -n 4 --quiet --watch'");
    const rest = scripts.find((s) => s.id === 'restServer/wait-0')?.text ?? '';
    expect(rest).not.toContain('set -eEu');
    expect(rest).toContain('--cores=0-3');
    expect(rest).toContain('--port=5000');
    expect(rest).toContain('git clone -q -b dev --depth 1 https://github.com/flux-framework/flux-restful-api');
  });
});

describe('the batch file (README, v1alpha1 differences D1: what the operator meant)', () => {
  it('wraps each non-empty line in the submit command, numbering lines with the empty ones', () => {
    expect(v1alpha1BatchFile('echo one\n\necho two', false, '/tmp/out', 'flux submit').split('\n')).toEqual([
      '#!/bin/bash',
      'flux submit --flags waitable --error=/tmp/out/job-0.err --output=/tmp/out/job-0.out echo one',
      '',
      'flux submit --flags waitable --error=/tmp/out/job-2.err --output=/tmp/out/job-2.out echo two',
      'flux queue idle',
      'flux jobs -a',
    ]);
  });

  it('keeps batchRaw lines as they are', () => {
    expect(v1alpha1BatchFile('a\nb', true, '/x', 'flux submit')).toBe('#!/bin/bash\na\nb\n');
  });
});

describe('the start script, run', () => {
  const run = (quiet: boolean, strict: boolean, command: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'mcs-v1a1-start-'));
    const file = join(dir, 'start-1.sh');
    writeFileSync(file, startScript({ quiet, strict, command, commands: { init: '', pre: 'echo pre', brokerPre: 'echo broker', workerPre: 'echo worker', post: 'echo post', prefix: '' } }));
    return spawnSync('bash', [file, 'ignored argument'], { encoding: 'utf8', cwd: dir });
  };

  it('runs the hooks, the command as shell code, then post', () => {
    const r = run(false, false, 'x=$((1 + 2)); echo "cmd $x"');
    expect(r.stdout).toBe('broker\nworker\npre\ncmd 3\npost\n');
    expect(r.status).toBe(0);
  });

  it('is silent in quiet mode except for the command and post', () => {
    expect(run(true, false, 'echo cmd').stdout).toBe('cmd\npost\n');
  });

  it('stops at the first failure in strict mode, else reports the command status', () => {
    const strict = run(false, true, 'false; echo after');
    expect(strict.stdout).not.toContain('after');
    expect(strict.status).not.toBe(0);
    const lax = run(false, false, 'echo a; exit_code() { return 3; }; exit_code');
    expect(lax.stdout).toBe('broker\nworker\npre\na\npost\n');
    expect(lax.status).toBe(3);
  });
});
