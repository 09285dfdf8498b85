/** Names, paths and ports the operator gives every MiniCluster, in both API versions. */

/** The brokers' TCP port: the broker config's default_port, the Service's port, a lead broker's default. */
export const BROKER_PORT = 8050;

/** Where the entrypoint ConfigMap is mounted in every container; scripts are run from here. */
export const SCRIPT_DIR = '/flux_operator/';

/** The label the operator puts on every pod of a MiniCluster, with its name as value (user labels cannot replace it). */
export const APP_NAME_LABEL = 'app.kubernetes.io/name';

/** The Flux runner container: whatever name the spec gives it, the operator names it after the MiniCluster. */
export const fluxContainerName = (mc: { metadata: { name: string } }): string => mc.metadata.name;

/** The ConfigMap holding the entrypoint scripts. */
export const entrypointName = (mc: { metadata: { name: string } }): string => `${mc.metadata.name}-entrypoint`;
