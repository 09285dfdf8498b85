/**
 * One entry point for both MiniCluster APIs: the document's apiVersion picks the analyzer and
 * the generator. The text is parsed once.
 */
import type { Diagnostic } from './diagnostics.ts';
import { generateManifests } from './v1alpha2/generate.ts';
import type { GenerateOptions } from './common/generateOptions.ts';
import type { Manifest } from './common/kobject.ts';
import { analyzeParsedSpec } from './v1alpha2/analyze.ts';
import { parseOptions, type AnalyzeOptions } from './common/analyze.ts';
import { asRecord } from './common/plain.ts';
import type { ResolvedMiniCluster } from './v1alpha2/defaults.ts';
import { parseSpecText } from './parse/index.ts';
import { API_VERSION } from './v1alpha2/schema.ts';
import { analyzeV1alpha1Parsed } from './v1alpha1/analyze.ts';
import type { ResolvedV1alpha1MiniCluster } from './v1alpha1/defaults.ts';
import { VERSION_INCLUDES } from './kinds.ts';
import { generateV1alpha1Manifests } from './v1alpha1/generate.ts';
import { V1ALPHA1_API_VERSION } from './v1alpha1/schema.ts';

export type MiniClusterVersion = 'v1alpha1' | 'v1alpha2';

export type ResolvedAny =
  | { version: 'v1alpha2'; cluster: ResolvedMiniCluster }
  | { version: 'v1alpha1'; cluster: ResolvedV1alpha1MiniCluster };

export interface AnyAnalysis {
  diagnostics: Diagnostic[];
  /** The API version the document declares, when it is one of the two. */
  version?: MiniClusterVersion;
  /** Present when there is no error. */
  resolved?: ResolvedAny;
}

const ACCEPTED = [API_VERSION, V1ALPHA1_API_VERSION];

export function analyzeAnySpec(text: string, options: AnalyzeOptions = {}): AnyAnalysis {
  const parsed = parseSpecText(text, parseOptions(options));
  const apiVersion = asRecord(parsed.value)?.['apiVersion'];
  if (apiVersion === V1ALPHA1_API_VERSION) {
    const analysis = analyzeV1alpha1Parsed(parsed, text, options);
    return {
      diagnostics: analysis.diagnostics,
      version: 'v1alpha1',
      ...(analysis.cluster ? { resolved: { version: 'v1alpha1', cluster: analysis.cluster } } : {}),
    };
  }
  const analysis = analyzeParsedSpec(parsed, text, options, ACCEPTED);
  return {
    diagnostics: analysis.diagnostics,
    ...(apiVersion === API_VERSION ? { version: 'v1alpha2' as const } : {}),
    ...(analysis.cluster ? { resolved: { version: 'v1alpha2', cluster: analysis.cluster } } : {}),
  };
}

export function generateAny(resolved: ResolvedAny, options: GenerateOptions): Manifest[] {
  return resolved.version === 'v1alpha1' ? generateV1alpha1Manifests(resolved.cluster, options) : generateManifests(resolved.cluster, options);
}

export function clusterSummary(resolved: ResolvedAny): { name: string; namespace: string; pods: number } {
  const { metadata, spec } = resolved.cluster;
  return { name: metadata.name, namespace: metadata.namespace, pods: spec.size };
}

/** The include letters whose objects exist for a version (v1alpha2 has no volume objects); see kinds.ts. */
export function includeLettersFor(version: MiniClusterVersion): string {
  return VERSION_INCLUDES[version];
}
