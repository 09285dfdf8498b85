/**
 * One edit's generation: the core's whole pipeline, for either API version. It runs in both
 * places: in the generator worker, and on the main thread once the page has loaded the core there
 * too (generatorClient.ts says when each is used), so it touches neither `self` nor the DOM. A file of several documents is analysed whole (every problem is shown); the
 * MiniCluster the cursor is in is the one generated.
 */
import { analyzeFile, clusterSummary, fileDiagnostics, generateFiled, renderYaml, specAt } from '../../core/index.ts';
import type { CurveKeys, GenerateRequest, GenerateResponse } from '../worker/protocol.ts';

export function respond(request: GenerateRequest & { keys: CurveKeys }): GenerateResponse {
  const started = performance.now();
  const file = analyzeFile(request.text, { defaultNamespace: request.defaultNamespace });
  const spec = specAt(file, request.cursor ?? 0);
  const analysis = spec?.analysis;
  const resolved = analysis?.resolved;
  const response: GenerateResponse = {
    id: request.id,
    diagnostics: fileDiagnostics(file),
    keys: request.keys,
    // The same test certificateFor makes before it takes the spec's certificate over ours.
    hasCurveCert: Boolean(resolved?.cluster.spec.flux.curveCert),
    workerMs: 0,
  };
  if (analysis?.version) response.version = analysis.version;
  if (spec && file.documents.length > 1) {
    const { document } = spec;
    response.inFile = {
      index: file.specs.indexOf(spec),
      count: file.specs.length,
      ...(document.name !== undefined ? { name: document.name } : {}),
      start: document.start,
      end: document.end,
      firstLine: lineAt(request.text, document.start),
      lastLine: lineAt(request.text, Math.max(document.start, document.end - 1)),
    };
  }
  if (resolved) {
    response.manifests = generateFiled(resolved, {
      keys: request.keys,
      ...(request.certificate ? { certificate: request.certificate } : {}),
    }).map(({ letter, manifest }) => ({ kind: manifest.kind, name: manifest.metadata.name, letter, yaml: renderYaml([manifest]) }));
    const summary = clusterSummary(resolved);
    response.name = summary.name;
    response.pods = summary.pods;
  }
  response.workerMs = performance.now() - started;
  return response;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
