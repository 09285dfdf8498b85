/**
 * What the commands to run next need to know of one resolved MiniCluster: its names, the labels
 * its pods carry, its Flux container and how a shell reaches its lead broker's socket. Plain data,
 * so the generator worker can hand it to the page, which fills in the bundle's file name
 * (`kubectlCommands`).
 */
import { APP_NAME_LABEL, fluxContainerName } from '../common/operatorNames.ts';
import type { ResolvedAny } from '../pipeline.ts';
import { QUEUE_LABEL, type Gang, type OutputOptions, type Workload } from '../targets/options.ts';
import { fluxUserOf, V1ALPHA1_LOCAL_URI } from '../v1alpha1/scriptInputs.ts';
import { localUri } from '../v1alpha2/scriptInputs.ts';
import { fluxViewScript } from '../v1alpha2/scripts/paths.ts';
import { shellWord } from '../common/scripts/shellQuote.ts';

/** How a shell on the lead broker reaches Flux: a bash script to run there, or why there is none. */
export type FluxShell = { script: string } | { unavailable: string };

export interface CommandTarget {
  name: string;
  namespace: string;
  /** A label (`key=value`) every pod of this MiniCluster carries and no other MiniCluster's pods do. */
  podLabel: string;
  /** The container the brokers run in. */
  fluxContainer: string;
  fluxShell: FluxShell;
  workload: Workload;
  /** The Kueue LocalQueue the Job (or JobSet) is labelled for: the output option, else `spec.jobLabels`. */
  queue?: string;
  /** The gang scheduler whose PodGroup (named after the MiniCluster) the bundle holds. */
  gang?: Gang;
}

export function commandTarget(resolved: ResolvedAny, output: OutputOptions | undefined): CommandTarget {
  const { metadata, spec } = resolved.cluster;
  const queue = output?.queue || spec.jobLabels?.[QUEUE_LABEL];
  return {
    name: metadata.name,
    namespace: metadata.namespace,
    podLabel: `${APP_NAME_LABEL}=${metadata.name}`,
    fluxContainer: fluxContainerName(resolved.cluster),
    fluxShell: fluxShell(resolved),
    // JobSet is refused for v1alpha1 by the target rules, so a resolved v1alpha1 spec runs as a Job.
    workload: resolved.version === 'v1alpha2' ? (output?.workload ?? 'job') : 'job',
    ...(queue ? { queue } : {}),
    ...(output?.gang ? { gang: output.gang } : {}),
  };
}

/**
 * The script a shell on the lead broker runs to talk to Flux: `flux proxy` on the broker's local
 * socket, with the same environment the entrypoint script gives the broker.
 */
function fluxShell(resolved: ResolvedAny): FluxShell {
  if (resolved.version === 'v1alpha1') {
    const runner = resolved.cluster.spec.containers.find((container) => container.runFlux);
    const proxy = `flux proxy ${shellWord(V1ALPHA1_LOCAL_URI)} bash`;
    // The broker runs through sudo as the Flux user (or as root): only its owner may connect to
    // the socket. PATH is handed over as the entrypoint does, since sudo's secure_path may not hold
    // the Flux install.
    if (runner?.commands?.runFluxAsRoot) return { script: `sudo -E "PATH=$PATH" ${proxy}` };
    const user = runner ? fluxUserOf(runner) : 'flux';
    return { script: `sudo -u ${shellWord(user)} -E "PATH=$PATH" -E ${shellWord(`HOME=/home/${user}`)} ${proxy}` };
  }
  const mc = resolved.cluster;
  const socket = localUri(mc);
  if (socket === undefined) {
    return {
      unavailable:
        'spec.flux.disableSocket is set, so the broker is started without a local socket URI and the entrypoint does not say where Flux puts it: remove disableSocket to get this command.',
    };
  }
  const proxy = `flux proxy ${shellWord(socket)} bash`;
  // Without the view, Flux comes from the application image and there is no flux-view.sh.
  if (mc.spec.flux.container.disable) return { script: proxy };
  return { script: `. ${shellWord(fluxViewScript(mc.spec.flux.container.mountPath))} && ${proxy}` };
}
