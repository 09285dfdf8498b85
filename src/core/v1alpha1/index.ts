/**
 * The v1alpha1 MiniCluster, stage by stage: schema, defaults, rules, analysis (all three on a
 * parsed document) and generation. `../v1alpha2/index.ts` has the same shape.
 */
export { analyzeParsed, analyzeSpec, type Analysis } from './analyze.ts';
export { applyDefaults, type ResolvedV1alpha1MiniCluster } from './defaults.ts';
export { validateCluster } from './rules.ts';
export { generateManifests } from './generate.ts';
export { miniClusterJsonSchema } from './jsonSchema.ts';
export { brokerToml } from './brokerToml.ts';
export {
  API_VERSION,
  miniClusterSchema,
  type V1alpha1Container,
  type V1alpha1MiniCluster,
  type V1alpha1MiniClusterInput,
  type V1alpha1Spec,
  type V1alpha1Volume,
} from './schema.ts';
