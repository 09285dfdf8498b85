/** The core's public API: what the app, the worker and the CLI call. */
export * from './diagnostics.ts';
export { analyzeSpec, type Analysis } from './v1alpha2/analyze.ts';
export type { AnalyzeOptions } from './common/analyze.ts';
export type { ResolvedMiniCluster } from './v1alpha2/defaults.ts';
export { API_VERSION, KIND, miniClusterSchema, type MiniCluster, type MiniClusterInput } from './v1alpha2/schema.ts';
export { miniClusterJsonSchema } from './v1alpha2/jsonSchema.ts';
export { generateManifests } from './v1alpha2/generate.ts';
export { certificateFor, type CurveKeys, type GenerateOptions } from './common/generateOptions.ts';
export type { KObject, Manifest } from './common/kobject.ts';
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
export { hostlist } from './common/hostlist.ts';
export { requiredRanks } from './v1alpha2/scriptInputs.ts';
export { brokerToml } from './v1alpha2/brokerToml.ts';
export { migrateV1alpha1, nameFromGenerateName, type MigrationNote, type MigrationNoteKind, type MigrationResult } from './migrate/index.ts';
export { analyzeFile, fileDiagnostics, specAt, type FileAnalysis, type SpecInFile } from './fileAnalysis.ts';
export type { YamlDocument } from './parse/documents.ts';
export {
  analyzeAnySpec,
  clusterSummary,
  generateAny,
  includeLettersFor,
  type AnyAnalysis,
  type MiniClusterVersion,
  type ResolvedAny,
} from './pipeline.ts';
export {
  analyzeV1alpha1Spec,
  generateV1alpha1Manifests,
  v1alpha1JsonSchema,
  v1alpha1Schema,
  V1ALPHA1_API_VERSION,
  type ResolvedV1alpha1MiniCluster,
  type V1alpha1Analysis,
  type V1alpha1Container,
  type V1alpha1MiniCluster,
  type V1alpha1MiniClusterInput,
  type V1alpha1Spec,
  type V1alpha1Volume,
} from './v1alpha1/index.ts';
