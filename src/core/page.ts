/**
 * The part of the core's API the page needs before the core itself has loaded: the include
 * registry, the keypair tools, diagnostics' paths, quantities and the YAML reading that share
 * links use. It is a façade of its own, not `index.ts`, because a bundler cannot split a barrel
 * that also holds the zod schemas: importing `index.ts` from the first screen pulls the whole core
 * (about 120 KB gzip) in front of the first output, which the worker computes anyway. Code loaded
 * later (the form, the editor's schemas, the upgrade panel, generation on the main thread) imports
 * `index.ts`.
 */
export { formatPath, hasErrors, type Diagnostic, type PathSegment, type Severity } from './diagnostics.ts';
export { ALL_INCLUDES, INCLUDE_LETTERS, INCLUDE_ORDER, type IncludeLetter } from './kinds.ts';
export type { MiniClusterVersion } from './common/apiVersions.ts';
export type { CurveKeys } from './common/generation.ts';
export { asRecord, valueAt } from './common/plain.ts';
export { sodiumKeypairSource, z85Encode, type CertProblem, type KeypairSource } from './curve/index.ts';
export { parseQuantity } from './render/quantity.ts';
export { DEFAULT_MAX_BYTES, tooLargeMessage } from './parse/tooLarge.ts';
export {
  GANGS,
  OUTPUT_OPTIONS,
  isChoiceOf,
  isChoiceRow,
  isDefaultOutput,
  isNumberRow,
  isOptionOn,
  isSwitchRow,
  isTextRow,
  optionName,
  optionValueProblems,
  readOptionNumber,
  setOption,
  type Gang,
  type OptionProblem,
  type OutputOptionInfo,
  type OutputOptionKey,
  type OutputOptions,
  type Workload,
} from './targets/options.ts';
export { EDIT_PARSE_OPTIONS, keyName, plainJson } from './edit/yamlDocument.ts';
export { kubectlCommands, type KubectlCommand } from './commands/kubectl.ts';
export { listRanks } from './cluster/fold.ts';
// Types only: they cost the page nothing.
export type { CommandTarget } from './commands/target.ts';
export type { FormField } from './edit/formFields.ts';
export type { SpecEdit } from './edit/specEdit.ts';
export type { MigrationNote } from './migrate/index.ts';
