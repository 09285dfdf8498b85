/**
 * One edit's generation: the core's whole pipeline, for either API version. It runs in both
 * places: in the generator worker, and on the main thread once the page has loaded the core there
 * too (generatorClient.ts says when each is used), so it touches neither `self` nor the DOM. A
 * file of several documents is analysed whole (every problem is shown); the MiniCluster the
 * cursor is in is the one generated, each MiniCluster with its own keypair. The others are made
 * only when the bundle is exported (`wholeFileManifests`), which keeps an edit's work to one.
 *
 * The output options go into both the analysis (how they fit the spec: its problems are shown
 * like any other) and the generation. An option whose value is not valid is reported in
 * `optionProblems` and withholds the objects: output made as if it were off could be exported
 * and applied without anyone noticing. The valid ones are still analysed with the spec.
 */
import {
  analyzeFile,
  asRecord,
  clusterModel,
  clusterSummary,
  commandTarget,
  fileDiagnostics,
  generateFiled,
  isDefaultOutput,
  ObjectTooLarge,
  renderYaml,
  specAt,
  type Manifest,
  type OutputOptions,
  type ResolvedAny,
} from '../../core/index.ts';
import { clusterPicture } from '../cluster/picture.ts';
import { usableOptions } from '../output/outputOptions.ts';
import type { CurveKeys, GenerateRequest, GenerateResponse, RenderedManifest, WholeFileRequest } from '../worker/protocol.ts';

/** The certificate's key in the ConfigMap or Secret that holds it. */
const CERT_FILE = 'curve.cert';

/**
 * A comment line that makes generation throw, so that the end-to-end tests can show how the page
 * recovers from a generator that fails. Nothing else in a spec can reach this.
 */
export const STOP_GENERATOR_LINE = '# minicluster-studio: stop the generator (test)';

export function respond(request: GenerateRequest & { keys: CurveKeys }): GenerateResponse {
  const started = performance.now();
  if (request.text.includes(STOP_GENERATOR_LINE)) throw new Error('stopped on purpose by the test line');
  const { options: usable, problems: optionProblems } = usableOptions(request.output ?? {});
  const output: { output?: OutputOptions } = isDefaultOutput(usable) ? {} : { output: usable };
  const file = analyzeFile(request.text, { defaultNamespace: request.defaultNamespace, ...output });
  const spec = specAt(file, request.cursor ?? 0);
  const index = spec ? file.specs.indexOf(spec) : 0;
  const fileKeys = file.specs.map((_, i) => (i === 0 ? request.keys : request.moreKeys?.[i - 1]));
  const keys = fileKeys[index] ?? request.keys;
  const analysis = spec?.analysis;
  const resolved = analysis?.resolved;
  const response: GenerateResponse = {
    id: request.id,
    diagnostics: fileDiagnostics(file),
    keys,
    // The same test certificateFor makes before it takes the spec's certificate over ours.
    hasCurveCert: Boolean(resolved?.cluster.spec.flux.curveCert),
    workerMs: 0,
  };
  if (analysis?.version) response.version = analysis.version;
  if (optionProblems.length > 0) response.optionProblems = optionProblems;
  if (spec && file.documents.length > 1) {
    const { document } = spec;
    response.inFile = {
      index,
      count: file.specs.length,
      ...(document.name !== undefined ? { name: document.name } : {}),
      start: document.start,
      end: document.end,
      firstLine: lineAt(request.text, document.start),
      lastLine: lineAt(request.text, Math.max(document.start, document.end - 1)),
    };
  }
  const filed = resolved && spec && optionProblems.length === 0 ? generatedOrRefused(response, spec.document, () => generateFiled(resolved, { keys, ...(request.certificate ? { certificate: request.certificate } : {}), ...output })) : undefined;
  if (resolved && filed) {
    response.manifests = rendered(filed);
    // Only the check that every MiniCluster would generate, which the analysis has already done.
    const everyKey = fileKeys.filter((k): k is CurveKeys => k !== undefined);
    if (file.specs.length > 1 && file.specs.every((s) => s.analysis.resolved) && (everyKey.length === file.specs.length || request.certificate)) {
      response.wholeFile = {
        text: request.text,
        defaultNamespace: request.defaultNamespace,
        keys: file.specs.map((_, i) => fileKeys[i] ?? request.keys),
        ...(request.certificate ? { certificate: request.certificate } : {}),
        ...output,
      };
    }
    const holder = filed.find(({ manifest }) => holdsCertificate(manifest));
    if (holder) response.certificateIn = { kind: holder.manifest.kind, name: holder.manifest.metadata.name };
    // Every MiniCluster of the file: the bundle is applied as a whole.
    response.commandTargets = file.specs.flatMap(({ analysis: each }) => (each.resolved ? [commandTarget(each.resolved, usable)] : []));
    const summary = clusterSummary(resolved);
    response.name = summary.name;
    response.bundleName = file.specs[0]?.analysis.resolved?.cluster.metadata.name ?? summary.name;
    response.pods = summary.pods;
    // Made here with the objects, so the page only lays out a picture of bounded size.
    response.cluster = clusterPicture(clusterModel(resolved, filed.map((f) => f.manifest), output.output));
  }
  response.workerMs = performance.now() - started;
  return response;
}

/**
 * The objects, or none with an error at the MiniCluster's document when one of them would be
 * larger than the API server takes (generation refuses to make it).
 */
function generatedOrRefused(
  response: GenerateResponse,
  document: { line: number; column: number },
  generate: () => ReturnType<typeof generateFiled>,
): ReturnType<typeof generateFiled> | undefined {
  try {
    return generate();
  } catch (error) {
    if (!(error instanceof ObjectTooLarge)) throw error;
    const { line, column } = document;
    response.diagnostics = [...response.diagnostics, { severity: 'error', code: 'object-too-large', path: 'spec', message: error.message, line, column, endLine: line, endColumn: column }];
    return undefined;
  }
}

/**
 * Every MiniCluster's objects of a file of several, in file order, each with its own keypair, as
 * the CLI writes them; undefined when one of them no longer generates (it cannot, for the text of
 * a response that carried this request).
 */
export function wholeFileManifests(request: WholeFileRequest): RenderedManifest[] | undefined {
  const output: { output?: OutputOptions } = request.output ? { output: request.output } : {};
  const file = analyzeFile(request.text, { defaultNamespace: request.defaultNamespace, ...output });
  const resolvedAll = file.specs.map((spec) => spec.analysis.resolved);
  if (resolvedAll.length === 0 || !resolvedAll.every((r): r is ResolvedAny => r !== undefined)) return undefined;
  try {
    return resolvedAll.flatMap((resolved, i) => {
      const keys = request.keys[i];
      if (!keys) throw new Error(`no keypair for MiniCluster ${i + 1} of the file`);
      return rendered(generateFiled(resolved, { keys, ...(request.certificate ? { certificate: request.certificate } : {}), ...output }));
    });
  } catch (error) {
    if (error instanceof ObjectTooLarge) return undefined;
    throw error;
  }
}

function rendered(filed: ReturnType<typeof generateFiled>): RenderedManifest[] {
  return filed.map(({ letter, manifest }) => ({ kind: manifest.kind, name: manifest.metadata.name, letter, yaml: renderYaml([manifest]) }));
}

/** The object carries the certificate file (`curve.cert` in its data), whichever kind it is. */
function holdsCertificate(manifest: Manifest): boolean {
  return ['data', 'stringData'].some((field) => {
    const data = asRecord(manifest[field]);
    return data !== undefined && Object.hasOwn(data, CERT_FILE);
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
