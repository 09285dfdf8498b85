/**
 * What the entrypoint scripts need, already defaulted and computed by the generator.
 * The scripts only assemble text from these values; no spec logic lives in them.
 * Every string here is user data unless said otherwise and must reach the shell quoted,
 * except the fields documented as "shell code", which are run as written.
 */

/**
 * Fixed in-container paths of the scripts. Real pods always use the defaults
 * (`DEFAULT_SYSTEM_PATHS` in `paths.ts`); the override exists only so the behavioural tests can run
 * the scripts in a temporary directory without touching `/flux_operator`, `/opt` or `/tmp`.
 * The generator should leave it unset.
 */
export interface SystemPaths {
  /** The read-only ConfigMap mount holding the scripts and, by default, `curve.cert`: `/flux_operator`. */
  operatorDir: string;
  /** The read-only Secret mount holding `curve.cert` when the certificate is in a Secret: `/curve`. */
  curveSecretDir: string;
  /** Where the spack software is copied so the view's absolute links resolve: `/opt/software`. */
  softwareDir: string;
  /** Per-container scratch directory (`/tmp/R`, `/tmp/custom-entrypoint.sh`, ...): `/tmp`. */
  tmpDir: string;
  /** HOME used when the image leaves HOME at `/`: `/home/flux-operator`. */
  homeFallback: string;
  /** The timer used by `logging.timed`: `/usr/bin/time`. */
  timeBinary: string;
  /** Flux root inside the flux-view image (init script): `/opt/view`. */
  viewSource: string;
  /** Directory whose single entry is the real view behind `/opt/view` (init script): `/opt/views/._view`. */
  viewsDir: string;
}

/** Values shared by the runner (`wait-i.sh`) and sidecar (`start-i.sh`) scripts. */
export interface ViewInputs {
  /** MOUNT: where the shared flux-view volume is mounted, e.g. `/mnt/flux`. */
  mountPath: string;
  /** false when `spec.flux.container.disable` is true ("no view" mode). */
  viewEnabled: boolean;
  /** `spec.flux.container.pythonPath`; empty means the computed `<python dir>/site-packages`. */
  pythonPath: string;
  /** `spec.flux.scheduler.simple`: when true FLUX_RC_EXTRA is not exported. */
  schedulerSimple: boolean;
  /** `spec.flux.environment` as sorted [KEY, VALUE] pairs, written to MOUNT/flux-view.sh. */
  fluxEnvironment: Array<[string, string]>;
  /** `spec.logging.quiet` */
  quiet: boolean;
  /** `spec.logging.strict` */
  strict: boolean;
  /** Test-only override of fixed paths; see `SystemPaths`. */
  systemPaths?: Partial<SystemPaths>;
}

export interface ContainerCommands {
  /** Shell code. Empty string when unset. */
  init: string;
  pre: string;
  brokerPre: string;
  workerPre: string;
  post: string;
  servicePre: string;
  /** Script text written to /tmp/custom-entrypoint.sh and run as the command. */
  script: string;
  /** Shell words put before the program that `flux start` runs on rank 0. */
  prefix: string;
}

export interface RunnerScriptInputs extends ViewInputs {
  /** NAME (metadata.name), for messages. */
  name: string;
  /** The lead broker's host name: `NAME-0`, or `NAME-node-0-0` under a JobSet. */
  leadHost: string;
  /** The certificate is read from the Secret mount (`curveSecretDir`), not the ConfigMap's. */
  certificateInSecret: boolean;
  /** `containers[i].command`: shell code run inside Flux (may be multi-line in batch mode). */
  command: string;
  commands: ContainerCommands;
  launcher: boolean;
  batch: boolean;
  batchRaw: boolean;
  /** FLUX_OUTPUT_DIR: `containers[i].logs` or `/tmp/fluxout`. */
  outputDir: string;
  /** Broker options in the operator's order (see `brokerOptions`), without the run-time `-Scontent.restore` one. */
  brokerOptions: string[];
  /** `spec.archive.path`; when non-empty and present at run time, `-Scontent.restore=<path>` is added. */
  archivePath: string;
  /** Submit/batch flags (see `submitFlags`), already joined, e.g. `-N 4 -n4`. Shell words. */
  flags: string;
  /** `spec.flux.submitCommand` or `flux submit`. Shell words. */
  submitCommand: string;
  /** `spec.flux.wrap`; empty means no `--wrap`. */
  wrap: string;
  /** `spec.logging.timed` */
  timed: boolean;
  /** `spec.flux.completeWorkers` */
  completeWorkers: boolean;
  /** `spec.interactive` (only for messages: the broker option is already in brokerOptions). */
  interactive: boolean;
}

export interface SidecarScriptInputs extends ViewInputs {
  /** `containers[i].command`: shell code run as written at the end. */
  command: string;
  commands: ContainerCommands;
  /** `spec.flux.noWaitSocket` */
  noWaitSocket: boolean;
}

export interface InitScriptInputs {
  /** NAME */
  name: string;
  mountPath: string;
  viewEnabled: boolean;
  /** The hostlist (docs/design.md, "Hostlist, ranks and quorum"). */
  hostlist: string;
  /** Full broker.toml text (generated or `spec.flux.brokerConfig`), written verbatim. */
  brokerConfig: string;
  /** The certificate is read from the Secret mount (`curveSecretDir`), not the ConfigMap's. */
  certificateInSecret: boolean;
  /** Test-only override of fixed paths; see `SystemPaths`. */
  systemPaths?: Partial<SystemPaths>;
}
