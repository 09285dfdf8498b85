/**
 * The one definition of the older MiniCluster API, `flux-framework.org/v1alpha1`, as of the
 * operator's last v1alpha1 commit.
 *
 * Types, runtime validation, the CRD's structural defaults and the editor's JSON Schema all come
 * from here. As in the v1alpha2 schema, a default is declared with `.default()` on a field of an
 * optional parent, which is Kubernetes' rule: it applies only when the parent object is written
 * (`logging: {}` gets `strict: true`; no `logging:` key gets nothing, so strict mode is off).
 */
import { API_VERSIONS } from '../common/apiVersions.ts';
import * as z from 'zod';
import {
  DEFAULT_APP_IMAGE, bool, int32, str, stringMap,
  burstingOf, containerFields, containersOf, deadlineSecondsOf, existingSourceFields, fluxFields, loggingOf,
  metadataSchema, podFields, quantityOf, specFields, tcpPorts,
} from '../common/schemaParts.ts';
import { BROKER_PORT } from '../common/operatorNames.ts';

export const API_VERSION = API_VERSIONS.v1alpha1;

export const V1A1_DEFAULT_IMAGE = DEFAULT_APP_IMAGE;
export const V1A1_DEFAULT_HEADLESS_NAME = 'flux-service';
export const V1A1_DEFAULT_DEADLINE_SECONDS = 31_500_000;
export const V1A1_DEFAULT_INSTALL_ROOT = '/usr';
export const V1A1_DEFAULT_REST_PORT = 5000;
export const V1A1_DEFAULT_CAPACITY = '5Gi';
export const V1A1_HOSTPATH_CLASS = 'hostpath';

/**
 * The schemas are built on first use, not when the module loads: most specs are v1alpha2, and
 * building these takes some milliseconds at every start of the CLI and the app's worker.
 */
