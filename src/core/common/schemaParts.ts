/**
 * zod pieces that mean the same in both MiniCluster APIs (`../v1alpha2/schema.ts` and
 * `../v1alpha1/schema.ts`): same field name, same meaning, same description, same
 * default. A field whose wording or default differs between the versions stays in its own schema,
 * so each version's differences are written where that version is defined.
 *
 * Reusing one zod instance in several places is safe for the JSON Schema: `z.toJSONSchema`
 * inlines reused schemas unless they carry an `id`.
 */
import * as z from 'zod';

/** The queue policies Fluxion's scheduler knows. */
export const QUEUE_POLICIES = ['fcfs', 'easy', 'conservative', 'hybrid'] as const;

/** Kubernetes quantity grammar, as the CRD pattern states it. */
export const QUANTITY_PATTERN =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

/** The container image used when a container gives none (the same in both CRDs). */
export const DEFAULT_APP_IMAGE = 'ghcr.io/rse-ops/accounting:app-latest';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export const str = (description: string) => z.string().meta({ description });
export const bool = (description: string) => z.boolean().meta({ description });
export const int32 = (description: string) => z.number().int().min(INT32_MIN).max(INT32_MAX).meta({ description });
export const stringMap = (description: string) => z.record(z.string(), z.string()).meta({ description });

/**
 * A resource value: `number` is the numeric form the version accepts (any number in v1alpha2,
 * a whole one in v1alpha1's int-or-string), or a quantity text.
 */
export const quantityOf = (number: z.ZodNumber, description: string) =>
  z
    .union([
      number,
      z.string().regex(QUANTITY_PATTERN, {
        message: 'not a Kubernetes quantity; write a number with an optional suffix such as 500m, 2, 4Gi or 200M',
      }),
    ])
    .meta({ description });

export const tcpPorts = (description: string) =>
  z.array(z.number().int().min(1).max(65535)).meta({ description });

/** Container fields both versions share word for word. */
export const containerFields = {
  image: str('Container image.').default(DEFAULT_APP_IMAGE),
  imagePullSecret: str('Name of a Secret used to pull the image.').optional(),
  pullAlways: bool('Always pull the image (imagePullPolicy: Always).').default(false),
  environment: stringMap('Environment variables, NAME: value.').optional(),
  secrets: z
    .record(
      z.string(),
      z.object({
        name: str('Name of the Secret.'),
        key: str('Key inside the Secret.'),
      }),
    )
    .meta({ description: 'Environment variables read from Secrets: ENVNAME: {name, key}.' })
    .optional(),
  launcher: bool('Give the command straight to `flux start` (the command launches its own work).').optional(),
  batchRaw: bool('With batch: write the lines into the batch script as they are.').optional(),
  logs: str('Directory for batch job output (FLUX_OUTPUT_DIR), default /tmp/fluxout.').optional(),
  lifeCycle: z
    .object({
      postStartExec: str('Command run right after the container starts.').optional(),
      preStopExec: str('Command run before the container stops.').optional(),
    })
    .meta({ description: 'Kubernetes lifecycle hooks.' })
    .optional(),
};

/** Sources of an existing object to mount, in the order both CRDs list them. */
export const existingSourceFields = {
  configMapName: str('Mount this existing ConfigMap.').optional(),
  items: stringMap('ConfigMap keys to project, key → file name under the mount path.').optional(),
  claimName: str('Mount this existing PersistentVolumeClaim.').optional(),
  secretName: str('Mount this existing Secret.').optional(),
};

/** `spec.flux` fields both versions share word for word. */
export const fluxFields = {
  submitCommand: str('Replaces `flux submit` in the rank-0 command.').optional(),
  connectTimeout: str('Broker connect timeout (tbon.connect_timeout), e.g. 5s; empty for none.').default('5s'),
  minimalService: bool('Create a Service for the lead broker only instead of the headless Service.').optional(),
  curveCert: str('A CURVE certificate to use instead of a generated one (CZMQ secret certificate format).').optional(),
  brokerConfig: str('A whole broker.toml used instead of the generated one.').optional(),
};

/** `spec.flux.bursting`; the wording of the parent cluster and of the hostlist is each version's. */
export function burstingOf(words: { parentName: string; parentSize: string; hostlist: string; defaultPort: number }) {
  return z
    .object({
      leadBroker: z
        .object({
          address: str('Address of the lead broker of the parent cluster; setting it makes this a bursted child.'),
          name: str(words.parentName),
          size: int32(words.parentSize),
          port: int32('Port of the lead broker.').default(words.defaultPort),
        })
        .meta({ description: 'The parent cluster this MiniCluster bursts from.' })
        .optional(),
      hostlist: str(words.hostlist).optional(),
      clusters: z
        .array(
          z.object({
            name: str('Hostname prefix of the bursted cluster (default burst-INDEX).').optional(),
            size: int32('Number of hosts in the bursted cluster (default spec.size).').optional(),
          }),
        )
        .meta({ description: 'Clusters this one can burst to; their hosts are added to the hostlist.' })
        .optional(),
    })
    .meta({ description: 'Bursting to or from other clusters.' });
}

/** `spec.logging`; only `strict` (its default and wording) and the summary differ between the versions. */
export function loggingOf(strict: z.ZodDefault<z.ZodBoolean>, description: string) {
  return z
    .object({
      quiet: bool('Silence most script output; broker log level 0.').default(false),
      strict,
      debug: bool('Add -vvv to the submit flags.').default(false),
      zeromq: bool('Turn on ZeroMQ debug logging in the broker.').default(false),
      timed: bool('Time flux start and the command with /usr/bin/time.').default(false),
    })
    .meta({ description });
}

/** `spec.pod` fields both versions share word for word. */
export const podFields = {
  annotations: stringMap('Annotations of the pods.').optional(),
  labels: stringMap('Labels of the pods (the operator labels win on conflicts).').optional(),
  serviceAccountName: str('Service account the pods run as.').optional(),
  nodeSelector: stringMap('Node labels the pods must match.').optional(),
};

/** `spec` fields both versions share word for word. */
export const specFields = {
  interactive: bool('Keep the lead broker running without a command (broker.rc2_none).').default(false),
  shareProcessNamespace: bool('Containers of a pod share one process namespace.').optional(),
  size: int32('Number of pods (Flux brokers) to start.').default(1),
  maxSize: int32('Largest size the cluster may grow to (default: size).').optional(),
};

export const containersOf = <T extends z.ZodType>(container: T) =>
  z
    .array(container)
    .meta({ description: 'Containers of each pod. Exactly one runs Flux (the only one, or the one with runFlux: true).' });

export const deadlineSecondsOf = (defaultSeconds: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .meta({ description: 'Seconds the Job may run (activeDeadlineSeconds).' })
    .default(defaultSeconds);

export const metadataSchema = z
  .object({
    name: str('Name of the MiniCluster and of everything generated (a DNS-1123 label of at most 52 characters).').optional(),
    generateName: str('Not usable here: the generated objects need a fixed name.').optional(),
    namespace: str('Namespace of every generated object.').optional(),
    labels: stringMap('Labels of the MiniCluster itself (not copied to generated objects).').optional(),
    annotations: stringMap('Annotations of the MiniCluster itself (not copied).').optional(),
  })
  .meta({ description: 'Object metadata.' });
