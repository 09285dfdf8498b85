/**
 * The generator's protocol: what the page asks for (a message to the worker, or a call of
 * `respond` on the main thread) and what comes back, whose rendered objects the preview shows.
 */
import type { ClusterPicture } from '../cluster/picture.ts';
import type { CommandTarget, CurveKeys, Diagnostic, IncludeLetter, OptionProblem, OutputOptions } from '../../core/page.ts';

export type { CommandTarget, CurveKeys, Diagnostic, IncludeLetter, OptionProblem, OutputOptions };

export interface RenderedManifest {
  kind: string;
  name: string;
  /** The include letter that selects this object. */
  letter: IncludeLetter;
  /** The object as one YAML document, starting with `---`. */
  yaml: string;
}

export interface GenerateRequest {
  id: number;
  text: string;
  /** The keypair for the certificate, made on the page; absent only before it exists (a warm-up). */
  keys?: CurveKeys;
  /**
   * Keypairs for the file's second, third… MiniCluster (`keys` is the first's): each is a Flux
   * instance of its own. One missing is made up with `keys` and keeps the file's bundle back.
   */
  moreKeys?: CurveKeys[];
  /** A user's own certificate (already checked), used instead of one made from the keys. */
  certificate?: string;
  defaultNamespace: string;
  /** Where the cursor is (an offset in `text`): a file of several MiniClusters previews that one. */
  cursor?: number;
  /**
   * Where the output runs (Kueue, JobSet, the certificate in a Secret, the success policy); absent
   * for the operator's own objects. A value that is not valid withholds the objects (see respond.ts).
   */
  output?: OutputOptions;
}

/**
 * What makes the objects of every MiniCluster of a file of several, for the bundle: the text and
 * options a response was made from, with a keypair for each MiniCluster in file order. Generated
 * when the bundle is exported (generation.ts `wholeFileManifests`), not on every edit.
 */
export interface WholeFileRequest {
  text: string;
  defaultNamespace: string;
  keys: CurveKeys[];
  certificate?: string;
  output?: OutputOptions;
}

/** Which MiniCluster of a file of several documents the response is about. */
export interface SpecInFileInfo {
  /** Zero-based among the file's MiniClusters, and how many there are. */
  index: number;
  count: number;
  name?: string;
  /** Its document's character range in the text, and its lines (one-based, inclusive). */
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
}

export interface GenerateResponse {
  id: number;
  diagnostics: Diagnostic[];
  /** Every generated object (the toggles filter them); absent when the spec or an output option has errors. */
  manifests?: RenderedManifest[];
  /**
   * Output options whose values are not valid (an unfinished queue name): the objects are withheld
   * rather than made as if those options were off.
   */
  optionProblems?: OptionProblem[];
  /** metadata.name, for file names. */
  name?: string;
  /**
   * The name the bundle's files take: the file's first MiniCluster, as the CLI names it, so the
   * name does not change with the cursor in a file of several.
   */
  bundleName?: string;
  /** Pods the Job starts (spec.size), for the summary line. */
  pods?: number;
  /**
   * What the Commands panel needs of each MiniCluster of the file that has no errors, in file
   * order; present with the objects. The page adds the bundle's file name (`kubectlCommands`).
   */
  commandTargets?: CommandTarget[];
  /** What the Cluster view draws of the previewed MiniCluster; present with the objects. */
  cluster?: ClusterPicture;
  /** The MiniCluster API version the document declares, when it is a known one. */
  version?: 'v1alpha1' | 'v1alpha2';
  /**
   * The resolved spec sets `flux.curveCert` (both versions), so that certificate is used instead
   * of ours. Read from the parsed spec, not the text; false when the spec has errors.
   */
  hasCurveCert: boolean;
  /**
   * The generated object that holds the certificate (its secret key): the entrypoint ConfigMap,
   * v1alpha1's curve-mount ConfigMap, or the Secret `NAME-curve` of the certificate-in-a-Secret
   * option. Absent without objects, or when the spec names a Secret of its own.
   */
  certificateIn?: { kind: string; name: string };
  /** The MiniCluster previewed, when the text holds more than one document. */
  inFile?: SpecInFileInfo;
  /**
   * A file of several MiniClusters whose every MiniCluster has its objects (no errors, a keypair
   * each): how to make them all, for the bundle. Absent for a file of one, whose bundle is `manifests`.
   */
  wholeFile?: WholeFileRequest;
  /** The keypair of the previewed MiniCluster's certificate (its public key is shown; nothing leaves the page). */
  keys: CurveKeys;
  /** How long generation took, for the speed measurements. */
  workerMs: number;
  /** Made on the main thread rather than in the worker (see generatorClient.ts). */
  onMainThread?: boolean;
  /** On the worker's first answer: when it started, had the core and had the keypair (ms since the epoch). */
  startup?: { workerStartedAt: number; coreReadyAt?: number };
}

/** The worker's answer when generating a text threw: the text is not generated. */
export interface GenerateFailure {
  id: number;
  failed: string;
}

/** Stand-in keys for warm-up runs of the core (whose output is thrown away): no secret in them. */
export const WARM_UP_KEYS: CurveKeys = { publicKey: '0'.repeat(40), secretKey: '0'.repeat(40) };
