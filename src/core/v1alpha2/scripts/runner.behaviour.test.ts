/** Runs wait-i.sh with bash in a sandbox, with fake flux/hostname/sleep/time on PATH. */
import { chmodSync, existsSync, lstatSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, MULTILINE_COMMAND, type ScriptFixture } from './fixtures.test-data.ts';
import { initScript } from './initScript.ts';
import { runnerScript } from './runnerScript.ts';
import { FAKE_SECRET, type RunOptions, Sandbox } from '../../testing/scriptSandbox.ts';

const TIMEOUT = 5_000;
let sandboxes: Sandbox[] = [];

afterEach(() => {
  for (const s of sandboxes) s.cleanup();
  sandboxes = [];
});

interface Setup {
  sb: Sandbox;
  f: ScriptFixture;
  mount: string;
  cfg: string;
}

/** A sandbox where the init script has already run, as in a pod. */
function setup(id: string, tweak?: (f: ScriptFixture) => void): Setup {
  const sb = new Sandbox();
  sandboxes.push(sb);
  const f = fixture(id).build({ prefix: sb.root, systemPaths: sb.systemPaths });
  tweak?.(f);
  const init = sb.run(initScript(f.init));
  expect(init.status).toBe(0);
  const mount = f.runner.mountPath;
  return { sb, f, mount, cfg: `${mount}/config/etc/flux/config` };
}

function runRunner(s: Setup, options: RunOptions = {}) {
  return s.sb.run(runnerScript(s.f.runner), options);
}

/** The flux call that is not `flux R encode`. */
function startCalls(sb: Sandbox): string[][] {
  return sb.fluxCalls().filter((c) => c[0] !== 'R');
}

