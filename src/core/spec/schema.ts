/**
 * The one definition of the MiniCluster `flux-framework.org/v1alpha2` spec.
 *
 * Types (`z.input`/`z.output`), runtime validation, the CRD defaults and the editor's JSON
 * Schema all come from this file. Defaults are declared with `.default()` on fields of
 * optional parents, which reproduces Kubernetes structural defaulting: a default applies only
 * when the key is absent and its parent object is present (`flux: {}` gets `connectTimeout: 5s`,
 * no `flux:` key gets nothing). Explicit zero values are kept.
 *
 * Descriptions are ours; they feed hover docs in the editor and help texts in the form.
 */
import { z } from 'zod';

export const API_VERSION = 'flux-framework.org/v1alpha2';
export const KIND = 'MiniCluster';

export const DEFAULT_APP_IMAGE = 'ghcr.io/rse-ops/accounting:app-latest';
export const DEFAULT_VIEW_IMAGE = 'ghcr.io/converged-computing/flux-view-ubuntu:tag-noble';
export const DEFAULT_VIEW_NAME = 'flux-view';
export const DEFAULT_MOUNT_PATH = '/mnt/flux';
export const DEFAULT_DEADLINE_SECONDS = 31_500_000;
export const DEFAULT_LEAD_BROKER_PORT = 8050;
export const QUEUE_POLICIES = ['fcfs', 'easy', 'conservative', 'hybrid'] as const;
export const VIEW_IMAGES = [
  'ghcr.io/converged-computing/flux-view-ubuntu:tag-noble',
  'ghcr.io/converged-computing/flux-view-ubuntu:tag-jammy',
  'ghcr.io/converged-computing/flux-view-ubuntu:tag-focal',
  'ghcr.io/converged-computing/flux-view-ubuntu:arm-jammy',
  'ghcr.io/converged-computing/flux-view-ubuntu:arm-focal',
  'ghcr.io/converged-computing/flux-view-rocky:tag-9',
  'ghcr.io/converged-computing/flux-view-rocky:tag-8',
  'ghcr.io/converged-computing/flux-view-rocky:arm-9',
  'ghcr.io/converged-computing/flux-view-rocky:arm-8',
] as const;

/** Kubernetes quantity grammar, as the CRD pattern states it. */
export const QUANTITY_PATTERN =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const str = (description: string) => z.string().meta({ description });
const bool = (description: string) => z.boolean().meta({ description });
const int32 = (description: string) =>
  z.number().int().min(INT32_MIN).max(INT32_MAX).meta({ description });
const stringMap = (description: string) => z.record(z.string(), z.string()).meta({ description });

const quantity = z
  .union([
    z.number(),
    z.string().regex(QUANTITY_PATTERN, {
      message: 'not a Kubernetes quantity; write a number with an optional suffix such as 500m, 2, 4Gi or 200M',
    }),
  ])
  .meta({ description: 'A Kubernetes quantity: a number with an optional suffix (500m, 2, 4Gi, 200M).' });

const resourceList = (description: string) => z.record(z.string(), quantity).meta({ description });

const resourceRequirements = z
  .object({
    limits: resourceList('Upper bounds, e.g. cpu: 2, memory: 4Gi.').optional(),
    requests: resourceList('What the scheduler reserves, e.g. cpu: 1, memory: 1Gi.').optional(),
  })
  .meta({ description: 'Kubernetes resource limits and requests for the container.' });

const capabilities = z.object({
  add: z.array(z.string()).meta({ description: 'Linux capabilities to add, e.g. SYS_PTRACE.' }).optional(),
  drop: z.array(z.string()).meta({ description: 'Linux capabilities to drop, e.g. ALL.' }).optional(),
});

const seccompProfile = z.object({
  type: str('RuntimeDefault, Unconfined or Localhost.'),
  localhostProfile: str('Profile file on the node, for type Localhost.').optional(),
});

