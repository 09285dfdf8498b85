/**
 * broker.toml of a v1alpha1 MiniCluster, the `hostfile` key of the
 * NAME-flux-config ConfigMap. Flux is installed in the application image here, so the paths are
 * the image's own (/etc/flux, /etc/curve, /var/lib/flux), unlike v1alpha2's shared view volume.
 */
import { bootstrapHosts, tomlString } from '../common/brokerToml.ts';
import { hostlist, hostRange } from '../common/hostlist.ts';
import type { ResolvedV1alpha1MiniCluster } from './defaults.ts';
import { BROKER_PORT } from '../common/operatorNames.ts';

export const V1A1_CURVE_PATH = '/etc/curve/curve.cert';
export const V1A1_R_PATH = '/etc/flux/system/R';

/** The `-Sbroker.quorum` value (a rank range), or '' when Flux should wait for every rank. */
export function v1alpha1Quorum(mc: ResolvedV1alpha1MiniCluster): string {
  return mc.spec.maxSize === mc.spec.size ? '' : hostRange(mc.spec.size, 0);
}

export function brokerToml(mc: ResolvedV1alpha1MiniCluster): string {
  const flux = mc.spec.flux;
  if (flux.brokerConfig) return flux.brokerConfig;
  const hosts = hostlist(mc);
  // In a bursted child the parent's other brokers and the listed clusters follow its lead broker
  // in the hostlist, in the parent's rank order.
  const hostEntries = bootstrapHosts(hosts, flux.bursting?.leadBroker);
  return [
    '# The IMP runs jobs of other users (multi-user instances).',
    '[exec]',
    `imp = ${tomlString(`${flux.installRoot}/libexec/flux/flux-imp`)}`,
    '',
    '[access]',
    'allow-guest-user = true',
    'allow-root-owner = true',
    '',
    '# Resources of the whole cluster, written by the entrypoint script with flux R encode.',
    '[resource]',
    `path = ${tomlString(V1A1_R_PATH)}`,
    '',
    '# Brokers find each other as HOST.SERVICE.NAMESPACE.svc.cluster.local; rank = position in hosts.',
    '[bootstrap]',
    `curve_cert = ${tomlString(V1A1_CURVE_PATH)}`,
    `default_port = ${BROKER_PORT}`,
    'default_bind = "tcp://eth0:%p"',
    `default_connect = ${tomlString(`tcp://%h.${mc.spec.network.headlessName}.${mc.metadata.namespace}.svc.cluster.local:%p`)}`,
    'hosts = [',
    ...hostEntries.map((entry) => `  ${entry},`),
    ']',
    '',
    '[archive]',
    'dbpath = "/var/lib/flux/job-archive.sqlite"',
    'period = "1m"',
    'busytimeout = "50s"',
    '',
    '# Fluxion queue policy: fcfs (first come, first served) or easy (backfilling).',
    '[sched-fluxion-qmanager]',
    `queue-policy = ${tomlString(flux.scheduler.queuePolicy)}`,
    '',
  ].join('\n');
}