describe('runner script (wait-i.sh), rank 0', () => {
  it('hello-world (quiet): exact flux start arguments, nothing printed, exit 0', { timeout: TIMEOUT }, () => {
    const s = setup('hello-world');
    const r = runRunner(s);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const calls = s.sb.fluxCalls();
    expect(calls[0]).toEqual(['R', 'encode', '--hosts=flux-sample-[0-3]', '--local']);
    expect(calls.slice(1)).toEqual([
      ['start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions, 'flux', 'submit', '-n1', '--quiet', '--watch', 'echo', 'hello', 'world'],
    ]);
    // The hello-world broker options (quiet, no flux: key), one argument each.
    expect(s.f.runner.brokerOptions).toEqual([
      `-Scron.directory=${s.mount}/config/etc/flux/system/cron.d`,
      '-Stbon.fanout=256',
      `-Srundir=${s.mount}/config/run/flux`,
      `-Sstatedir=${s.mount}/config/var/lib/flux`,
      `-Slocal-uri=local://${s.mount}/config/run/flux/local`,
      '-Slog-stderr-level=0',
      '-Slog-stderr-mode=local',
    ]);
    expect(readFileSync(`${s.mount}/config/etc/flux/system/R`, 'utf8')).toContain('fake-R');
    expect(existsSync(`${s.mount}/flux-operator-complete.txt`)).toBe(true);
    const cert = `${s.mount}/config/curve/curve.cert`;
    expect(readFileSync(cert, 'utf8')).toContain(FAKE_SECRET);
    expect(statSync(cert).mode & 0o044).toBe(0);
  });

  it('not quiet: chats, but never prints the secret key', { timeout: TIMEOUT }, () => {
    const s = setup('not-quiet');
    const r = runRunner(s);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Hello user');
    expect(r.stdout).toContain('flux R encode --hosts=flux-sample-[0-3] --local');
    expect(r.stdout).toContain('Command: echo hello world');
    expect(r.stdout).not.toContain(FAKE_SECRET);
    expect(startCalls(s.sb)[0]).toContain('-Slog-stderr-level=6');
  });

  it('mount path with a space: every path stays one argument', { timeout: TIMEOUT }, () => {
    const s = setup('mount-with-space');
    expect(s.mount).toContain('/opt/flux view');
    const r = runRunner(s);
    expect(r.status).toBe(0);
    expect(startCalls(s.sb)[0]).toEqual([
      'start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions, 'flux', 'submit', '-n1', '--quiet', '--watch', 'echo', 'hello', 'world',
    ]);
    expect(existsSync(`${s.mount}/config/etc/flux/system/R`)).toBe(true);
    expect(readFileSync(`${s.mount}/flux-connect.sh`, 'utf8')).toContain(`. '${s.mount}/flux-view.sh'`);
  });

  it('tricky command: quotes, $(...), backticks and $VAR are shell code, evaluated at run time', { timeout: TIMEOUT }, () => {
    const s = setup('tricky-command');
    const r = runRunner(s, { env: { FAKE_FLUX_RUN: '1', MCS_TEST_VAR: 'a "b" $c' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const start = startCalls(s.sb)[0] ?? [];
    const watch = start.indexOf('--watch');
    expect(start.slice(watch + 1)).toEqual([
      'printf', '[%s]\\n', 'double "quoted"', "it's", 'flux-sample-0', 'tick', 'a "b" $c', 'back',
    ]);
    // The fake flux ran the words: the command really executed.
    expect(r.stdout).toContain('[double "quoted"]\n[it\'s]\n[flux-sample-0]\n[tick]\n[a "b" $c]\n[back]\n');
  });

  it('a command that is not valid shell words fails clearly', { timeout: TIMEOUT }, () => {
    const s = setup('not-quiet', (f) => {
      f.runner.command = 'echo "unterminated';
    });
    const r = runRunner(s);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Cannot split the command into shell words');
    expect(startCalls(s.sb)).toEqual([]);
  });

  it('exits with the status of flux start, not of the last command, and still runs post and writes the marker', { timeout: TIMEOUT }, () => {
    const s = setup('commands');
    const r = runRunner(s, { env: { FAKE_FLUX_START_STATUS: '7' } });
    expect(r.status).toBe(7);
    expect(r.stdout).toContain('post ran, status so far: 7');
    expect(existsSync(`${s.mount}/flux-operator-complete.txt`)).toBe(true);
  });

  it('launcher: the command goes straight to flux start', { timeout: TIMEOUT }, () => {
    const s = setup('launcher');
    expect(runRunner(s).status).toBe(0);
    expect(startCalls(s.sb)).toEqual([['start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions, 'echo', 'hello', 'world']]);
  });

  it('no command: interactive flux broker', { timeout: TIMEOUT }, () => {
    const s = setup('interactive-no-command');
    const r = runRunner(s);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('runs interactively');
    expect(startCalls(s.sb)).toEqual([['broker', '--config-path', s.cfg, ...s.f.runner.brokerOptions]]);
    expect(s.f.runner.brokerOptions).toContain('-Sbroker.rc2_none');
  });

  it('interactive with a command: both the rc2_none option and the command are passed', { timeout: TIMEOUT }, () => {
    const s = setup('interactive-with-command');
    expect(runRunner(s).status).toBe(0);
    const start = startCalls(s.sb)[0] ?? [];
    expect(start).toContain('-Sbroker.rc2_none');
    expect(start.slice(-3)).toEqual(['echo', 'hello', 'world']);
  });

  it('batch: writes flux-job.batch, one flux submit per non-empty line, and runs flux batch through sh -c', { timeout: TIMEOUT }, () => {
    const s = setup('batch');
    const r = runRunner(s);
    expect(r.status).toBe(0);
    expect(readFileSync(join(s.sb.work, 'flux-job.batch'), 'utf8')).toBe(
      [
        '#!/bin/bash',
        'flux submit --flags waitable --error=/tmp/fluxout/job-0.err --output=/tmp/fluxout/job-0.out echo hello world 1',
        '',
        `flux submit --flags waitable --error=/tmp/fluxout/job-2.err --output=/tmp/fluxout/job-2.out echo 'two words' "$HOME"`,
        '',
        'flux queue idle',
        'flux jobs -a',
        '',
      ].join('\n'),
    );
    expect(statSync(join(s.sb.work, 'flux-job.batch')).mode & 0o100).toBe(0o100);
    expect(startCalls(s.sb)).toEqual([
      ['start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions, 'sh', '-c', 'flux batch -N 4 -n4 --flags waitable ./flux-job.batch && flux job wait --all'],
    ]);
  });

  it('batch, quiet: the rank-0 run is silenced completely', { timeout: TIMEOUT }, () => {
    const s = setup('batch-quiet');
    const r = runRunner(s, { env: { FAKE_FLUX_RUN: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('batchRaw: lines as written; output dir with a space; prefix and timing around the batch', { timeout: TIMEOUT }, () => {
    const raw = setup('batch-raw');
    expect(runRunner(raw).status).toBe(0);
    expect(readFileSync(join(raw.sb.work, 'flux-job.batch'), 'utf8')).toBe(
      '#!/bin/bash\nflux submit -n1 hostname\n\nflux queue idle\n\n',
    );

    const s = setup('batch-prefix-timed');
    expect(runRunner(s).status).toBe(0);
    const batch = readFileSync(join(s.sb.work, 'flux-job.batch'), 'utf8');
    expect(batch).toContain(`'--error=/tmp/flux out/job-0.err' '--output=/tmp/flux out/job-0.out' echo hello world 1\n`);
    expect(batch).toContain(`'--error=/tmp/flux out/job-2.err'`);
    // With timing the first program is the timer; the fake timer runs flux.
    const time = s.sb.systemPaths.timeBinary;
    expect(startCalls(s.sb)).toEqual([
      [
        'start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions,
        time, '-f', 'FLUXTIME fluxsubmit wall time %E',
        'nice', '-n', '1',
        'sh', '-c', 'flux batch -n1 --flags waitable ./flux-job.batch && flux job wait --all',
      ],
    ]);
  });

  it('timed: flux start and the submit are wrapped by the timer with the FLUXTIME formats', { timeout: TIMEOUT }, () => {
    const s = setup('timed');
    const r = runRunner(s);
    expect(r.status).toBe(0);
    const time = s.sb.systemPaths.timeBinary;
    expect(startCalls(s.sb)).toEqual([
      ['start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions, time, '-f', 'FLUXTIME fluxsubmit wall time %E', 'flux', 'submit', '-n1', '--quiet', '--watch', 'echo', 'hello', 'world'],
    ]);
    const script = runnerScript(s.f.runner);
    expect(script).toContain(`-f 'FLUXTIME fluxstart wall time %E'`);
  });

  it('timed without the timer: the script itself (not a subshell) exits 1 before running Flux', { timeout: TIMEOUT }, () => {
    const s = setup('timed', (f) => {
      f.runner.systemPaths = { ...f.runner.systemPaths, timeBinary: '/nonexistent/time' };
    });
    const r = runRunner(s);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/nonexistent/time is required for timed logging');
    expect(s.sb.fluxCalls()).toEqual([]);
  });

  it('wrap reaches flux start as one --wrap= word', { timeout: TIMEOUT }, () => {
    const wrap = setup('wrap');
    expect(runRunner(wrap).status).toBe(0);
    expect(startCalls(wrap.sb)[0]?.slice(0, 3)).toEqual(['start', '--wrap=strace,-f,-o,/tmp/trace out', '-o']);
  });

  it('an archive path with a space is restored, as one option added last, only when it exists', { timeout: TIMEOUT }, () => {
    const archive = setup('archive-with-space', (f) => {
      f.runner.archivePath = `${f.runner.mountPath}/archive dir/job archive.sqlite`;
    });
    expect(runRunner(archive).status).toBe(0);
    expect(startCalls(archive.sb)[0]).not.toContain(`-Scontent.restore=${archive.f.runner.archivePath}`);
    archive.sb.write(`${archive.f.runner.archivePath.slice(archive.sb.root.length + 1)}`, 'sqlite');
    expect(runRunner(archive).status).toBe(0);
    const second = startCalls(archive.sb)[1] ?? [];
    expect(second.slice(4, 4 + archive.f.runner.brokerOptions.length + 1)).toEqual([
      ...archive.f.runner.brokerOptions,
      `-Scontent.restore=${archive.f.runner.archivePath}`,
    ]);

  });

  it('commands.prefix words go before the submit command', { timeout: TIMEOUT }, () => {
    const prefix = setup('prefix');
    expect(runRunner(prefix).status).toBe(0);
    const p = startCalls(prefix.sb)[0] ?? [];
    expect(p.slice(p.indexOf('-Slog-stderr-mode=local') + 1)).toEqual([
      'singularity', 'exec', 'my image.sif', 'flux', 'submit', '-n1', '--quiet', '--watch', 'echo', 'hello', 'world',
    ]);

  });

  it('submitCommand and flags are shell words', { timeout: TIMEOUT }, () => {
    const submit = setup('submit-command');
    expect(runRunner(submit).status).toBe(0);
    const sc = startCalls(submit.sb)[0] ?? [];
    expect(sc.slice(sc.indexOf('-Slog-stderr-mode=local') + 1)).toEqual([
      'flux', 'run', '-N', '4', '-n4', '--setattr=user.note=a b', '--quiet', '--watch', 'echo', 'hello', 'world',
    ]);
  });

  it('commands.*: init, pre (exports persist), brokerPre, prefix and post run in this shell', { timeout: TIMEOUT }, () => {
    const s = setup('commands');
    const r = runRunner(s, { env: { FAKE_FLUX_RUN: '1', MCS_TEST_OUT: join(s.sb.root, 'out') } });
    expect(r.status).toBe(0);
    expect(readFileSync(join(s.sb.root, 'out.init'), 'utf8')).toMatch(/^init \d+\n$/);
    expect(r.stdout).toContain('pre ran');
    expect(r.stderr).toContain('brokerPre ran');
    expect(r.stdout).not.toContain('workerPre ran');
    // The command expands $FROM_PRE set by commands.pre, then runs under the prefix.
    expect(r.stdout).toContain('pre value\n');
    const start = startCalls(s.sb)[0] ?? [];
    expect(start.slice(start.indexOf('-Slog-stderr-mode=local') + 1)).toEqual([
      'env', 'MCS_PREFIXED=1', 'flux', 'submit', '-n1', '--quiet', '--watch', 'printf', '%s\\n', 'pre value',
    ]);
    expect(r.stdout).toContain('post ran, status so far: 0');
  });

  it('commands.script: written with the upstream backslash rules, run as the command', { timeout: TIMEOUT }, () => {
    const s = setup('custom-script');
    const r = runRunner(s, { env: { FAKE_FLUX_RUN: '1', FLUX_TASK_RANK: '3' } });
    expect(r.status).toBe(0);
    const path = `${s.sb.systemPaths.tmpDir}/custom-entrypoint.sh`;
    expect(readFileSync(path, 'utf8')).toBe(
      '#!/bin/bash\necho "task ${FLUX_TASK_RANK:-none} in $(pwd)"\nfor i in 1 2; do echo "i=$i"; done\necho "back\\slash"\n\n',
    );
    const start = startCalls(s.sb)[0] ?? [];
    expect(start.slice(-2)).toEqual(['/bin/bash', path]);
    expect(r.stdout).toContain(`task 3 in ${s.sb.work}\ni=1\ni=2\nback\\slash\n`);
  });

  it('quiet: output of pre and brokerPre is discarded, init stdout too', { timeout: TIMEOUT }, () => {
    const s = setup('commands', (f) => {
      f.runner.quiet = true;
    });
    const r = runRunner(s);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('pre ran');
    expect(r.stderr).not.toContain('brokerPre ran');
    // post is never silenced.
    expect(r.stdout).toBe('post ran, status so far: 0\n');
  });
});

describe('runner script (wait-i.sh), follower pods', () => {
  it('retries a failed broker after 15 s, also under strict mode, then exits 0', { timeout: TIMEOUT }, () => {
    const s = setup('strict');
    const r = runRunner(s, { hostname: 'flux-sample-2', env: { FAKE_FLUX_START_FAILS: '2' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const expected = ['start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions];
    expect(startCalls(s.sb)).toEqual([expected, expected, expected]);
    expect(s.sb.sleepCalls()).toEqual(['15', '15']);
    // Printed even when quiet: the follower command line and the retries.
    expect(r.stdout).toContain(`Follower broker: flux start -o --config ${s.cfg} -Scron.directory=`);
    expect(r.stdout.match(/exited with status 3; retrying in 15 seconds/g)).toHaveLength(2);
    expect(existsSync(`${s.mount}/flux-operator-complete.txt`)).toBe(true);
  });

  it('non-strict retries the same way', { timeout: TIMEOUT }, () => {
    const s = setup('hello-world');
    const r = runRunner(s, { hostname: 'flux-sample-1', env: { FAKE_FLUX_START_FAILS: '1' } });
    expect(r.status).toBe(0);
    expect(startCalls(s.sb)).toHaveLength(2);
    expect(s.sb.sleepCalls()).toEqual(['15']);
  });

  it('completeWorkers: one run whatever the status, and its status is the exit status', { timeout: TIMEOUT }, () => {
    const s = setup('complete-workers');
    const r = runRunner(s, { hostname: 'flux-sample-3', env: { FAKE_FLUX_START_STATUS: '5' } });
    expect(r.status).toBe(5);
    expect(startCalls(s.sb)).toHaveLength(1);
    expect(s.sb.sleepCalls()).toEqual([]);
  });

  it('workerPre runs on followers only; followers never get wrap, prefix or timing', { timeout: TIMEOUT }, () => {
    const s = setup('commands', (f) => {
      f.runner.wrap = 'strace';
      f.runner.timed = true;
    });
    const r = runRunner(s, { hostname: 'flux-sample-1' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('workerPre ran');
    expect(r.stderr).not.toContain('brokerPre ran');
    expect(startCalls(s.sb)).toEqual([['start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions]]);
  });
});

describe('runner script (wait-i.sh), view setup: Python, HOME, helper files', () => {
  it('writes flux-view.sh with exact environment values and the socket', { timeout: TIMEOUT }, () => {
    const s = setup('flux-environment');
    // A value captured at run time with a single quote in it.
    expect(runRunner(s, { env: { LD_LIBRARY_PATH: "/it's lib" } }).status).toBe(0);
    const view = `${s.mount}/flux-view.sh`;
    const probe = s.sb.run(
      `. ${JSON.stringify(view)}\nprintf '%s\\0' "$DOLLAR" "$MULTI" "$QUOTES" "$SPACES" "$fluxsocket" "$LD_LIBRARY_PATH" "$PYTHONPATH" "$PATH"\n`,
    );
    const [dollar, multi, quotes, spaces, socket, ld, py, path] = probe.stdout.split('\0');
    expect(dollar).toBe('cost $HOME and ${PATH} `date` $(id)');
    expect(multi).toBe('line one\nline "two"\n');
    expect(quotes).toBe(`it's "quoted" \\ back`);
    expect(spaces).toBe('  a  b  ');
    expect(socket).toBe(`local://${s.mount}/config/run/flux/local`);
    expect(ld).toBe(`/it's lib:${s.mount}/view/lib`);
    expect(py).toBe(`:${s.mount}/view/lib/python3.11/site-packages`);
    expect(path?.endsWith(`:${s.mount}/view/bin`)).toBe(true);
    expect(readFileSync(view, 'utf8')).toContain('# (skipped a flux.environment entry');
  });

  it('exports FLUX_RC_EXTRA, STATE_DIR, FLUX_OUTPUT_DIR; links python into bin, not lib; writes helpers', { timeout: TIMEOUT }, () => {
    const s = setup('commands', (f) => {
      f.runner.commands.pre = 'printf "%s\\n" "$FLUX_RC_EXTRA|$STATE_DIR|$FLUX_OUTPUT_DIR|$HOME|$PYTHONPATH"';
    });
    const r = runRunner(s, { env: { HOME: '/' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      `${s.mount}/view/etc/flux/rc1.d|${s.mount}/config/var/lib/flux|/tmp/fluxout|${s.sb.systemPaths.homeFallback}|:${s.mount}/view/lib/python3.11/site-packages\n`,
    );
    const bin = `${s.mount}/view/bin`;
    expect(lstatSync(`${bin}/python3`).isSymbolicLink()).toBe(true);
    expect(readlinkSync(`${bin}/python3`)).toBe('python3.11');
    expect(readlinkSync(`${bin}/python`)).toBe('python3.11');
    expect(existsSync(`${s.mount}/view/lib/python3`)).toBe(false);
    expect(readFileSync(`${s.mount}/load-fluxion.sh`, 'utf8')).toBe(
      'flux module remove sched-simple\nflux module load sched-fluxion-resource\nflux module load sched-fluxion-qmanager\n',
    );
    // The software of the view is copied to the software dir.
    expect(existsSync(`${s.sb.systemPaths.softwareDir}/pkg/README`)).toBe(true);
  });

  it('flux-connect.sh works when run later from anywhere (no unexpanded variable in it)', { timeout: TIMEOUT }, () => {
    const s = setup('mount-with-space');
    expect(runRunner(s).status).toBe(0);
    const r = s.sb.run(`bash ${JSON.stringify(`${s.mount}/flux-connect.sh`)}\n`);
    expect(r.status).toBe(0);
    expect(s.sb.fluxCalls().at(-1)).toEqual(['proxy', `local://${s.mount}/config/run/flux/local`, 'bash']);
  });

  it('pythonPath replaces the computed site-packages', { timeout: TIMEOUT }, () => {
    const py = setup('python-path', (f) => {
      f.runner.commands.pre = 'printf "%s|%s\\n" "$PYTHONPATH" "${FLUX_RC_EXTRA:-none}"';
    });
    expect(runRunner(py).stdout).toContain(':/opt/my python/site-packages|');
  });

  it('scheduler.simple: no FLUX_RC_EXTRA', { timeout: TIMEOUT }, () => {
    const simple = setup('scheduler-simple', (f) => {
      f.runner.commands.pre = 'printf "%s" "${FLUX_RC_EXTRA:-none}" > "${viewbase}/rc-extra"';
    });
    expect(runRunner(simple).status).toBe(0);
    const out = `${simple.mount}/rc-extra`;
    expect(readFileSync(out, 'utf8')).toBe('none');
  });

  it('view disabled: no paths setup, no helper files, Flux from PATH', { timeout: TIMEOUT }, () => {
    const disabled = setup('view-disabled', (f) => {
      f.runner.commands.pre = 'printf "%s\\n" "rc=${FLUX_RC_EXTRA:-none}"';
    });
    const r = runRunner(disabled);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('rc=none');
    expect(existsSync(`${disabled.mount}/flux-view.sh`)).toBe(false);
    expect(startCalls(disabled.sb)).toHaveLength(1);
  });
});

describe('runner script, multi-line command without batch', () => {
  it('is split into words across lines, like upstream word splitting', { timeout: TIMEOUT }, () => {
    const s = setup('hello-world', (f) => {
      f.runner.command = MULTILINE_COMMAND;
    });
    expect(runRunner(s).status).toBe(0);
    const start = startCalls(s.sb)[0] ?? [];
    expect(start.slice(start.indexOf('--watch') + 1)).toEqual([
      'echo', 'hello', 'world', '1', 'echo', 'two words', join(s.sb.root, 'home/user'),
    ]);
  });
});

describe('runner script under a JobSet, with the certificate in a Secret', () => {
  /** Inputs as the generator makes them for `--workload jobset --cert-secret`: NAME-node-0-i hosts, certificate under the Secret's mount. */
  function jobSetSetup(): Setup {
    return setup('hello-world', (f) => {
      f.runner.leadHost = 'flux-sample-node-0-0';
      f.runner.certificateInSecret = true;
      f.init.hostlist = 'flux-sample-node-0-[0-3]';
      f.init.certificateInSecret = true;
    });
  }

  /** The certificate is in the Secret's mount only, owner-readable, as the kubelet writes it. */
  function certificateInSecretOnly(sb: Sandbox): void {
    rmSync(join(sb.root, 'flux_operator', 'curve.cert'));
    chmodSync(sb.write('curve/curve.cert', `curve\n    secret-key = "${FAKE_SECRET}"\n`), 0o400);
  }

  it('rank 0 is the pod named NAME-node-0-0: it starts Flux with the command over the JobSet hosts', { timeout: TIMEOUT }, () => {
    const s = jobSetSetup();
    certificateInSecretOnly(s.sb);
    const r = runRunner(s, { hostname: 'flux-sample-node-0-0' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const calls = s.sb.fluxCalls();
    expect(calls[0]).toEqual(['R', 'encode', '--hosts=flux-sample-node-0-[0-3]', '--local']);
    expect(startCalls(s.sb)).toEqual([
      ['start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions, 'flux', 'submit', '-n1', '--quiet', '--watch', 'echo', 'hello', 'world'],
    ]);
    // Copied from the Secret's mount, and readable by its owner only.
    const cert = `${s.mount}/config/curve/curve.cert`;
    expect(readFileSync(cert, 'utf8')).toContain(FAKE_SECRET);
    expect(statSync(cert).mode & 0o044).toBe(0);
  });

  it('the other JobSet pods follow, and the operator-style name NAME-0 is not taken for rank 0', { timeout: TIMEOUT }, () => {
    for (const hostname of ['flux-sample-node-0-1', 'flux-sample-node-0-3', 'flux-sample-0']) {
      const s = jobSetSetup();
      certificateInSecretOnly(s.sb);
      const r = runRunner(s, { hostname });
      expect(r.status, hostname).toBe(0);
      expect(startCalls(s.sb), hostname).toEqual([['start', '-o', '--config', s.cfg, ...s.f.runner.brokerOptions]]);
    }
  });

  it('the init script reports the certificate where the Secret puts it', { timeout: TIMEOUT }, () => {
    const sb = new Sandbox();
    sandboxes.push(sb);
    certificateInSecretOnly(sb);
    const f = fixture('hello-world').build({ prefix: sb.root, systemPaths: sb.systemPaths });
    f.init.certificateInSecret = true;
    const r = sb.run(initScript(f.init));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('CURVE certificate present');
    expect(r.stderr).not.toContain('missing');
    // And the operator's place is not where it looks any more.
    f.init.certificateInSecret = false;
    expect(sb.run(initScript(f.init)).stderr).toContain('curve.cert is missing or empty');
  });
});
