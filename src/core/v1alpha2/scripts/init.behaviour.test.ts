/** Runs flux-init.sh with bash in a sandbox. */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from './fixtures.test-data.ts';
import { initScript } from './initScript.ts';
import { FAKE_SECRET, Sandbox } from '../../testing/scriptSandbox.ts';

const TIMEOUT = 5_000;
let sandboxes: Sandbox[] = [];
afterEach(() => {
  for (const s of sandboxes) s.cleanup();
  sandboxes = [];
});

function build(id: string) {
  const sb = new Sandbox();
  sandboxes.push(sb);
  return { sb, f: fixture(id).build({ prefix: sb.root, systemPaths: sb.systemPaths }) };
}

describe('init script (flux-init.sh)', () => {
  it('writes hostlist and broker.toml verbatim, without shell expansion, under MOUNT/config of a custom mount', { timeout: TIMEOUT }, () => {
    const { sb, f } = build('tricky-broker-config');
    const r = sb.run(initScript(f.init));
    expect(r.status).toBe(0);
    const config = `${f.init.mountPath}/config`;
    expect(readFileSync(`${config}/etc/flux/system/hostlist`, 'utf8')).toBe('weird host-[0-1],$x\n');
    expect(readFileSync(`${config}/etc/flux/config/broker.toml`, 'utf8')).toBe(
      '[x]\nhome = "$HOME"\ncmd = "`echo hi`"\nsub = "$(id)"\nback = "a\\\\b\\n"\nMCS_EOF\nend = 1\n',
    );
    for (const dir of ['etc/flux/system/cron.d', 'var/lib/flux', 'run/flux', 'etc/curve']) {
      expect(existsSync(`${config}/${dir}`)).toBe(true);
    }
    expect(existsSync(`${f.init.mountPath}/flux-operator-done.txt`)).toBe(true);
  });

  it('uses a mount path with a space and no hard-coded /mnt/flux', { timeout: TIMEOUT }, () => {
    const { sb, f } = build('mount-with-space');
    expect(sb.run(initScript(f.init)).status).toBe(0);
    expect(readFileSync(`${f.init.mountPath}/config/etc/flux/system/hostlist`, 'utf8')).toBe('flux-sample-[0-3]\n');
    expect(initScript(fixture('mount-with-space').build().init)).not.toContain('/mnt/flux');
  });

  it('overwrites broker.toml when run twice, instead of appending a second copy', { timeout: TIMEOUT }, () => {
    const { sb, f } = build('hello-world');
    const script = initScript(f.init);
    expect(sb.run(script).status).toBe(0);
    expect(sb.run(script).status).toBe(0);
    expect(readFileSync(`${f.init.mountPath}/config/etc/flux/config/broker.toml`, 'utf8')).toBe(`${f.init.brokerConfig}\n`);
  });

  it('logs that the certificate is present, never its content (it holds the secret key)', { timeout: TIMEOUT }, () => {
    const { sb, f } = build('hello-world');
    const r = sb.run(initScript(f.init));
    expect(r.stdout).toContain('CURVE certificate present');
    expect(`${r.stdout}${r.stderr}`).not.toContain(FAKE_SECRET);
    expect(r.stdout).toContain('Hello, I am flux-sample-0');
  });

  it('copies the real view directory and the software to the shared volume', { timeout: TIMEOUT }, () => {
    const { sb, f } = build('hello-world');
    const r = sb.run(initScript(f.init));
    expect(r.stderr).toBe('');
    expect(existsSync(`${f.init.mountPath}/view/bin/python3.11`)).toBe(true);
    expect(existsSync(`${f.init.mountPath}/view/lib/python3.11/site-packages`)).toBe(true);
    expect(existsSync(`${f.init.mountPath}/software/pkg/README`)).toBe(true);
  });

  it('view disabled: creates MOUNT/software, copies nothing, still succeeds', { timeout: TIMEOUT }, () => {
    const { sb, f } = build('view-disabled');
    const r = sb.run(initScript(f.init));
    expect(r.status).toBe(0);
    expect(existsSync(`${f.init.mountPath}/software`)).toBe(true);
    expect(existsSync(`${f.init.mountPath}/view/bin/python3.11`)).toBe(false);
    expect(existsSync(`${f.init.mountPath}/config/etc/flux/config/broker.toml`)).toBe(true);
  });

  it('says clearly when the image has no view', { timeout: TIMEOUT }, () => {
    const { sb, f } = build('hello-world');
    f.init.systemPaths = { ...f.init.systemPaths, viewsDir: `${sb.root}/no-such-dir` };
    const r = sb.run(initScript(f.init));
    expect(r.stderr).toContain('No Flux view found under');
  });
});
