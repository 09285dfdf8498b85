/**
 * Input fixtures for the script tests. Each fixture gives the inputs of all three scripts for one
 * situation; `prefix` relocates the mount path (and system paths) into a sandbox directory.
 */
import type {
  ContainerCommands,
  InitScriptInputs,
  RunnerScriptInputs,
  SidecarScriptInputs,
  SystemPaths,
} from './inputs.ts';

export interface ScriptFixture {
  runner: RunnerScriptInputs;
  sidecar: SidecarScriptInputs;
  init: InitScriptInputs;
}

export interface BuildOptions {
  /** Prepended to the fixture's mount path (a sandbox directory); empty for the real layout. */
  prefix?: string;
  systemPaths?: Partial<SystemPaths>;
}

export interface FixtureDef {
  id: string;
  build: (options?: BuildOptions) => ScriptFixture;
}

export interface BrokerOptionSettings {
  quiet?: boolean;
  interactive?: boolean;
  zeromq?: boolean;
  logLevel?: number;
  connectTimeout?: string;
}

/** The broker options the runner passes to flux start, in the operator's order, for a mount path. */
export function brokerOptionsFor(mount: string, s: BrokerOptionSettings = {}): string[] {
  const config = `${mount}/config`;
  const options = [`-Scron.directory=${config}/etc/flux/system/cron.d`, '-Stbon.fanout=256', `-Srundir=${config}/run/flux`];
  if (s.interactive) options.push('-Sbroker.rc2_none');
  options.push(`-Sstatedir=${config}/var/lib/flux`, `-Slocal-uri=local://${config}/run/flux/local`);
  if (s.connectTimeout) options.push(`-Stbon.connect_timeout=${s.connectTimeout}`);
  if (s.zeromq) options.push('-Stbon.zmqdebug=1');
  options.push(`-Slog-stderr-level=${s.quiet ? 0 : s.logLevel || 6}`, '-Slog-stderr-mode=local');
  return options;
}

export function emptyCommands(): ContainerCommands {
  return { init: '', pre: '', brokerPre: '', workerPre: '', post: '', servicePre: '', script: '', prefix: '' };
}

export const HELLO_BROKER_TOML = `[access]
allow-guest-user = true
allow-root-owner = true

# Point to resource definition generated with flux-R(1).
[resource]
path = "/mnt/flux/config/etc/flux/system/R"

[bootstrap]
curve_cert = "/mnt/flux/config/curve/curve.cert"
default_port = 8050
default_bind = "tcp://eth0:%p"
default_connect = "tcp://%h.flux-sample.default.svc.cluster.local:%p"
hosts = [
\t{ host="flux-sample-[0-3]"},
]\t\t


[archive]
dbpath = "/mnt/flux/config/var/lib/flux/job-archive.sqlite"
period = "1m"
busytimeout = "50s"

[sched-fluxion-qmanager]
queue-policy = "fcfs"`;

/** The operator's tests/hello-world example: quiet, size 4, `echo hello world`, default mount. */
function helloWorld(mount: string, options: BuildOptions, quiet = true): ScriptFixture {
  const view = {
    mountPath: mount,
    viewEnabled: true,
    pythonPath: '',
    schedulerSimple: false,
    fluxEnvironment: [] as Array<[string, string]>,
    quiet,
    strict: false,
    ...(options.systemPaths ? { systemPaths: options.systemPaths } : {}),
  };
  return {
    runner: {
      ...view,
      name: 'flux-sample',
      leadHost: 'flux-sample-0',
      certificateInSecret: false,
      command: 'echo hello world',
      commands: emptyCommands(),
      launcher: false,
      batch: false,
      batchRaw: false,
      outputDir: '/tmp/fluxout',
      brokerOptions: brokerOptionsFor(mount, { quiet }),
      archivePath: '',
      flags: '-n1',
      submitCommand: 'flux submit',
      wrap: '',
      timed: false,
      completeWorkers: false,
      interactive: false,
    },
    sidecar: { ...view, command: 'echo sidecar done', commands: emptyCommands(), noWaitSocket: false },
    init: {
      name: 'flux-sample',
      mountPath: mount,
      viewEnabled: true,
      hostlist: 'flux-sample-[0-3]',
      brokerConfig: HELLO_BROKER_TOML.replaceAll('/mnt/flux', mount),
      certificateInSecret: false,
      ...(options.systemPaths ? { systemPaths: options.systemPaths } : {}),
    },
  };
}

function def(id: string, mount: string, mutate: (f: ScriptFixture, mount: string) => void, quiet = true): FixtureDef {
  return {
    id,
    build: (options = {}) => {
      const m = `${options.prefix ?? ''}${mount}`;
      const f = helloWorld(m, options, quiet);
      mutate(f, m);
      return f;
    },
  };
}

/** Both scripts that share ViewInputs get the same change. */
function both(f: ScriptFixture, change: Partial<SidecarScriptInputs & RunnerScriptInputs>): void {
  Object.assign(f.runner, change);
  Object.assign(f.sidecar, change);
}

export const TRICKY_COMMAND = `printf '[%s]\\n' "double \\"quoted\\"" 'it'\\''s' $(hostname) \`echo tick\` "$MCS_TEST_VAR" back\\`;

export const MULTILINE_COMMAND = "echo hello world 1\n\necho 'two words' \"$HOME\"\n";

