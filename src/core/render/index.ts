/** Rendering of generated objects: YAML/JSON text and Kubernetes quantity canonicalisation. */
export { canonicalQuantity, isQuantity, parseQuantity } from './quantity.ts';
export type { Quantity, QuantityFormat } from './quantity.ts';
export { yamlV2KeyCompare } from './keyOrder.ts';
export { isAmbiguousPlain, renderJson, renderYaml } from './yamlOut.ts';
export type { KeyOrder, RenderYamlOptions } from './yamlOut.ts';
export { yamlRoundTripProblems } from './roundTrip.ts';
