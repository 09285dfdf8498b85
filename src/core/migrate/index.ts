export { migrateV1alpha1, type MigrationResult } from './migrateV1alpha1.ts';
export type { MigrationNote, MigrationNoteKind } from './context.ts';
export { nameFromGenerateName } from './generateName.ts';
