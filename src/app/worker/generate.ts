/** One edit's generation, in the worker or on the main thread: the core's whole pipeline, for either API version. */
import { analyzeAnySpec, clusterSummary, generateAny, letterOfKind } from '../../core/index.ts';
import { renderYaml } from '../../core/render/index.ts';
import type { CurveKeys, GenerateRequest, GenerateResponse } from '../model.ts';

export function generate(request: GenerateRequest & { keys: CurveKeys }): GenerateResponse {
  const started = performance.now();
  const analysis = analyzeAnySpec(request.text, { defaultNamespace: request.defaultNamespace });
  const resolved = analysis.resolved;
  const response: GenerateResponse = {
    id: request.id,
    diagnostics: analysis.diagnostics,
    keys: request.keys,
    // The same test certificateFor makes before it takes the spec's certificate over ours.
    hasCurveCert: Boolean(resolved?.cluster.spec.flux.curveCert),
    workerMs: 0,
  };
  if (analysis.version) response.version = analysis.version;
  if (resolved) {
    response.manifests = generateAny(resolved, {
      keys: request.keys,
      ...(request.certificate ? { certificate: request.certificate } : {}),
    }).map((manifest) => ({
      kind: manifest.kind,
      name: manifest.metadata.name,
      letter: letterOfKind(resolved.version, manifest),
      yaml: renderYaml([manifest]),
    }));
    const summary = clusterSummary(resolved);
    response.name = summary.name;
    response.pods = summary.pods;
  }
  response.workerMs = performance.now() - started;
  return response;
}
