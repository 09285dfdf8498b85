/**
 * flux-framework.org/v1alpha1 MiniCluster → the closest flux-framework.org/v1alpha2 spec.
 *
 * The input's YAML Document is edited in place, so comments, key order, scalar styles and blank
 * lines stay wherever a field survives. What cannot be carried over is removed and described in
 * a note that says what to do instead. Notes point into the v1alpha1 input.
 */
import { API_VERSIONS, KIND } from '../common/apiVersions.ts';
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { diagnosticAt } from '../common/analyze.ts';
import { formatPath, hasErrors, type Diagnostic, type PathSegment } from '../diagnostics.ts';
import { parseSpecText, type ParsedText } from '../parse/index.ts';
import { TextLines, withLoneCrAsLf } from '../parse/lines.ts';
import { migrateContainer, type ContainerRole } from './containers.ts';
import { Migration, asList, asRecord, asText, type MigrationNote, type Plain } from './context.ts';
import { dropRestAndUsers, keepHeadlessName, keepSidecarsFromWaiting, keepStrictDefault, migrateFluxSpec, runnerNotes } from './specFields.ts';
import { migrateSpecVolumes, type MountingContainer } from './volumes.ts';
import { EDIT_PARSE_OPTIONS, detectLayout, effectivePair, removePair, repeatedKeys, usesAliases } from '../edit/yamlDocument.ts';
import { quote } from '../common/quoteText.ts';

const V1ALPHA1_API_VERSION = API_VERSIONS.v1alpha1;
const API_VERSION = API_VERSIONS.v1alpha2;

export interface MigrationResult {
  /** The v1alpha2 spec, when the input could be migrated. */
  text?: string;
  /** What was moved, renamed, dropped or behaves differently, positioned in the input. */
  notes: MigrationNote[];
  /** Why the input could not be migrated (errors), or warnings about the input. */
  diagnostics: Diagnostic[];
}


/** Errors when the document is not a v1alpha1 MiniCluster this migration can read. */
function notMigratable(parsed: ParsedText, doc: Plain): Diagnostic[] {
  const out: Diagnostic[] = [];
  const apiVersion = doc['apiVersion'];
  const kind = doc['kind'];
  if (apiVersion === API_VERSION) {
    out.push(diagnosticAt(parsed, 'error', 'migrate-already-v1alpha2', ['apiVersion'], `This spec is already ${API_VERSION}; there is nothing to migrate. Generate from it directly.`));
    return out;
  }
  if (apiVersion === undefined) {
    out.push(diagnosticAt(parsed, 'error', 'migrate-api-version', [], `No apiVersion: migration reads a MiniCluster that starts with "apiVersion: ${V1ALPHA1_API_VERSION}".`));
  } else if (apiVersion !== V1ALPHA1_API_VERSION) {
    out.push(diagnosticAt(parsed, 'error', 'migrate-api-version', ['apiVersion'], `Found apiVersion ${quote(apiVersion)}; migration turns a ${V1ALPHA1_API_VERSION} MiniCluster into ${API_VERSION}.`));
  }
  if (kind !== KIND) {
    out.push(diagnosticAt(parsed, 'error', 'migrate-kind', kind === undefined ? [] : ['kind'], kind === undefined ? `No kind: add "kind: ${KIND}".` : `Found kind ${quote(kind)}; only a ${KIND} can be migrated (kind: ${KIND}, case-sensitive).`));
  }
  if (out.length === 0 && !asRecord(doc['spec'])) {
    out.push(diagnosticAt(parsed, 'error', 'migrate-spec', doc['spec'] === undefined ? [] : ['spec'], 'There is no spec mapping to migrate: a MiniCluster needs "spec:" with at least its containers.'));
  }
  return out;
}

/** v1alpha1's rule: a single container runs Flux; otherwise the ones marked runFlux do. */
function roleOf(container: Plain, count: number): ContainerRole {
  return count === 1 || container['runFlux'] === true ? 'runner' : 'sidecar';
}

function migrateContainers(m: Migration, spec: YAMLMap, plainSpec: Plain): MountingContainer[] {
  const mounting: MountingContainer[] = [];
  let firstWrappedSidecar: PathSegment[] | undefined;
  for (const listName of ['containers', 'services'] as const) {
    const list = effectivePair(spec, listName)?.value;
    const plainList = asList(plainSpec[listName]);
    if (!isSeq(list)) continue;
    list.items.forEach((item, index) => {
      const plain = asRecord(plainList[index]);
      if (!isMap(item) || !plain) return;
      const path: PathSegment[] = ['spec', listName, index];
      const role: ContainerRole = listName === 'services' ? 'service' : roleOf(plain, plainList.length);
      const result = migrateContainer(m, item, plain, path, role);
      if (result.wrappedSidecar) firstWrappedSidecar ??= path;
      if (role === 'runner') runnerNotes(m, plainSpec, plain, path);
      mounting.push({ node: item, plain, path });
    });
  }
  if (firstWrappedSidecar) keepSidecarsFromWaiting(m, spec, plainSpec, firstWrappedSidecar);
  return mounting;
}

