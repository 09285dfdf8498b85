/** The generation the worker runs: the core's whole pipeline for one edit. */
import { analyzeSpec, generateManifests } from '../../core/index.ts';
import { renderYaml } from '../../core/render/index.ts';
import { letterOfKind, type CurveKeys, type GenerateRequest, type GenerateResponse } from '../model.ts';

export function generate(request: GenerateRequest & { keys: CurveKeys }): GenerateResponse {
  const started = performance.now();
  const analysis = analyzeSpec(request.text, { defaultNamespace: request.defaultNamespace });
  const response: GenerateResponse = { id: request.id, diagnostics: analysis.diagnostics, keys: request.keys, workerMs: 0 };
  const cluster = analysis.cluster;
  if (cluster) {
    response.manifests = generateManifests(cluster, {
      keys: request.keys,
      ...(request.certificate ? { certificate: request.certificate } : {}),
    }).map((manifest) => ({
      kind: manifest.kind,
      name: manifest.metadata.name,
      letter: letterOfKind(manifest.kind),
      yaml: renderYaml([manifest]),
    }));
    response.name = cluster.metadata.name;
    response.pods = cluster.spec.size;
  }
  response.workerMs = performance.now() - started;
  return response;
}