function buildSchemas() {
  /**
   * v1alpha1 resource values are Kubernetes int-or-string: a whole number or a quantity text. A
   * fraction such as `0.5` written without quotes is neither, and the API server refuses it.
   */
  const intOrQuantity = quantityOf(z.number().int(), 'A whole number, or a quantity in quotes such as "500m", "0.5" or "4Gi".');

  const resourceMap = (description: string) => z.record(z.string(), intOrQuantity).meta({ description });

  const commands = z
    .object({
      runFluxAsRoot: bool('Run Flux as root instead of the Flux user (needed by some storage drivers).').default(false),
      prefix: str('Words put before `flux broker`, before the submitted command inside `flux start`, and before `flux start` on workers.').optional(),
      init: str('Shell code run first in the entrypoint script, before strict mode.').optional(),
      pre: str('Shell code run on every pod after the user setup, before Flux starts.').optional(),
      brokerPre: str('Shell code run only on the lead broker (rank 0) before Flux starts; in a start script it runs on every pod.').optional(),
      workerPre: str('Shell code run only on follower pods before their brokers start; in a start script it runs on every pod.').optional(),
      post: str('Shell code run after Flux (or the start-script command) exits.').optional(),
    })
    .meta({ description: 'Shell snippets spliced into the entrypoint scripts. prefix and runFluxAsRoot do not count as commands.' });

  const containerVolume = z
    .object({
      path: str('Mount path inside the container.'),
      readOnly: bool('Mount read-only.').default(false),
    })
    .meta({ description: 'A mount of the spec.volumes entry of the same name.' });

  const existingVolume = z
    .object({
      path: str('Mount path inside the container.').optional(),
      ...existingSourceFields,
      readOnly: bool('Mount read-only.').default(false),
    })
    .meta({ description: 'An existing Secret, ConfigMap or PersistentVolumeClaim to mount; secretName wins over configMapName, which wins over claimName.' });

  const container = z
    .object({
      image: containerFields.image,
      name: str('Container name (a DNS-1123 label). Required for containers that do not run Flux; the Flux container is always named after the MiniCluster.').optional(),
      cores: int32('Cores per pod given to Flux (flux R encode --cores=0-N); 1 or unset means all local cores.').optional(),
      workingDir: str('Working directory; the script creates it and makes it writable.').optional(),
      diagnostics: bool('Run Flux diagnostics (overlay status, attributes, dmesg) and then sleep instead of the command.').optional(),
      fluxUser: z
        .object({
          name: str('Linux user that runs Flux (created if missing).').default('flux'),
          uid: z.number().int().meta({ description: 'uid of the Flux user when it is created.' }).default(1000),
        })
        .meta({ description: 'The Linux user that runs Flux.' })
        .optional(),
      ports: tcpPorts('TCP ports the container listens on (after the REST API port on the Flux container).').optional(),
      environment: containerFields.environment,
      secrets: containerFields.secrets,
      imagePullSecret: containerFields.imagePullSecret,
      command: str('What to run. In the Flux container it is submitted to Flux (or given to flux start as launcher, or written to a batch file); in another container with commands it runs as shell code.').optional(),
      launcher: containerFields.launcher,
      batch: bool('Submit each line of the command as a job of a batch script run with `flux batch`.').optional(),
      batchRaw: containerFields.batchRaw,
      logs: containerFields.logs,
      pullAlways: containerFields.pullAlways,
      runFlux: bool('This container runs Flux (exactly one must). Set automatically when there is only one container.').optional(),
      volumes: z
        .record(z.string(), containerVolume)
        .meta({ description: 'Mounts of spec.volumes entries, by the entry name.' })
        .optional(),
      existingVolumes: z
        .record(z.string(), existingVolume)
        .meta({ description: 'Existing Secrets, ConfigMaps or claims to mount, by volume name.' })
        .optional(),
      lifeCycle: containerFields.lifeCycle,
      resources: z
        .object({
          limits: resourceMap('Upper bounds, e.g. cpu: 2, memory: "4Gi".').optional(),
          requests: resourceMap('What the scheduler reserves, e.g. cpu: 1, memory: "1Gi".').optional(),
        })
        .meta({ description: 'Resource limits and requests of the container.' })
        .optional(),
      commands: commands.optional(),
      securityContext: z
        .object({
          privileged: bool('Run the container privileged.').optional(),
          addCapabilities: z.array(z.string()).meta({ description: 'Linux capabilities to add, e.g. SYS_PTRACE.' }).optional(),
        })
        .meta({ description: 'Container security settings.' })
        .optional(),
    })
    .meta({ description: 'A container of the MiniCluster pods.' });

  const volume = z
    .object({
      path: str('hostPath directory on the node (storageClass hostpath); ignored for CSI volumes.'),
      labels: stringMap('Labels of the PersistentVolume.').optional(),
      annotations: stringMap('Annotations of the PersistentVolume.').optional(),
      claimAnnotations: stringMap('Annotations of the PersistentVolumeClaim.').optional(),
      attributes: stringMap('CSI volume attributes.').optional(),
      volumeHandle: str('CSI volume handle (default: the storage class).').optional(),
      storageClass: str('`hostpath` makes a hostPath volume; any other class a CSI volume (which needs secret).').default(V1A1_HOSTPATH_CLASS),
      driver: str('CSI driver.').optional(),
      delete: bool('With cleanup: delete the PersistentVolume when the MiniCluster is done.').default(true),
      secret: str('Secret for the CSI driver (required unless storageClass is hostpath).').optional(),
      secretNamespace: str('Namespace of that Secret.').default('default'),
      capacity: str('Size of the volume and of its claim, a quantity such as 5Gi.').default(V1A1_DEFAULT_CAPACITY),
    })
    .meta({ description: 'A volume: a PersistentVolume and a claim NAME-claim, mounted by containers that list NAME in volumes.' });

  const bursting = burstingOf({
    parentName: 'Name (Job name) of the parent cluster.',
    parentSize: 'Size of the parent cluster.',
    hostlist: 'A whole Flux hostlist used as written (not together with clusters).',
    defaultPort: BROKER_PORT,
  });

  const flux = z
    .object({
      installRoot: str('Where Flux is installed in the image.').default(V1A1_DEFAULT_INSTALL_ROOT),
      submitCommand: fluxFields.submitCommand,
      wrap: str('Passed to `flux start` as --wrap=VALUE.').optional(),
      connectTimeout: fluxFields.connectTimeout,
      optionFlags: str('Extra flags for flux submit / flux batch, also exported as FLUX_OPTION_FLAGS.').optional(),
      minimalService: fluxFields.minimalService,
      logLevel: int32('Broker log level, 0-7.').default(6),
      curveCert: fluxFields.curveCert,
      curveCertSecret: str('An existing Secret (key curve.cert) holding the CURVE certificate; no certificate ConfigMap is made.').optional(),
      scheduler: z
        .object({
          queuePolicy: z
            .string()
            .meta({ description: 'Fluxion queue policy, fcfs (default) or easy.', examples: ['fcfs', 'easy'] })
            .optional(),
        })
        .meta({ description: 'Scheduler settings.' })
        .optional(),
      mungeSecret: str('An existing Secret with the munge key, mounted at /etc/munge (its key must be named like the Secret).').optional(),
      bursting: bursting.optional(),
      brokerConfig: fluxFields.brokerConfig,
    })
    .meta({ description: 'Flux broker settings.' });

  const logging = loggingOf(
    bool('Run the entrypoint scripts with set -eEu -o pipefail.').default(true),
    'Script verbosity and strictness. Without a logging key strict mode is off.',
  );

  const fluxRestful = z
    .object({
      branch: str('Branch of flux-restful-api to clone.').default('main'),
      port: int32('Port of the REST API server (also the Flux container port).').default(V1A1_DEFAULT_REST_PORT),
      secretKey: str('FLUX_SECRET_KEY of the server (default: a random one per generation).').optional(),
      username: str('FLUX_USER of the server (default flux).').optional(),
      token: str('FLUX_TOKEN of the server (default: a random one per generation).').optional(),
    })
    .meta({ description: 'The Flux RESTful API server started when the Flux container has no command and is not interactive.' });

  const pod = z
    .object({
      ...podFields,
      resources: resourceMap('Pod overhead (not requests): Kubernetes accepts it only with a RuntimeClass that defines overhead.').optional(),
    })
    .meta({ description: 'Pod template settings.' });

  const v1alpha1SpecSchema = z
    .object({
      containers: containersOf(container),
      services: z
        .array(container)
        .meta({ description: 'Containers of a separate NAME-services pod (e.g. a database), not part of the Job.' })
        .optional(),
      network: z
        .object({
          headlessName: str('Name of the headless Service and pod subdomain.').default(V1A1_DEFAULT_HEADLESS_NAME),
        })
        .meta({ description: 'Networking.' })
        .optional(),
      users: z
        .array(
          z.object({
            name: str('Linux user name, also added to the REST API.'),
            password: str('Password, at most 8 characters (default: random).').optional(),
          }),
        )
        .meta({ description: 'Users created in every pod and in the REST API database.' })
        .optional(),
      jobLabels: stringMap('Labels of the Job.').optional(),
      interactive: specFields.interactive,
      flux: flux.optional(),
      volumes: z
        .record(z.string(), volume)
        .meta({ description: 'Volumes by name: each becomes a PersistentVolume NAME and a claim NAME-claim.' })
        .optional(),
      logging: logging.optional(),
      archive: z
        .object({ path: str('If this file exists when the broker starts, Flux restores its content from it.').optional() })
        .meta({ description: 'Restore Flux state from an archive.' })
        .optional(),
      shareProcessNamespace: specFields.shareProcessNamespace,
      fluxRestful: fluxRestful.optional(),
      cleanup: bool('The operator deletes the MiniCluster and its volumes when rank 0 finishes (no effect on the objects).').default(false),
      size: specFields.size,
      maxSize: specFields.maxSize,
      tasks: int32('Tasks for the submitted command.').default(1),
      deadlineSeconds: deadlineSecondsOf(V1A1_DEFAULT_DEADLINE_SECONDS),
      pod: pod.optional(),
    })
    .meta({ description: 'MiniCluster spec (v1alpha1).' });

  const miniClusterSchema = z
    .object({
      apiVersion: z.literal(API_VERSION).meta({ description: 'flux-framework.org/v1alpha1' }),
      kind: z.literal('MiniCluster').meta({ description: 'MiniCluster' }),
      metadata: metadataSchema,
      spec: v1alpha1SpecSchema,
    })
    .meta({ description: 'A Flux Framework MiniCluster of the older API (flux-framework.org/v1alpha1).' });

  return miniClusterSchema;
}

let built: ReturnType<typeof buildSchemas> | undefined;

/** The v1alpha1 MiniCluster's zod schema, built on the first call. */
export function v1alpha1MiniClusterSchema(): ReturnType<typeof buildSchemas> {
  return (built ??= buildSchemas());
}

/** The whole MiniCluster; parsing with it builds the schemas (see v1alpha1MiniClusterSchema). */
export const miniClusterSchema = z.lazy(v1alpha1MiniClusterSchema);

/** What a user writes (defaults not applied). */
export type V1alpha1MiniClusterInput = z.input<typeof miniClusterSchema>;
/** After the CRD's structural defaults. */
export type V1alpha1MiniCluster = z.output<typeof miniClusterSchema>;
export type V1alpha1Spec = V1alpha1MiniCluster['spec'];
export type V1alpha1Container = V1alpha1Spec['containers'][number];
export type V1alpha1Volume = NonNullable<V1alpha1Spec['volumes']>[string];
export type V1alpha1ExistingVolume = NonNullable<V1alpha1Container['existingVolumes']>[string];
