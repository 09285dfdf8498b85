/**
 * A whole file, as `kubectl apply -f` takes it: any number of YAML documents, of which the
 * MiniClusters are analysed (each on its own, with the file's positions) and the other objects are
 * named in a note; a gang scheduler's PodGroup that a MiniCluster's pods join is checked against
 * it (podGroupLinks.ts). A file of one document, or of documents that are not Kubernetes objects at all,
 * is read as one spec, with the errors that gives.
 */
import type { Diagnostic } from './diagnostics.ts';
import { hasDocumentMarker, yamlDocuments, type YamlDocument } from './parse/documents.ts';
import { analyzeAnyParsed, analyzeAnySpec, type AnyAnalysis } from './pipeline.ts';
import { bySeverityAndPosition, diagnosticAt, parseOptions, type AnalyzeOptions } from './common/analyze.ts';
import { utf8SizeIfOver } from './parse/utf8.ts';
import { DEFAULT_MAX_BYTES, parseSpecText, type ParsedText } from './parse/index.ts';
import { TextLines } from './parse/lines.ts';
import { printable, quote } from './common/quoteText.ts';
import { linkPodGroups } from './podGroupLinks.ts';

const MINICLUSTER = 'MiniCluster';

export interface SpecInFile {
  /** The document it was read from (for a file read as one spec: its first document with content). */
  document: YamlDocument;
  analysis: AnyAnalysis;
}

export interface FileAnalysis {
  /** Every YAML document of the file, in order; not listed for a file that is one document. */
  documents: YamlDocument[];
  /** The MiniCluster specs, in file order. */
  specs: SpecInFile[];
  /** About the file as a whole: the other objects it holds, a file with no MiniCluster. */
  diagnostics: Diagnostic[];
}

// The kind, name and apiVersion are the file's own text, shown as written but never as controls.
const describe = (d: YamlDocument) => printable(`${d.kind}${d.name ? ` ${d.name}` : ''}${d.apiVersion ? ` (${d.apiVersion})` : ''}`);

/** The character at a position; none at the end of its line (a document may start there, a parser give up there). */
function endOfCharAt(lines: TextLines, line: number, column: number): number {
  return Math.min(column + 1, lines.lineText(line).length + 1);
}

function at(lines: TextLines, d: YamlDocument, severity: Diagnostic['severity'], code: string, message: string): Diagnostic {
  return { severity, code, path: '', message, line: d.line, column: d.column, endLine: d.line, endColumn: endOfCharAt(lines, d.line, d.column) };
}

/** What the file says about its documents that are not MiniClusters (`linked`: what a PodGroup some MiniCluster's pods join is). */
function otherDocumentNotes(lines: TextLines, others: readonly YamlDocument[], linked: ReadonlyMap<YamlDocument, string>): Diagnostic[] {
  return others.map((d) => {
    if (d.syntaxError) {
      const e = d.syntaxError;
      return {
        severity: 'warning',
        code: 'other-document-syntax',
        path: '',
        message: `This document (line ${d.line}) is not valid YAML: ${e.message.replace(/[.:]$/, '')}. kubectl apply would stop at it; fix or remove it.`,
        line: e.line,
        column: e.column,
        endLine: e.line,
        endColumn: endOfCharAt(lines, e.line, e.column),
      };
    }
    if (d.kind === undefined) {
      return at(lines, d, 'warning', 'other-document', `The document at line ${d.line} is not a Kubernetes object (it has no kind); kubectl apply would refuse the file. Remove it or complete it.`);
    }
    const gang = linked.get(d);
    if (gang) return at(lines, d, 'info', 'other-object', gang);
    return at(lines, d, 'info', 'other-object', `Line ${d.line}: ${describe(d)} is not a MiniCluster; it is left as it is and not part of the generated objects.`);
  });
}

/**
 * Two MiniClusters of one name and namespace make objects of the same names, which overwrite each
 * other when the file is applied: the second is refused at its metadata.name. It runs after the
 * specs are analysed and reads their resolved name and namespace.
 */
function withoutSharedNames(specs: SpecInFile[], parse: (document: YamlDocument) => ParsedText): SpecInFile[] {
  const first = new Map<string, SpecInFile>();
  const firstService = new Map<string, SpecInFile>();
  return specs.map((spec) => {
    const resolved = spec.analysis.resolved;
    if (!resolved) return spec;
    const { name, namespace } = resolved.cluster.metadata;
    const key = `${namespace}/${name}`;
    const service = resolved.cluster.spec.network.headlessName;
    const earlier = first.get(key);
    const earlierService = firstService.get(`${namespace}/${service}`);
    if (!earlier && !earlierService) {
      first.set(key, spec);
      firstService.set(`${namespace}/${service}`, spec);
      return spec;
    }
    // Rare, so the second document is parsed again (its own text only) to place the problem at its name.
    const parsed = parse(spec.document);
    const problem = earlier
      ? diagnosticAt(parsed, 'error', 'duplicate-minicluster', ['metadata', 'name'], `The MiniCluster at line ${earlier.document.line} is also named ${quote(name)} in namespace ${quote(namespace)}: their objects have the same names and would overwrite each other. Rename one of them (or put it in another namespace).`)
      : diagnosticAt(parsed, 'error', 'duplicate-service', ['spec', 'network', 'headlessName'], sharedServiceMessage(earlierService!.document.line, service, namespace));
    const { resolved: _withheld, ...rest } = spec.analysis;
    return { ...spec, analysis: { ...rest, diagnostics: [...spec.analysis.diagnostics, problem].sort(bySeverityAndPosition) } };
  });
}

