/**
 * One entry point for both MiniCluster APIs: the document's apiVersion picks the version's
 * analyzer and generator. The text is parsed once.
 */
import { bySeverityAndPosition, diagnosticAt, parseOptions, type AnalyzeOptions } from './common/analyze.ts';
import { API_VERSIONS, type MiniClusterVersion } from './common/apiVersions.ts';
import type { GenerateOptions } from './common/generation.ts';
import type { Manifest } from './common/kobject.ts';
import { checkObjectSizes } from './common/objectLimits.ts';
import { asRecord } from './common/plain.ts';
import { hasErrors, type Diagnostic } from './diagnostics.ts';
import { letterOfKind, VERSION_INCLUDES, type IncludeLetter } from './kinds.ts';
import { parseSpecText, type ParsedText } from './parse/index.ts';
import { targetRules } from './targets/rules.ts';
import * as v1alpha1 from './v1alpha1/index.ts';
import * as v1alpha2 from './v1alpha2/index.ts';

export type { MiniClusterVersion };

export type ResolvedAny =
  | { version: 'v1alpha2'; cluster: v1alpha2.ResolvedMiniCluster }
  | { version: 'v1alpha1'; cluster: v1alpha1.ResolvedV1alpha1MiniCluster };

export interface AnyAnalysis {
  diagnostics: Diagnostic[];
  /** The API version the document declares, when it is one of the two. */
  version?: MiniClusterVersion;
  /** Present when there is no error. */
  resolved?: ResolvedAny;
}

/** Every version this tool reads, newest first: the one an unknown document is offered first. */
const ACCEPTED = [API_VERSIONS.v1alpha2, API_VERSIONS.v1alpha1];

export function analyzeAnySpec(text: string, options: AnalyzeOptions = {}): AnyAnalysis {
  return analyzeAnyParsed(parseSpecText(text, parseOptions(options)), options);
}

/** analyzeAnySpec on text already parsed (one document of a file: see fileAnalysis.ts). */
export function analyzeAnyParsed(parsed: ParsedText, options: AnalyzeOptions = {}): AnyAnalysis {
  return withTargetRules(analyzeVersion(parsed, options), parsed, options);
}

function analyzeVersion(parsed: ParsedText, options: AnalyzeOptions): AnyAnalysis {
  const apiVersion = asRecord(parsed.value)?.['apiVersion'];
  if (apiVersion === v1alpha1.API_VERSION) {
    const analysis = v1alpha1.analyzeParsed(parsed, options);
    return {
      diagnostics: analysis.diagnostics,
      version: 'v1alpha1',
      ...(analysis.cluster ? { resolved: { version: 'v1alpha1', cluster: analysis.cluster } } : {}),
    };
  }
  // Anything else is read as v1alpha2, whose identity check names the versions that would do.
  const analysis = v1alpha2.analyzeParsed(parsed, options, ACCEPTED);
  return {
    diagnostics: analysis.diagnostics,
    ...(apiVersion === v1alpha2.API_VERSION ? { version: 'v1alpha2' as const } : {}),
    ...(analysis.cluster ? { resolved: { version: 'v1alpha2', cluster: analysis.cluster } } : {}),
  };
}

/** How the output options fit the resolved spec; an error withholds the objects, as a spec error does. */
function withTargetRules(analysis: AnyAnalysis, parsed: ParsedText, options: AnalyzeOptions): AnyAnalysis {
  const { resolved } = analysis;
  if (!resolved || !options.output) return analysis;
  const problems = targetRules(resolved.version, resolved.cluster, options.output).map((p) => diagnosticAt(parsed, p.severity, p.code, p.path, p.message));
  if (problems.length === 0) return analysis;
  const diagnostics = [...analysis.diagnostics, ...problems].sort(bySeverityAndPosition);
  const { resolved: _withheld, ...rest } = analysis;
  return hasErrors(problems) ? { ...rest, diagnostics } : { ...analysis, diagnostics };
}

/** The objects of a resolved MiniCluster; throws ObjectTooLarge rather than give one the API server refuses. */
export function generateAny(resolved: ResolvedAny, options: GenerateOptions): Manifest[] {
  const manifests = resolved.version === 'v1alpha1' ? v1alpha1.generateManifests(resolved.cluster, options) : v1alpha2.generateManifests(resolved.cluster, options);
  checkObjectSizes(manifests);
  return manifests;
}

/** A generated object with the include letter that selects it (from the registry in kinds.ts). */
export interface FiledManifest {
  letter: IncludeLetter;
  manifest: Manifest;
}

/** generateAny, each object filed under its include letter: what the preview's toggles and the bundle read. */
export function generateFiled(resolved: ResolvedAny, options: GenerateOptions): FiledManifest[] {
  return generateAny(resolved, options).map((manifest) => ({ letter: letterOfKind(resolved.version, manifest), manifest }));
}

export function clusterSummary(resolved: ResolvedAny): { name: string; namespace: string; pods: number } {
  const { metadata, spec } = resolved.cluster;
  return { name: metadata.name, namespace: metadata.namespace, pods: spec.size };
}

/** The include letters whose objects exist for a version (v1alpha2 has no volume objects); see kinds.ts. */
export function includeLettersFor(version: MiniClusterVersion): string {
  return VERSION_INCLUDES[version];
}
