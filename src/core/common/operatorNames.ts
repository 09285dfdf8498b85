/** Names, paths and ports the operator gives every MiniCluster, in both API versions. */

/** The brokers' TCP port: the broker config's default_port, the Service's port, a lead broker's default. */
export const BROKER_PORT = 8050;

/** Where the entrypoint ConfigMap is mounted in every container; scripts are run from here. */
export const SCRIPT_DIR = '/flux_operator/';

/** The ConfigMap holding the entrypoint scripts. */
export const entrypointName = (mc: { metadata: { name: string } }): string => `${mc.metadata.name}-entrypoint`;
