/**
 * The v1alpha2 MiniCluster, stage by stage: schema, defaults, rules, analysis (all three on a
 * parsed document) and generation. `../v1alpha1/index.ts` has the same shape.
 */
export { analyzeParsed, analyzeSpec, type Analysis } from './analyze.ts';
export { applyDefaults, type ResolvedMiniCluster } from './defaults.ts';
export { validateCluster } from './rules.ts';
export { generateManifests } from './generate.ts';
export { miniClusterJsonSchema } from './jsonSchema.ts';
export { brokerToml } from './brokerToml.ts';
export { requiredRanks } from './scriptInputs.ts';
export { API_VERSION, miniClusterSchema, type Container, type MiniCluster, type MiniClusterInput } from './schema.ts';
