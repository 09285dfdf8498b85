/**
 * The core's public API: what the app, the worker and the CLI call. A spec's `apiVersion` picks
 * its version (`analyzeAnySpec`, `generateAny`); each version's own stages are under its name.
 */
export * from './diagnostics.ts';
export * as v1alpha2 from './v1alpha2/index.ts';
export * as v1alpha1 from './v1alpha1/index.ts';
export type { ResolvedMiniCluster } from './v1alpha2/defaults.ts';
export type { ResolvedV1alpha1MiniCluster } from './v1alpha1/defaults.ts';
export type { AnalyzeOptions } from './common/analyze.ts';
export { API_VERSIONS, KIND, type MiniClusterVersion } from './common/apiVersions.ts';
export { certificateFor, type CurveKeys, type GenerateOptions } from './common/generation.ts';
export type { KObject, Manifest } from './common/kobject.ts';
export { hostlist } from './common/hostlist.ts';
export {
  ALL_INCLUDES,
  INCLUDE_LETTERS,
  INCLUDE_ORDER,
  OBJECT_KINDS,
  VERSION_INCLUDES,
  letterOfKind,
  type IncludeLetter,
  type ObjectKind,
} from './kinds.ts';
export { migrateV1alpha1, nameFromGenerateName, type MigrationNote, type MigrationNoteKind, type MigrationResult } from './migrate/index.ts';
export { commandTarget, type CommandTarget, type FluxShell } from './commands/target.ts';
export { commandsText, kubectlCommands, type KubectlCommand } from './commands/kubectl.ts';
export { analyzeFile, fileDiagnostics, specAt, type FileAnalysis, type SpecInFile } from './fileAnalysis.ts';
export type { YamlDocument } from './parse/documents.ts';
export { DEFAULT_MAX_BYTES, parseSpecText, tooLargeMessage } from './parse/index.ts';
export { hasUnprintable, printable, quote } from './common/quoteText.ts';
export * from './edit/index.ts';
export { parseQuantity, renderJson, renderYaml } from './render/index.ts';
export { readCurveCert, sodiumKeypairSource, z85Encode, type CertProblem, type KeypairSource } from './curve/index.ts';
export { asRecord } from './common/plain.ts';
export {
  GANGS,
  OUTPUT_OPTIONS,
  isDefaultOutput,
  optionName,
  optionValueProblems,
  type Gang,
  type OptionProblem,
  type OutputOptionInfo,
  type OutputOptionKey,
  type OutputOptions,
  type Workload,
} from './targets/options.ts';
export {
  analyzeAnySpec,
  clusterSummary,
  generateAny,
  generateFiled,
  includeLettersFor,
  type AnyAnalysis,
  type FiledManifest,
  type ResolvedAny,
} from './pipeline.ts';
export { SCHEMA_VERSIONS, isSchemaVersion, schemaFilePath, schemaFileText } from './schemaFile.ts';
export { ObjectTooLarge } from './common/objectLimits.ts';
export { clusterModel } from './cluster/build.ts';
export { effectiveTopology, parentOf, parentRule, readTopology, topologyText, OPERATOR_FANOUT, TOPOLOGY_VALUES } from './cluster/topology.ts';
export { OFFLINE_SUFFIX, treeLines, treeText } from './cluster/tree.ts';
export type {
  ClusterModel,
  ClusterService,
  EffectiveTopology,
  PodContainer,
  Rank,
  RankGroup,
  Topology,
  VolumeMount,
  Wrapper,
} from './cluster/model.ts';
// The cluster picture folded for drawing (the app's Cluster view).
export { MAX_DRAWN, foldTree, foldedTreeText, listRanks, nodeLine, rankLabel, type DrawnNode, type FoldedTree } from './cluster/fold.ts';
