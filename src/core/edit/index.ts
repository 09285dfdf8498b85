export { applySpecEdit, applySpecEdits, type DocumentRange, type EditPath, type EditResult, type SpecEdit } from './specEdit.ts';
export { mergeEdit } from './lineMerge.ts';
export { EDIT_PARSE_OPTIONS, keyName, plainJson } from './yamlDocument.ts';
export { valueAt } from '../common/plain.ts';
export * from './formFields.ts';
