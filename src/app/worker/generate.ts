/** One edit's generation, in the worker or on the main thread: the core's whole pipeline, for either API version. */
import { analyzeAnySpec, clusterSummary, generateAny } from '../../core/index.ts';
import { renderYaml } from '../../core/render/index.ts';
import { letterOfKind, type CurveKeys, type GenerateRequest, type GenerateResponse } from '../model.ts';

export function generate(request: GenerateRequest & { keys: CurveKeys }): GenerateResponse {
  const started = performance.now();
  const analysis = analyzeAnySpec(request.text, { defaultNamespace: request.defaultNamespace });
  const response: GenerateResponse = { id: request.id, diagnostics: analysis.diagnostics, keys: request.keys, workerMs: 0 };
  if (analysis.version) response.version = analysis.version;
  const resolved = analysis.resolved;
  if (resolved) {
    response.manifests = generateAny(resolved, {
      keys: request.keys,
      ...(request.certificate ? { certificate: request.certificate } : {}),
    }).map((manifest) => ({
      kind: manifest.kind,
      name: manifest.metadata.name,
      letter: letterOfKind(manifest.kind),
      yaml: renderYaml([manifest]),
    }));
    const summary = clusterSummary(resolved);
    response.name = summary.name;
    response.pods = summary.pods;
  }
  response.workerMs = performance.now() - started;
  return response;
}
