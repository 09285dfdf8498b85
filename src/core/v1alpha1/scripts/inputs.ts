/**
 * What the v1alpha1 entrypoint scripts need, already defaulted and computed by the generator.
 * Strings are data (quoted in the script) unless marked "shell code" or "shell words".
 */

export interface V1alpha1Commands {
  /** Shell code; empty when unset. */
  init: string;
  pre: string;
  brokerPre: string;
  workerPre: string;
  post: string;
  /** Shell words put before `flux broker`, before the rank-0 program, and before `flux start` on workers. */
  prefix: string;
}

/** The REST API server started when the Flux container has no command and is not interactive. */
export interface RestServerInputs {
  branch: string;
  port: number;
  username: string;
  token: string;
  secretKey: string;
}

export interface WaitScriptInputs {
  /** metadata.name; the lead broker is the pod whose hostname is `NAME-0`. */
  name: string;
  quiet: boolean;
  strict: boolean;
  timed: boolean;
  fluxUser: string;
  fluxUid: number;
  installRoot: string;
  runFluxAsRoot: boolean;
  commands: V1alpha1Commands;
  /** spec.users with their final passwords. */
  users: Array<{ name: string; password: string }>;
  /** FLUX_OUTPUT_DIR */
  outputDir: string;
  /** Broker options in the operator's order, without the run-time `-Scontent.restore`. */
  brokerOptions: string[];
  /** spec.archive.path; restored from when the file exists at run time. */
  archivePath: string;
  /** The hostlist (docs/design.md, "Hostlist, ranks and quorum"). */
  hostlist: string;
  /** `--cores=0-N` or `--local` for flux R encode. */
  coresFlag: string;
  diagnostics: boolean;
  /** spec.flux.optionFlags: shell words, exported as FLUX_OPTION_FLAGS and added to the flags. */
  optionFlags: string;
  interactive: boolean;
  /** containers[i].command: shell words (submit, launcher) or lines of shell code (batch). */
  command: string;
  launcher: boolean;
  batch: boolean;
  batchRaw: boolean;
  /** `flux submit` or spec.flux.submitCommand; shell words. */
  submitCommand: string;
  /** `-N SIZE` (when tasks >= size) and `-n TASKS`. */
  nodeFlags: string;
  debug: boolean;
  /** spec.flux.wrap; empty means no --wrap. */
  wrap: string;
  rest: RestServerInputs;
  /** spec.size, exported as FLUX_NUMBER_NODES for the REST server. */
  size: number;
}

export interface StartScriptInputs {
  quiet: boolean;
  strict: boolean;
  commands: V1alpha1Commands;
  /** containers[i].command: shell code. */
  command: string;
}