export const FIXTURES: FixtureDef[] = [
  def('hello-world', '/mnt/flux', () => {}),
  def('not-quiet', '/mnt/flux', () => {}, false),
  def('strict', '/mnt/flux', (f) => both(f, { strict: true })),
  def('strict-not-quiet', '/mnt/flux', (f) => both(f, { strict: true }), false),
  def('timed', '/mnt/flux', (f) => Object.assign(f.runner, { timed: true }), false),
  def('debug-zeromq', '/mnt/flux', (f, m) => {
    f.runner.flags = '-N 4 -n4 -vvv';
    f.runner.brokerOptions = brokerOptionsFor(m, { zeromq: true, logLevel: 7, connectTimeout: '5s' });
  }, false),
  def('batch', '/mnt/flux', (f) => Object.assign(f.runner, { batch: true, command: MULTILINE_COMMAND, flags: '-N 4 -n4' }), false),
  def('batch-quiet', '/mnt/flux', (f) => Object.assign(f.runner, { batch: true, command: MULTILINE_COMMAND })),
  def('batch-raw', '/mnt/flux', (f) =>
    Object.assign(f.runner, { batch: true, batchRaw: true, command: 'flux submit -n1 hostname\n\nflux queue idle\n' }), false),
  def('batch-prefix-timed', '/tmp/out dir', (f) => {
    Object.assign(f.runner, { batch: true, command: MULTILINE_COMMAND, outputDir: '/tmp/flux out', timed: true });
    f.runner.commands.prefix = 'nice -n 1';
  }, false),
  def('launcher', '/mnt/flux', (f) => Object.assign(f.runner, { launcher: true }), false),
  def('interactive-no-command', '/mnt/flux', (f, m) => {
    Object.assign(f.runner, { interactive: true, command: '', brokerOptions: brokerOptionsFor(m, { interactive: true }) });
    f.sidecar.command = '';
  }, false),
  def('interactive-with-command', '/mnt/flux', (f, m) => {
    Object.assign(f.runner, { interactive: true, brokerOptions: brokerOptionsFor(m, { interactive: true }) });
  }),
  def('mount-with-space', '/opt/flux view', () => {}, false),
  def('view-disabled', '/mnt/flux', (f) => {
    both(f, { viewEnabled: false });
    f.init.viewEnabled = false;
  }, false),
  def('python-path', '/mnt/flux', (f) => both(f, { pythonPath: '/opt/my python/site-packages' }), false),
  def('scheduler-simple', '/mnt/flux', (f) => both(f, { schedulerSimple: true })),
  def('flux-environment', '/mnt/flux', (f) =>
    both(f, {
      fluxEnvironment: [
        ['DOLLAR', 'cost $HOME and ${PATH} `date` $(id)'],
        ['MULTI', 'line one\nline "two"\n'],
        ['QUOTES', `it's "quoted" \\ back`],
        ['SPACES', '  a  b  '],
        ['bad-name; rm -rf /', 'x'],
      ],
    }), false),
  def('commands', '/mnt/flux', (f) => {
    const commands = {
      init: 'echo "init $(id -u)" > "${MCS_TEST_OUT:-/dev/null}.init"',
      pre: 'export FROM_PRE="pre value"\necho "pre ran"',
      brokerPre: 'echo "brokerPre ran" >&2',
      workerPre: "echo 'workerPre ran'",
      post: 'echo "post ran, status so far: ${flux_status:-unset}"',
      servicePre: 'echo "servicePre ran"',
      script: '',
      prefix: 'env MCS_PREFIXED=1',
    };
    f.runner.commands = { ...commands };
    f.sidecar.commands = { ...commands };
    f.runner.command = 'printf "%s\\n" "$FROM_PRE"';
    f.sidecar.command = 'echo "sidecar sees ${FROM_PRE:-nothing} and ${fluxsocket}" && echo second';
  }, false),
  def('custom-script', '/mnt/flux', (f) => {
    const script = '#!/bin/bash\necho "task \\${FLUX_TASK_RANK:-none} in \\$(pwd)"\nfor i in 1 2; do echo "i=$i"; done\necho "back\\\\slash"\n';
    f.runner.commands.script = script;
    f.sidecar.commands.script = script;
  }, false),
  def('archive-with-space', '/mnt/flux', (f) => Object.assign(f.runner, { archivePath: '/mnt/flux/archive dir/job archive.sqlite' }), false),
  def('wrap', '/mnt/flux', (f) => Object.assign(f.runner, { wrap: 'strace,-f,-o,/tmp/trace out' }), false),
  def('prefix', '/mnt/flux', (f) => {
    f.runner.commands.prefix = 'singularity exec "my image.sif"';
  }, false),
  def('submit-command', '/mnt/flux', (f) => Object.assign(f.runner, { submitCommand: 'flux run', flags: '-N 4 -n4 --setattr=user.note="a b"' }), false),
  def('complete-workers', '/mnt/flux', (f) => Object.assign(f.runner, { completeWorkers: true })),
  def('no-wait-socket', '/mnt/flux', (f) => Object.assign(f.sidecar, { noWaitSocket: true })),
  def('tricky-command', '/mnt/flux', (f) => {
    f.runner.command = TRICKY_COMMAND;
    f.sidecar.command = TRICKY_COMMAND;
  }, false),
  def('tricky-broker-config', '/mnt/flux', (f) => {
    f.init.brokerConfig = '[x]\nhome = "$HOME"\ncmd = "`echo hi`"\nsub = "$(id)"\nback = "a\\\\b\\n"\nMCS_EOF\nend = 1';
    f.init.hostlist = 'weird host-[0-1],$x';
  }),
];

export function fixture(id: string): FixtureDef {
  const found = FIXTURES.find((f) => f.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
}
