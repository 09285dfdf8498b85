/** The v1alpha1 MiniCluster: schema, analysis and generation (the pipeline dispatches here). */
export { analyzeV1alpha1Parsed, analyzeV1alpha1Spec, type V1alpha1Analysis } from './analyze.ts';
export type { ResolvedV1alpha1MiniCluster } from './defaults.ts';
export { generateV1alpha1Manifests, v1alpha1Certificate } from './generate.ts';
export { v1alpha1JsonSchema } from './jsonSchema.ts';
export { v1alpha1BrokerToml, v1alpha1Quorum } from './brokerToml.ts';
export {
  V1ALPHA1_API_VERSION,
  v1alpha1Schema,
  type V1alpha1Container,
  type V1alpha1MiniCluster,
  type V1alpha1MiniClusterInput,
  type V1alpha1Spec,
  type V1alpha1Volume,
} from './schema.ts';
