/** Maps a resolved MiniCluster onto the inputs of the entrypoint scripts: broker options, submit flags, quorum. */
import type { ResolvedMiniCluster } from './defaults.ts';
import type { Container } from './schema.ts';
import type {
  ContainerCommands,
  InitScriptInputs,
  RunnerScriptInputs,
  SidecarScriptInputs,
  ViewInputs,
} from './scripts/inputs.ts';
import { brokerToml } from './brokerToml.ts';
import { hostlist } from '../common/hostlist.ts';
import { placementOf } from '../targets/placement.ts';

/** The lead broker's local socket as a Flux URI (`-Slocal-uri`), or undefined when `flux.disableSocket` leaves it out. */
export function localUri(mc: ResolvedMiniCluster): string | undefined {
  const flux = mc.spec.flux;
  return flux.disableSocket ? undefined : `local://${flux.container.mountPath}/config/run/flux/local`;
}

export function brokerOptions(mc: ResolvedMiniCluster): string[] {
  const { spec } = mc;
  const flux = spec.flux;
  const config = `${flux.container.mountPath}/config`;
  const options = [`-Scron.directory=${config}/etc/flux/system/cron.d`, '-Stbon.fanout=256', `-Srundir=${config}/run/flux`];
  if (spec.interactive) options.push('-Sbroker.rc2_none');
  options.push(`-Sstatedir=${config}/var/lib/flux`);
  const socket = localUri(mc);
  if (socket) options.push(`-Slocal-uri=${socket}`);
  if (flux.connectTimeout) options.push(`-Stbon.connect_timeout=${flux.connectTimeout}`);
  if (flux.topology) options.push(`-Stbon.topo=${flux.topology}`);
  const quorum = requiredRanks(mc);
  if (quorum) options.push(`-Sbroker.quorum=${quorum}`);
  if (spec.logging.zeromq) options.push('-Stbon.zmqdebug=1');
  options.push(`-Slog-stderr-level=${spec.logging.quiet ? 0 : flux.logLevel || 6}`);
  options.push('-Slog-stderr-mode=local');
  return options;
}

/** Node and task flags for `flux submit` / `flux batch`. */
export function submitFlags(mc: ResolvedMiniCluster): string {
  const { size, tasks } = mc.spec;
  const nodes = tasks === 0 ? `-N ${size}` : tasks >= size ? `-N ${size} -n${tasks}` : `-n${tasks}`;
  return [nodes, mc.spec.flux.optionFlags ?? '', mc.spec.logging.debug ? '-vvv' : ''].filter(Boolean).join(' ');
}

function commandsOf(container: Container): ContainerCommands {
  const c = container.commands ?? {};
  return {
    init: c.init ?? '',
    pre: c.pre ?? '',
    brokerPre: c.brokerPre ?? '',
    workerPre: c.workerPre ?? '',
    post: c.post ?? '',
    servicePre: c.servicePre ?? '',
    script: c.script ?? '',
    prefix: c.prefix ?? '',
  };
}

function viewInputs(mc: ResolvedMiniCluster): ViewInputs {
  const flux = mc.spec.flux;
  return {
    mountPath: flux.container.mountPath,
    viewEnabled: !flux.container.disable,
    pythonPath: flux.container.pythonPath ?? '',
    schedulerSimple: flux.scheduler.simple ?? false,
    fluxEnvironment: Object.entries(flux.environment ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    quiet: mc.spec.logging.quiet,
    strict: mc.spec.logging.strict,
  };
}

export function runnerInputs(mc: ResolvedMiniCluster, container: Container, placement = placementOf(mc.metadata.name, undefined)): RunnerScriptInputs {
  const { spec } = mc;
  return {
    ...viewInputs(mc),
    name: mc.metadata.name,
    leadHost: placement.leadHost,
    certificateInSecret: placement.certificateInSecret,
    command: container.command ?? '',
    commands: commandsOf(container),
    launcher: container.launcher ?? false,
    batch: container.batch ?? false,
    batchRaw: container.batchRaw ?? false,
    outputDir: container.logs || '/tmp/fluxout',
    brokerOptions: brokerOptions(mc),
    archivePath: spec.archive?.path ?? '',
    flags: submitFlags(mc),
    submitCommand: spec.flux.submitCommand || 'flux submit',
    wrap: spec.flux.wrap ?? '',
    timed: spec.logging.timed,
    completeWorkers: spec.flux.completeWorkers ?? false,
    interactive: spec.interactive,
  };
}

export function sidecarInputs(mc: ResolvedMiniCluster, container: Container): SidecarScriptInputs {
  return {
    ...viewInputs(mc),
    command: container.command ?? '',
    commands: commandsOf(container),
    noWaitSocket: mc.spec.flux.noWaitSocket ?? false,
  };
}

export function initInputs(mc: ResolvedMiniCluster, placement = placementOf(mc.metadata.name, undefined)): InitScriptInputs {
  return {
    name: mc.metadata.name,
    mountPath: mc.spec.flux.container.mountPath,
    viewEnabled: !mc.spec.flux.container.disable,
    hostlist: hostlist(mc, placement.hostPrefix),
    brokerConfig: brokerToml(mc, placement.hostPrefix),
    certificateInSecret: placement.certificateInSecret,
  };
}

/** The `-Sbroker.quorum` value, or '' when Flux should wait for every rank. */
export function requiredRanks(mc: ResolvedMiniCluster): string {
  const { minSize, maxSize, size } = mc.spec;
  if (minSize) return String(minSize);
  if (maxSize === size) return '';
  return String(size);
}