function firstDocument(text: string): { doc: Document; more: boolean } | undefined {
  // Line breaks read as the spec parser reads them, so both see the same keys.
  const docs = parseAllDocuments(withLoneCrAsLf(text), EDIT_PARSE_OPTIONS);
  if (!Array.isArray(docs) || !docs[0]) return undefined;
  return { doc: docs[0], more: docs.length > 1 };
}

export function migrateV1alpha1(text: string): MigrationResult {
  const parsed = parseSpecText(text);
  // Repeated keys are resolved by the migration itself, with a note each.
  const warnings = parsed.diagnostics.filter((d) => d.severity !== 'error' && d.code !== 'duplicate-key');
  if (hasErrors(parsed.diagnostics)) return { notes: [], diagnostics: parsed.diagnostics };
  const value = asRecord(parsed.value);
  if (!value) return { notes: [], diagnostics: parsed.diagnostics };
  const identity = notMigratable(parsed, value);
  if (identity.length > 0) return { notes: [], diagnostics: [...identity, ...warnings] };

  const first = firstDocument(text);
  if (!first) return { notes: [], diagnostics: parsed.diagnostics };
  const { doc } = first;
  const m = new Migration(doc, parsed, new TextLines(text));

  if (usesAliases(doc)) {
    // Edits below follow keys through the Document; anchors, aliases and merge keys would make
    // one edit change several places, so the resolved value is written out instead.
    doc.contents = doc.createNode(value);
    m.note([], 'changed', 'The anchors, aliases and merge keys (&, *, <<) were written out in full, and the comments could not be kept.');
  }
  for (const { pair, path, sameValue } of repeatedKeys(doc)) {
    const key = pair.key as { range?: [number, number, number] } | null;
    removePair(doc, pair);
    m.noteAtOffset(path, key?.range?.[0] ?? 0, 'dropped', sameValue
      ? `${formatPath(path)} is written twice with the same value; this repetition was removed.`
      : `${formatPath(path)} is written again later in the same mapping; only the last one counted, so this one was removed.`);
  }
  if (first.more) {
    m.note([], 'dropped', 'Only the first YAML document of the file was read (as the operator does); the documents after the first "---" are left out.');
  }

  const root = doc.contents as YAMLMap;
  const apiVersionPair = effectivePair(root, 'apiVersion');
  // Changing the scalar itself keeps a comment written after it.
  if (isScalar(apiVersionPair?.value)) apiVersionPair.value.value = API_VERSION;
  else if (apiVersionPair) apiVersionPair.value = doc.createNode(API_VERSION);

  const metadata = asRecord(value['metadata']);
  const name = asText(metadata?.['name']) ?? '';
  if (!name && asText(metadata?.['generateName'])) {
    const suggested = (asText(metadata?.['generateName']) ?? '').replace(/-+$/, '');
    m.note(['metadata', 'generateName'], 'changed', `generateName was kept, but generating the objects needs a fixed name (every object and host name is derived from it): replace it with "name: ${suggested}".`);
  } else if (!name) {
    m.note(metadata ? ['metadata'] : [], 'changed', 'There is no metadata.name; add one before generating (lowercase letters, digits and -): every object and host name is derived from it.');
  }

  const spec = effectivePair(root, 'spec')?.value;
  if (!isMap(spec)) return { notes: [], diagnostics: [diagnosticAt(parsed, 'error', 'migrate-spec', ['spec'], 'The spec could not be read as a mapping of fields, so it cannot be migrated.')] };
  const plainSpec = asRecord(value['spec']) ?? {};
  const namespace = asText(metadata?.['namespace']) ?? 'default';
  dropRestAndUsers(m, spec, plainSpec);
  migrateFluxSpec(m, spec, plainSpec);
  const mounting = migrateContainers(m, spec, plainSpec);
  migrateSpecVolumes(m, spec, plainSpec, mounting, namespace);
  keepStrictDefault(m, spec, plainSpec);
  keepHeadlessName(m, spec, plainSpec, name);

  const layout = detectLayout(text);
  const out = doc.toString({ lineWidth: 0, minContentWidth: 0, indent: layout.indent, indentSeq: layout.indentSeq });
  return { text: out, notes: m.sortedNotes(), diagnostics: warnings };
}