const seLinuxOptions = z.object({
  level: z.string().optional(),
  role: z.string().optional(),
  type: z.string().optional(),
  user: z.string().optional(),
});

/** Kubernetes container SecurityContext; passed through whole. */
const containerSecurityContext = z
  .object({
    privileged: bool('Run the container privileged (needed by some storage and MPI set-ups).').optional(),
    runAsUser: z.number().int().meta({ description: 'User id the processes run as.' }).optional(),
    runAsGroup: z.number().int().meta({ description: 'Group id the processes run as.' }).optional(),
    runAsNonRoot: bool('Refuse to start when the image would run as root.').optional(),
    allowPrivilegeEscalation: bool('Whether a process can gain more privileges than its parent.').optional(),
    readOnlyRootFilesystem: bool('Mount the root filesystem read-only.').optional(),
    procMount: z.string().optional(),
    capabilities: capabilities.meta({ description: 'Linux capabilities to add or drop.' }).optional(),
    seccompProfile: seccompProfile.meta({ description: 'Seccomp profile of the container.' }).optional(),
    seLinuxOptions: seLinuxOptions.optional(),
    appArmorProfile: seccompProfile.optional(),
    windowsOptions: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ description: 'Kubernetes container security context, passed to the container as written.' });

/** Kubernetes PodSecurityContext. */
const podSecurityContext = z
  .object({
    fsGroup: z.number().int().meta({ description: 'Group that owns mounted volumes.' }).optional(),
    fsGroupChangePolicy: z.string().optional(),
    runAsUser: z.number().int().optional(),
    runAsGroup: z.number().int().optional(),
    runAsNonRoot: z.boolean().optional(),
    supplementalGroups: z.array(z.number().int()).optional(),
    seccompProfile: seccompProfile.optional(),
    seLinuxOptions: seLinuxOptions.optional(),
    sysctls: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
    appArmorProfile: seccompProfile.optional(),
    windowsOptions: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({
    description:
      'Pod security context. The operator keeps only fsGroup; this tool passes the whole context (see the README).',
  });

const commands = z
  .object({
    init: str('Shell code run first in the entrypoint script, before anything else.').optional(),
    pre: str('Shell code run in every pod after the broker options are set, before Flux starts.').optional(),
    brokerPre: str('Shell code run only on the lead broker (rank 0) before Flux starts.').optional(),
    workerPre: str('Shell code run only on follower pods before their brokers start.').optional(),
    post: str('Shell code run after Flux (or the sidecar command) exits, in every pod.').optional(),
    servicePre: str('Sidecar containers: shell code run before waiting for the Flux socket.').optional(),
    script: str(
      'A whole script written to /tmp/custom-entrypoint.sh and run instead of `command` (not together with it).',
    ).optional(),
    prefix: str('Words put before the program that `flux start` runs on rank 0, e.g. a wrapper.').optional(),
  })
  .meta({ description: 'Shell snippets spliced into the container entrypoint scripts.' });

const containerVolume = z
  .object({
    path: str('Mount path inside the container (emptyDir volumes always mount at /dev/shm).').optional(),
    hostPath: str('Mount this directory of the node (hostPath volume, type Directory).').optional(),
    configMapName: str('Mount this existing ConfigMap.').optional(),
    items: stringMap('ConfigMap keys to project, key → file name under the mount path.').optional(),
    claimName: str('Mount this existing PersistentVolumeClaim.').optional(),
    secretName: str('Mount this existing Secret.').optional(),
    readOnly: bool('Mount read-only (ignored for emptyDir).').default(false),
    emptyDir: bool('An emptyDir volume, mounted at /dev/shm.').default(false),
    emptyDirMedium: str('`memory` makes the emptyDir a tmpfs (medium: Memory); anything else uses disk.').optional(),
    emptyDirSizeLimit: z
      .string()
      .regex(QUANTITY_PATTERN, {
        message: 'not a Kubernetes quantity; write a size such as 64Mi or 1Gi',
      })
      .meta({ description: 'Size limit of the emptyDir, a quantity such as 64Mi.' })
      .optional(),
    csiDriver: str('Name of a CSI driver providing the volume.').optional(),
    csiDriverAttributes: stringMap('Attributes passed to the CSI driver.').optional(),
  })
  .meta({
    description:
      'A volume for this container. The source is the first of: csiDriver, secretName, emptyDir, hostPath, configMapName, claimName.',
  });

const container = z
  .object({
    name: str(
      'Container name (a DNS-1123 label). Required for containers that are not the Flux runner; the runner is always named after the MiniCluster.',
    ).optional(),
    image: str('Container image.').default(DEFAULT_APP_IMAGE),
    imagePullSecret: str('Name of a Secret used to pull the image.').optional(),
    workingDir: str('Working directory; batch files are written here.').optional(),
    command: str(
      'What to run. In the Flux runner it is submitted to Flux (or run by `flux start` as launcher, or written to a batch file); in a sidecar it runs as shell code after the view is set up.',
    ).optional(),
    pullAlways: bool('Always pull the image (imagePullPolicy: Always).').default(false),
    imagePullPolicy: str('Always, IfNotPresent or Never (pullAlways wins).').optional(),
    ports: z
      .array(z.number().int().min(1).max(65535))
      .meta({ description: 'TCP ports the container listens on.' })
      .optional(),
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
    batch: bool('Write each line of the command as a job in a batch script run with `flux batch`.').optional(),
    batchRaw: bool('With batch: write the lines into the batch script as they are.').optional(),
    logs: str('Directory for batch job output (FLUX_OUTPUT_DIR), default /tmp/fluxout.').optional(),
    runFlux: bool('This container runs Flux (exactly one container must). Set automatically when there is only one.').optional(),
    noWrapEntrypoint: bool('Sidecars: keep the image entrypoint instead of a generated start script.').optional(),
    volumes: z
      .record(z.string(), containerVolume)
      .meta({ description: 'Volumes by name (a DNS-1123 label), each mounted in this container.' })
      .optional(),
    lifeCycle: z
      .object({
        postStartExec: str('Command run right after the container starts.').optional(),
        preStopExec: str('Command run before the container stops.').optional(),
      })
      .meta({ description: 'Kubernetes lifecycle hooks.' })
      .optional(),
    resources: resourceRequirements.optional(),
    commands: commands.optional(),
    securityContext: containerSecurityContext.optional(),
  })
  .meta({ description: 'A container of the MiniCluster pods.' });

const fluxContainer = z
  .object({
    disable: bool('Do not copy Flux from the view image; the application image must bring its own Flux.').default(false),
    name: str('Name of the init container and of the shared volume holding the Flux view.').default(DEFAULT_VIEW_NAME),
    workingDir: str('Working directory of the init container.').optional(),
    pythonPath: str('PYTHONPATH entry for Flux Python bindings, instead of the one found in the view.').optional(),
    resources: resourceRequirements.optional(),
    imagePullSecret: str('Accepted but has no effect in the operator.').optional(),
    image: z
      .string()
      .meta({
        description: 'Image the Flux view is copied from; pick one matching the application image OS.',
        examples: [...VIEW_IMAGES],
      })
      .default(DEFAULT_VIEW_IMAGE),
    pullAlways: bool('Always pull the view image.').default(false),
    securityContext: containerSecurityContext.optional(),
    mountPath: str('Where the Flux view volume is mounted in every container.').default(DEFAULT_MOUNT_PATH),
  })
  .meta({ description: 'The init container that provides Flux to the application containers.' });

const bursting = z
  .object({
    leadBroker: z
      .object({
        address: str('Address of the lead broker of the parent cluster; setting it makes this a bursted child.'),
        name: str('Name of the parent MiniCluster.'),
        size: int32('Size of the parent MiniCluster.'),
        port: int32('Port of the lead broker.').default(DEFAULT_LEAD_BROKER_PORT),
      })
      .meta({ description: 'The parent cluster this MiniCluster bursts from.' })
      .optional(),
    hostlist: str('A custom Flux hostlist used as written (not together with clusters).').optional(),
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

const flux = z
  .object({
    container: fluxContainer.optional(),
    arch: str('Has no effect (kept for old specs).').optional(),
    submitCommand: str('Replaces `flux submit` in the rank-0 command.').optional(),
    wrap: str('Passed to the rank-0 `flux start` as --wrap=VALUE.').optional(),
    connectTimeout: str('Broker connect timeout (tbon.connect_timeout), e.g. 5s; empty for none.').default('5s'),
    optionFlags: str('Extra flags for `flux submit` / `flux batch`, e.g. -ompi=openmpi@5.').optional(),
    minimalService: bool('Create a Service for the lead broker only instead of the headless Service.').optional(),
    disableSocket: bool('Do not set the broker local-uri socket option.').optional(),
    topology: str('Tree-based overlay topology (tbon.topo), e.g. kary:2 or binomial.').optional(),
    noWaitSocket: bool('Sidecars do not wait for the Flux socket.').optional(),
    completeWorkers: bool('Follower brokers stop after their first exit instead of retrying.').optional(),
    logLevel: int32('Broker log level, 0-7 (6 when unset or 0).').default(6),
    curveCert: str('A CURVE certificate to use instead of a generated one (CZMQ secret certificate format).').optional(),
    scheduler: z
      .object({
        simple: bool('Use the simple scheduler instead of Fluxion.').optional(),
        queuePolicy: z
          .string()
          .meta({
            description: 'Fluxion queue policy: fcfs, easy, conservative or hybrid (default fcfs).',
            examples: [...QUEUE_POLICIES],
          })
          .optional(),
      })
      .meta({ description: 'Scheduler settings.' })
      .optional(),
    mungeSecret: str('Has no effect (kept for old specs).').optional(),
    bursting: bursting.optional(),
    brokerConfig: str('A whole broker.toml used instead of the generated one.').optional(),
    environment: stringMap('Variables exported in MOUNT/flux-view.sh (not container environment).').optional(),
  })
  .meta({ description: 'Flux broker and view settings.' });

const logging = z
  .object({
    quiet: bool('Silence most script output; broker log level 0.').default(false),
    strict: bool('Run entrypoint scripts with set -eEu -o pipefail.').default(false),
    debug: bool('Add -vvv to the submit flags.').default(false),
    zeromq: bool('Turn on ZeroMQ debug logging in the broker.').default(false),
    timed: bool('Time flux start and the command with /usr/bin/time.').default(false),
  })
  .meta({ description: 'Script verbosity and strictness.' });

const pod = z
  .object({
    annotations: stringMap('Annotations of the pods.').optional(),
    labels: stringMap('Labels of the pods (the operator labels win on conflicts).').optional(),
    restartPolicy: str('OnFailure (default) or Never.').optional(),
    serviceAccountName: str('Service account the pods run as.').optional(),
    runtimeClassName: str('Runtime class of the pods.').optional(),
    automountServiceAccountToken: bool('Mount the service account token.').optional(),
    schedulerName: str('Kubernetes scheduler for the pods.').optional(),
    nodeSelector: stringMap('Node labels the pods must match.').optional(),
    nodeAffinity: z
      .record(z.string(), z.array(z.string()))
      .meta({ description: 'Required node affinity: node label → allowed values.' })
      .optional(),
    tolerations: z
      .array(
        z.object({
          key: z.string().optional(),
          effect: z.string().optional(),
          operator: z.string().optional(),
          value: z.string().optional(),
        }),
      )
      .meta({ description: 'Tolerations of the pods.' })
      .optional(),
    dnsPolicy: str('DNS policy of the pods.').optional(),
    hostIPC: bool('Use the node IPC namespace.').optional(),
    hostPID: bool('Use the node PID namespace.').optional(),
    resources: resourceList('Pod overhead resources.').optional(),
    securityContext: podSecurityContext.optional(),
  })
  .meta({ description: 'Pod template settings.' });

export const miniClusterSpecSchema = z
  .object({
    containers: z
      .array(container)
      .meta({ description: 'Containers of each pod. Exactly one runs Flux (the only one, or the one with runFlux: true).' }),
    services: z
      .array(container)
      .meta({ description: 'Containers of a separate NAME-services pod (e.g. a database); not part of the Job.' })
      .optional(),
    network: z
      .object({
        headlessName: str('Name of the headless Service and pod subdomain (default: the MiniCluster name).').optional(),
        disableAffinity: bool('Drop the pod affinity rules.').optional(),
      })
      .meta({ description: 'Networking.' })
      .optional(),
    jobLabels: stringMap('Labels of the Job (e.g. kueue.x-k8s.io/queue-name).').optional(),
    interactive: bool('Keep the lead broker running without a command (broker.rc2_none).').default(false),
    flux: flux.optional(),
    logging: logging.optional(),
    archive: z
      .object({ path: str('If this path exists at start, the broker restores its content from it.').optional() })
      .meta({ description: 'Restore Flux state from an archive.' })
      .optional(),
    shareProcessNamespace: bool('Containers of a pod share one process namespace.').optional(),
    cleanup: bool('The operator deletes the MiniCluster when rank 0 finishes (no effect on the objects).').default(false),
    size: int32('Number of pods (Flux brokers) to start.').default(1),
    maxSize: int32('Largest size the cluster may grow to (default: size).').optional(),
    backoffLimit: int32('Job retries before failing (default 100).').optional(),
    minSize: int32('Brokers needed before Flux starts (broker quorum).').optional(),
    tasks: int32('Tasks for the submitted command; 0 means one per node.').default(1),
    deadlineSeconds: z
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .meta({ description: 'Seconds the Job may run (activeDeadlineSeconds).' })
      .default(DEFAULT_DEADLINE_SECONDS),
    pod: pod.optional(),
  })
  .meta({ description: 'MiniCluster spec.' });

export const miniClusterSchema = z
  .object({
    apiVersion: z.literal(API_VERSION).meta({ description: 'flux-framework.org/v1alpha2' }),
    kind: z.literal(KIND).meta({ description: 'MiniCluster' }),
    metadata: z
      .object({
        name: str('Name of the MiniCluster and of everything generated (a DNS-1123 label of at most 52 characters).').optional(),
        generateName: str('Not usable here: the generated objects need a fixed name.').optional(),
        namespace: str('Namespace of every generated object.').optional(),
        labels: stringMap('Labels of the MiniCluster itself (not copied to generated objects).').optional(),
        annotations: stringMap('Annotations of the MiniCluster itself (not copied).').optional(),
      })
      .meta({ description: 'Object metadata.' }),
    spec: miniClusterSpecSchema,
  })
  .meta({ description: 'A Flux Framework MiniCluster (flux-framework.org/v1alpha2).' });

/** What a user writes (defaults not applied). */
export type MiniClusterInput = z.input<typeof miniClusterSchema>;
/** After the CRD defaults (layer 1 of section 1.2). */
export type MiniCluster = z.output<typeof miniClusterSchema>;
export type MiniClusterSpec = MiniCluster['spec'];
export type Container = MiniClusterSpec['containers'][number];
export type ContainerVolume = NonNullable<Container['volumes']>[string];
export type FluxSpec = NonNullable<MiniClusterSpec['flux']>;
export type PodSettings = NonNullable<MiniClusterSpec['pod']>;
export type ResourceRequirements = NonNullable<Container['resources']>;