/**
 * Two MiniClusters whose headless Services share a name and namespace (v1alpha1 names every one
 * "flux-service" unless told otherwise): applied together, the later takes the Service over, and
 * the earlier cluster's pods no longer resolve each other's names.
 */
export function sharedServiceMessage(earlierLine: number | string, service: string, namespace: string): string {
  return (
    `The MiniCluster at ${typeof earlierLine === 'number' ? `line ${earlierLine}` : earlierLine} also makes the headless Service ${quote(service)} in namespace ${quote(namespace)}: ` +
    "applied together, this one would take it over and the other cluster's brokers would no longer find each other. " +
    'Give one of them a spec.network.headlessName of its own (or another namespace).'
  );
}

export function analyzeFile(text: string, options: AnalyzeOptions = {}): FileAnalysis {
  const whole = (documents: YamlDocument[], lines?: TextLines): FileAnalysis => {
    const first = documents.find((d) => d.hasContent) ?? documents[0] ?? { index: 0, start: 0, end: text.length, line: 1, column: 1, hasContent: false };
    // The line table of the document split serves the parse too, when there is one.
    const analysis = lines ? analyzeAnyParsed(parseSpecText(text, { ...parseOptions(options), within: { offset: 0, lines } }), options) : analyzeAnySpec(text, options);
    // A PodGroup the pods name is then not in this file, which a note says: parsed again only for it.
    const { specs } = linkPodGroups([{ document: first, analysis }], [], () => parseSpecText(text, parseOptions(options)), options);
    return { documents, specs, diagnostics: [] };
  };
  // Too large to read: the spec analysis says so without reading it.
  if (utf8SizeIfOver(text, options.maxBytes ?? DEFAULT_MAX_BYTES) !== undefined) return whole([]);

  // Most specs are one document: no marker line, so no second parse on every keystroke.
  if (!hasDocumentMarker(text)) return whole([]);
  const lines = new TextLines(text);
  const documents = yamlDocuments(text, lines);
  const filled = documents.filter((d) => d.hasContent);
  if (filled.length <= 1) return whole(documents, lines);

  const miniClusters = filled.filter((d) => d.kind === MINICLUSTER);
  const others = filled.filter((d) => d.kind !== MINICLUSTER);
  if (miniClusters.length > 0) {
    // Each MiniCluster is parsed from its own text, with the file's positions: the file is not
    // read again for each one.
    const parse = (document: YamlDocument) => parseSpecText(text.slice(document.start, document.end), { ...parseOptions(options), within: { offset: document.start, lines } });
    const specs = miniClusters.map((document) => ({ document, analysis: analyzeAnyParsed(parse(document), options) }));
    // A hand-written PodGroup beside its MiniCluster is checked against it.
    const { specs: checked, linked } = linkPodGroups(withoutSharedNames(specs, parse), others, parse, options);
    return { documents, specs: checked, diagnostics: otherDocumentNotes(lines, others, linked) };
  }
  const objects = filled.filter((d) => d.kind !== undefined);
  if (objects.length === 0) return whole(documents, lines);
  const first = objects[0] as YamlDocument;
  const listed = objects.map((d) => `${describe(d)} at line ${d.line}`).join(', ');
  return {
    documents,
    specs: [],
    diagnostics: [
      at(lines, first, 'error', 'no-minicluster', `This file holds no MiniCluster, only ${listed}. Add a document with "apiVersion: flux-framework.org/v1alpha2" and "kind: MiniCluster", or open the file that has it.`),
    ],
  };
}

/** The spec whose document holds `offset` (a cursor), else the last one before it, else the first. */
export function specAt(file: FileAnalysis, offset: number): SpecInFile | undefined {
  let found = file.specs[0];
  for (const spec of file.specs) if (spec.document.start <= offset) found = spec;
  return found;
}

/** Every problem of the file: its own, then each spec's in file order (a lone spec's as they are). */
export function fileDiagnostics(file: FileAnalysis): Diagnostic[] {
  if (file.diagnostics.length === 0 && file.specs.length === 1) return file.specs[0]?.analysis.diagnostics ?? [];
  return [...file.diagnostics, ...file.specs.flatMap((s) => s.analysis.diagnostics)];
}
