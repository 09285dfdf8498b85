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
import { API_VERSIONS, KIND } from '../common/apiVersions.ts';
import * as z from 'zod';
import {
  QUEUE_POLICIES,
  DEFAULT_APP_IMAGE, QUANTITY_PATTERN, bool, int32, str, stringMap,
  burstingOf, containerFields, containersOf, deadlineSecondsOf, existingSourceFields, fluxFields, loggingOf,
  metadataSchema, podFields, quantityOf, specFields, tcpPorts,
} from '../common/schemaParts.ts';
import { BROKER_PORT } from '../common/operatorNames.ts';

export { DEFAULT_APP_IMAGE, QUANTITY_PATTERN };

export const API_VERSION = API_VERSIONS.v1alpha2;
export { KIND };

export const DEFAULT_VIEW_IMAGE = 'ghcr.io/converged-computing/flux-view-ubuntu:tag-noble';
export const DEFAULT_VIEW_NAME = 'flux-view';
export const DEFAULT_MOUNT_PATH = '/mnt/flux';
export const DEFAULT_DEADLINE_SECONDS = 31_500_000;
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

const quantity = quantityOf(z.number(), 'A Kubernetes quantity: a number with an optional suffix (500m, 2, 4Gi, 200M).');

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
    ...existingSourceFields,
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
    image: containerFields.image,
    imagePullSecret: containerFields.imagePullSecret,
    workingDir: str('Working directory; batch files are written here.').optional(),
    command: str(
      'What to run. In the Flux runner it is submitted to Flux (or run by `flux start` as launcher, or written to a batch file); in a sidecar it runs as shell code after the view is set up.',
    ).optional(),
    pullAlways: containerFields.pullAlways,
    imagePullPolicy: str('Always, IfNotPresent or Never (pullAlways wins).').optional(),
    ports: tcpPorts('TCP ports the container listens on.').optional(),
    environment: containerFields.environment,
    secrets: containerFields.secrets,
    launcher: containerFields.launcher,
    batch: bool('Write each line of the command as a job in a batch script run with `flux batch`.').optional(),
    batchRaw: containerFields.batchRaw,
    logs: containerFields.logs,
    runFlux: bool('This container runs Flux (exactly one container must). Set automatically when there is only one.').optional(),
    noWrapEntrypoint: bool('Sidecars: keep the image entrypoint instead of a generated start script.').optional(),
    volumes: z
      .record(z.string(), containerVolume)
      .meta({ description: 'Volumes by name (a DNS-1123 label), each mounted in this container.' })
      .optional(),
    lifeCycle: containerFields.lifeCycle,
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

const bursting = burstingOf({
  parentName: 'Name of the parent MiniCluster.',
  parentSize: 'Size of the parent MiniCluster.',
  hostlist: 'A custom Flux hostlist used as written (not together with clusters).',
  defaultPort: BROKER_PORT,
});

const flux = z
  .object({
    container: fluxContainer.optional(),
    arch: str('Has no effect (kept for old specs).').optional(),
    submitCommand: fluxFields.submitCommand,
    wrap: str('Passed to the rank-0 `flux start` as --wrap=VALUE.').optional(),
    connectTimeout: fluxFields.connectTimeout,
    optionFlags: str('Extra flags for `flux submit` / `flux batch`, e.g. -ompi=openmpi@5.').optional(),
    minimalService: fluxFields.minimalService,
    disableSocket: bool('Do not set the broker local-uri socket option.').optional(),
    topology: str('Tree-based overlay topology (tbon.topo), e.g. kary:2 or binomial.').optional(),
    noWaitSocket: bool('Sidecars do not wait for the Flux socket.').optional(),
    completeWorkers: bool('Follower brokers stop after their first exit instead of retrying.').optional(),
    logLevel: int32('Broker log level, 0-7 (6 when unset or 0).').default(6),
    curveCert: fluxFields.curveCert,
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
    brokerConfig: fluxFields.brokerConfig,
    environment: stringMap('Variables exported in MOUNT/flux-view.sh (not container environment).').optional(),
  })
  .meta({ description: 'Flux broker and view settings.' });

const logging = loggingOf(
  bool('Run entrypoint scripts with set -eEu -o pipefail.').default(false),
  'Script verbosity and strictness.',
);

const pod = z
  .object({
    annotations: podFields.annotations,
    labels: podFields.labels,
    restartPolicy: str('OnFailure (default) or Never.').optional(),
    serviceAccountName: podFields.serviceAccountName,
    runtimeClassName: str('Runtime class of the pods.').optional(),
    automountServiceAccountToken: bool('Mount the service account token.').optional(),
    schedulerName: str('Kubernetes scheduler for the pods.').optional(),
    nodeSelector: podFields.nodeSelector,
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
    containers: containersOf(container),
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
    interactive: specFields.interactive,
    flux: flux.optional(),
    logging: logging.optional(),
    archive: z
      .object({ path: str('If this path exists at start, the broker restores its content from it.').optional() })
      .meta({ description: 'Restore Flux state from an archive.' })
      .optional(),
    shareProcessNamespace: specFields.shareProcessNamespace,
    cleanup: bool('The operator deletes the MiniCluster when rank 0 finishes (no effect on the objects).').default(false),
    size: specFields.size,
    maxSize: specFields.maxSize,
    backoffLimit: int32('Job retries before failing (default 100).').optional(),
    minSize: int32('Brokers needed before Flux starts (broker quorum).').optional(),
    tasks: int32('Tasks for the submitted command; 0 means one per node.').default(1),
    deadlineSeconds: deadlineSecondsOf(DEFAULT_DEADLINE_SECONDS),
    pod: pod.optional(),
  })
  .meta({ description: 'MiniCluster spec.' });

export const miniClusterSchema = z
  .object({
    apiVersion: z.literal(API_VERSION).meta({ description: 'flux-framework.org/v1alpha2' }),
    kind: z.literal(KIND).meta({ description: 'MiniCluster' }),
    metadata: metadataSchema,
    spec: miniClusterSpecSchema,
  })
  .meta({ description: 'A Flux Framework MiniCluster (flux-framework.org/v1alpha2).' });

/** What a user writes (defaults not applied). */
export type MiniClusterInput = z.input<typeof miniClusterSchema>;
/** After the CRD defaults, before the operator's code defaults (defaults.ts). */
export type MiniCluster = z.output<typeof miniClusterSchema>;
export type MiniClusterSpec = MiniCluster['spec'];
export type Container = MiniClusterSpec['containers'][number];
export type ContainerVolume = NonNullable<Container['volumes']>[string];
export type FluxSpec = NonNullable<MiniClusterSpec['flux']>;
export type PodSettings = NonNullable<MiniClusterSpec['pod']>;
export type ResourceRequirements = NonNullable<Container['resources']>;
