/** broker.toml, which the init container writes to the shared volume (docs/design.md: hostlist and ranks). */
import type { ResolvedMiniCluster } from './defaults.ts';
import { hostlist } from '../common/hostlist.ts';
import { BROKER_PORT } from '../common/operatorNames.ts';
import { bootstrapHosts, tomlString } from '../common/brokerToml.ts';

/** `hostPrefix`: this MiniCluster's host names before the index (see `hostlist`). */
export function brokerToml(mc: ResolvedMiniCluster, hostPrefix?: string): string {
  const custom = mc.spec.flux.brokerConfig;
  if (custom) return custom;
  const mount = mc.spec.flux.container.mountPath;
  const fqdnSuffix = `${mc.spec.network.headlessName}.${mc.metadata.namespace}.svc.cluster.local`;
  const hosts = hostlist(mc, hostPrefix);
  // The operator's template corrupts the lead broker entry of a bursted child (a Go format error
  // where the port should be); this is the form it meant.
  const hostEntries = bootstrapHosts(hosts, mc.spec.flux.bursting?.leadBroker);
  return [
    '[access]',
    'allow-guest-user = true',
    'allow-root-owner = true',
    '',
    '# The resource file is written by the runner script with flux-R(1).',
    '[resource]',
    `path = ${tomlString(`${mount}/config/etc/flux/system/R`)}`,
    '',
    '[bootstrap]',
    `curve_cert = ${tomlString(`${mount}/config/curve/curve.cert`)}`,
    `default_port = ${BROKER_PORT}`,
    'default_bind = "tcp://eth0:%p"',
    `default_connect = ${tomlString(`tcp://%h.${fqdnSuffix}:%p`)}`,
    'hosts = [',
    ...hostEntries.map((entry) => `  ${entry},`),
    ']',
    '',
    '[archive]',
    `dbpath = ${tomlString(`${mount}/config/var/lib/flux/job-archive.sqlite`)}`,
    'period = "1m"',
    'busytimeout = "50s"',
    '',
    '[sched-fluxion-qmanager]',
    `queue-policy = ${tomlString(mc.spec.flux.scheduler.queuePolicy)}`,
    '',
  ].join('\n');
}
