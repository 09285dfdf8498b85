/** The broker configuration written by the init container (section 5.3). */
import type { ResolvedMiniCluster } from '../spec/operatorDefaults.ts';
import { hostlist } from './hostlist.ts';

/** A TOML basic string; JSON's escapes are a subset of TOML's. */
export const tomlString = (value: string): string => JSON.stringify(value);

/**
 * The entries of `[bootstrap] hosts` (both APIs): the hostlist, after the parent's lead broker
 * when this is a bursted child, which reaches that broker by address.
 */
export function bootstrapHosts(hosts: string, lead: { address?: string | undefined; port: number } | undefined): string[] {
  return lead?.address
    ? [
        `{ host = ${tomlString(lead.address)}, bind = ${tomlString(`tcp://eth0:${lead.port}`)}, connect = ${tomlString(`tcp://${lead.address}:${lead.port}`)} }`,
        `{ host = ${tomlString(hosts)} }`,
      ]
    : [`{ host = ${tomlString(hosts)} }`];
}

export function brokerToml(mc: ResolvedMiniCluster): string {
  const custom = mc.spec.flux.brokerConfig;
  if (custom) return custom;
  const mount = mc.spec.flux.container.mountPath;
  const fqdnSuffix = `${mc.spec.network.headlessName}.${mc.metadata.namespace}.svc.cluster.local`;
  const hosts = hostlist(mc);
  // The operator's template corrupts the lead broker entry of a bursted child (bug B6).
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
    'default_port = 8050',
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
