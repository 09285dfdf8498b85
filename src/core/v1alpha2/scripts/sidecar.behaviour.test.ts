/** Runs start-i.sh with bash in a sandbox. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, type ScriptFixture } from './fixtures.test-data.ts';
import { initScript } from './initScript.ts';
import { type RunOptions, Sandbox } from '../../testing/scriptSandbox.ts';
import { SOCKET_WAIT_INTERVAL_SECONDS, SOCKET_WAIT_SECONDS, sidecarScript } from './sidecarScript.ts';

const TIMEOUT = 5_000;
let sandboxes: Sandbox[] = [];
afterEach(() => {
  for (const s of sandboxes) s.cleanup();
  sandboxes = [];
});

function setup(id: string, tweak?: (f: ScriptFixture) => void) {
  const sb = new Sandbox();
  sandboxes.push(sb);
  const f = fixture(id).build({ prefix: sb.root, systemPaths: sb.systemPaths });
  tweak?.(f);
  expect(sb.run(initScript(f.init)).status).toBe(0);
  const socket = `${f.sidecar.mountPath}/config/run/flux/local`;
  const run = (options: RunOptions = {}) => sb.run(sidecarScript(f.sidecar), options);
  const createSocket = () => {
    mkdirSync(dirname(socket), { recursive: true });
    sb.write(socket.slice(sb.root.length + 1), '');
  };
  return { sb, f, socket, run, createSocket };
}

describe('sidecar script (start-i.sh)', () => {
  it('waits for MOUNT/config/run/flux/local, where the broker socket is, and then runs the command as shell code', { timeout: TIMEOUT }, () => {
    const s = setup('commands');
    const r = s.run({ env: { FAKE_SLEEP_TOUCH: s.socket, FAKE_SLEEP_TOUCH_AFTER: '3' } });
    expect(r.status).toBe(0);
    expect(s.sb.sleepCalls()).toEqual(['2', '2', '2']);
    expect(r.stdout).toContain(`Waiting up to ${SOCKET_WAIT_SECONDS}s for the Flux broker socket ${s.socket}`);
    // commands.pre does not run in sidecars; servicePre does; && works; $fluxsocket is right.
    expect(r.stdout).toContain('servicePre ran\nWaiting up to');
    expect(r.stdout).toContain(`\nsidecar sees nothing and local://${s.socket}\nsecond\n`);
    expect(r.stdout).toContain('post ran');
  });

  it('gives up after a bounded time with a clear message, then continues (not strict)', { timeout: TIMEOUT }, () => {
    const s = setup('hello-world');
    const r = s.run();
    expect(r.status).toBe(0);
    expect(s.sb.sleepCalls()).toHaveLength(SOCKET_WAIT_SECONDS / SOCKET_WAIT_INTERVAL_SECONDS);
    expect(r.stderr).toBe(
      `The Flux broker socket ${s.socket} did not appear within ${SOCKET_WAIT_SECONDS}s; continuing without it.\n`,
    );
    expect(r.stdout).toBe('sidecar done\n');
  });

  it('strict: gives up with the message and exit status 1, without running the command', { timeout: TIMEOUT }, () => {
    const s = setup('strict');
    const r = s.run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('did not appear within');
    expect(r.stdout).not.toContain('sidecar done');
  });

  it('noWaitSocket: no wait at all', { timeout: TIMEOUT }, () => {
    const s = setup('no-wait-socket');
    const r = s.run();
    expect(r.status).toBe(0);
    expect(s.sb.sleepCalls()).toEqual([]);
    expect(r.stdout).toBe('sidecar done\n');
  });

  it('quiet: prints nothing of its own when the socket is there', { timeout: TIMEOUT }, () => {
    const s = setup('hello-world', (f) => {
      f.sidecar.command = 'true';
    });
    s.createSocket();
    const r = s.run();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('runs commands.script in place of the command, with $fluxsocket exported to it', { timeout: TIMEOUT }, () => {
    const s = setup('custom-script', (f) => {
      f.sidecar.commands.script = '#!/bin/bash\necho "script sees \\$fluxsocket"\nexit 4\n';
    });
    s.createSocket();
    const r = s.run();
    expect(readFileSync(`${s.sb.systemPaths.tmpDir}/custom-entrypoint.sh`, 'utf8')).toBe(
      '#!/bin/bash\necho "script sees $fluxsocket"\nexit 4\n\n',
    );
    expect(r.stdout).toContain(`script sees local://${s.socket}\n`);
    // The exit status is the command's.
    expect(r.status).toBe(4);
  });

  it('the tricky command runs as shell code', { timeout: TIMEOUT }, () => {
    const s = setup('tricky-command');
    s.createSocket();
    const r = s.run({ env: { MCS_TEST_VAR: 'v' } });
    expect(r.status).toBe(0);
    // Run as written: at the end of the code a trailing backslash is literal (in wait-i.sh it
    // ends the word list like a line continuation instead).
    expect(r.stdout).toContain('[double "quoted"]\n[it\'s]\n[flux-sample-0]\n[tick]\n[v]\n[back\\]\n');
  });

  it('no command: nothing runs, exit 0', { timeout: TIMEOUT }, () => {
    const s = setup('interactive-no-command');
    s.createSocket();
    const r = s.run();
    expect(r.status).toBe(0);
  });
});
