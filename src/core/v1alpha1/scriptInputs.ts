/** Maps a resolved v1alpha1 MiniCluster onto the inputs of its entrypoint scripts. */
import { hostlist } from '../common/hostlist.ts';
import { v1alpha1Quorum } from './brokerToml.ts';
import type { ResolvedV1alpha1MiniCluster } from './defaults.ts';
import { derivedPassword, derivedUuid } from './derivedSecrets.ts';
import type { StartScriptInputs, V1alpha1Commands, WaitScriptInputs } from './scripts/inputs.ts';
import type { V1alpha1Container } from './schema.ts';

/** The brokers' local socket (`-Slocal-uri`): fixed in v1alpha1. */
export const V1ALPHA1_LOCAL_URI = 'local:///run/flux/local';

/** The Linux user the Flux container's broker runs as (unless `commands.runFluxAsRoot`). */
export const fluxUserOf = (container: V1alpha1Container): string => container.fluxUser?.name || 'flux';

export function v1alpha1BrokerOptions(mc: ResolvedV1alpha1MiniCluster): string[] {
  const { spec } = mc;
  const options = ['-Scron.directory=/etc/flux/system/cron.d', '-Stbon.fanout=256', '-Srundir=/run/flux'];
  if (spec.interactive) options.push('-Sbroker.rc2_none');
  options.push('-Sstatedir=/var/lib/flux', `-Slocal-uri=${V1ALPHA1_LOCAL_URI}`);
  if (spec.flux.connectTimeout) options.push(`-Stbon.connect_timeout=${spec.flux.connectTimeout}`);
  const quorum = v1alpha1Quorum(mc);
  if (quorum) options.push(`-Sbroker.quorum=${quorum}`);
  if (spec.logging.zeromq) options.push('-Stbon.zmqdebug=1');
  options.push(`-Slog-stderr-level=${spec.logging.quiet ? 0 : spec.flux.logLevel || 6}`, '-Slog-stderr-mode=local');
  return options;
}

function commandsOf(container: V1alpha1Container): V1alpha1Commands {
  const c = container.commands;
  return {
    init: c?.init ?? '',
    pre: c?.pre ?? '',
    brokerPre: c?.brokerPre ?? '',
    workerPre: c?.workerPre ?? '',
    post: c?.post ?? '',
    prefix: c?.prefix ?? '',
  };
}

/** Users with their final passwords: given ones (at most 8 characters), else derived from `seed`. */
export function usersWithPasswords(mc: ResolvedV1alpha1MiniCluster, seed: string): Array<{ name: string; password: string }> {
  return (mc.spec.users ?? []).map((user, index) => ({
    name: user.name,
    password: user.password ? user.password.slice(0, 8) : derivedPassword(seed, `user-password/${index}/${user.name}`),
  }));
}

export function waitScriptInputs(mc: ResolvedV1alpha1MiniCluster, container: V1alpha1Container, seed: string): WaitScriptInputs {
  const { spec } = mc;
  const { size, tasks } = spec;
  const cores = container.cores ?? 0;
  const rest = spec.fluxRestful;
  return {
    name: mc.metadata.name,
    quiet: spec.logging.quiet,
    strict: spec.logging.strict,
    timed: spec.logging.timed,
    debug: spec.logging.debug,
    fluxUser: fluxUserOf(container),
    fluxUid: container.fluxUser?.uid || 1000,
    installRoot: spec.flux.installRoot,
    runFluxAsRoot: container.commands?.runFluxAsRoot ?? false,
    commands: commandsOf(container),
    users: usersWithPasswords(mc, seed),
    outputDir: container.logs || '/tmp/fluxout',
    brokerOptions: v1alpha1BrokerOptions(mc),
    archivePath: spec.archive?.path ?? '',
    hostlist: hostlist(mc),
    coresFlag: cores > 1 ? `--cores=0-${cores - 1}` : '--local',
    diagnostics: container.diagnostics ?? false,
    optionFlags: spec.flux.optionFlags ?? '',
    interactive: spec.interactive,
    command: container.command ?? '',
    launcher: container.launcher ?? false,
    batch: container.batch ?? false,
    batchRaw: container.batchRaw ?? false,
    submitCommand: spec.flux.submitCommand || 'flux submit',
    nodeFlags: tasks >= size ? `-N ${size} -n ${tasks}` : `-n ${tasks}`,
    wrap: spec.flux.wrap ?? '',
    size,
    rest: {
      branch: rest.branch || 'main',
      port: rest.port,
      username: rest.username || 'flux',
      token: rest.token || derivedUuid(seed, 'flux-restful/token'),
      secretKey: rest.secretKey || derivedUuid(seed, 'flux-restful/secret-key'),
    },
  };
}

export function startScriptInputs(mc: ResolvedV1alpha1MiniCluster, container: V1alpha1Container): StartScriptInputs {
  return {
    quiet: mc.spec.logging.quiet,
    strict: mc.spec.logging.strict,
    commands: commandsOf(container),
    command: container.command ?? '',
  };
}
