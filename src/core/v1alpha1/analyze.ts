/**
 * From a parsed v1alpha1 document to a resolved MiniCluster, following the operator of that time:
 * the CRD's structural defaults, then its validate-and-default step. Every problem found on the
 * way is returned at once, each with a position and a field path.
 */
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import { parseSpecText, type ParsedText } from '../parse/index.ts';
import { asRecord } from '../common/plain.ts';
import {
  bySeverityAndPosition,
  certDiagnostics,
  diagnosticAt,
  diagnosticAtKey,
  identify,
  parseOptions,
  type AnalyzeOptions,
} from '../common/analyze.ts';
import { schemaIssueMessages } from '../common/schemaIssues.ts';
import { findUnknownFields } from '../common/unknownFields.ts';
import { applyDefaults, type ResolvedV1alpha1MiniCluster } from './defaults.ts';
import { miniClusterJsonSchema } from './jsonSchema.ts';
import { validateCluster } from './rules.ts';
import { API_VERSION, v1alpha1MiniClusterSchema } from './schema.ts';

export interface Analysis {
  diagnostics: Diagnostic[];
  /** Present when there is no error. */
  cluster?: ResolvedV1alpha1MiniCluster;
}

/** Fields the v1alpha1 operator silently dropped, with what was probably meant. */
const V1ALPHA1_HINTS: Record<string, string> = {
  'spec.containers.*.fluxOptionFlags': 'fluxOptionFlags is an obsolete field the operator ignores: write spec.flux.optionFlags instead.',
  'spec.containers.*.preCommand': 'preCommand is an obsolete field the operator ignores: write commands.pre instead.',
  'spec.containers.*.fluxLogLevel': 'fluxLogLevel is an obsolete field the operator ignores: write spec.flux.logLevel instead.',
  'spec.containers.*.noWrapEntrypoint': 'noWrapEntrypoint is a v1alpha2 field; v1alpha1 ignores it.',
  'spec.containers.*.imagePullPolicy': 'imagePullPolicy is a v1alpha2 field; in v1alpha1 write pullAlways: true for Always.',
  'spec.containers.*.commands.script': 'commands.script is a v1alpha2 field; v1alpha1 ignores it.',
  'spec.flux.container': 'flux.container (the Flux view) is a v1alpha2 field: a v1alpha1 image must bring its own Flux.',
  'spec.network.disableAffinity': 'disableAffinity is a v1alpha2 field; v1alpha1 always sets the pod affinity.',
  'spec.minSize': 'minSize is a v1alpha2 field; v1alpha1 ignores it.',
  'spec.backoffLimit': 'backoffLimit is a v1alpha2 field; v1alpha1 always uses 100.',
};

export function analyzeParsed(parsed: ParsedText, options: AnalyzeOptions = {}): Analysis {
  const diagnostics = [...parsed.diagnostics];
  const finish = (cluster?: ResolvedV1alpha1MiniCluster): Analysis => ({
    diagnostics: diagnostics.sort(bySeverityAndPosition),
    ...(cluster && !hasErrors(diagnostics) ? { cluster } : {}),
  });
  const doc = asRecord(parsed.value);
  if (hasErrors(diagnostics) || !doc) return finish();
  if (!identify(parsed, doc, diagnostics, [API_VERSION])) return finish();

  for (const unknown of findUnknownFields(doc, miniClusterJsonSchema(), V1ALPHA1_HINTS)) {
    diagnostics.push(diagnosticAtKey(parsed, 'warning', 'unknown-field', unknown.path, unknown.message));
  }
  const result = v1alpha1MiniClusterSchema().safeParse(doc);
  if (!result.success) {
    for (const issue of schemaIssueMessages(result.error.issues, doc)) diagnostics.push(diagnosticAt(parsed, 'error', 'schema', issue.path, issue.message));
    return finish();
  }
  const { cluster, notices } = applyDefaults(result.data, { defaultNamespace: options.defaultNamespace ?? 'default' });
  for (const notice of notices) diagnostics.push(diagnosticAt(parsed, 'info', 'default', notice.path, notice.message));
  for (const problem of validateCluster(cluster)) diagnostics.push(diagnosticAt(parsed, problem.severity, problem.code, problem.path, problem.message));
  const cert = cluster.spec.flux.curveCert;
  if (cert && !cluster.spec.flux.curveCertSecret) diagnostics.push(...certDiagnostics(parsed, cert));
  return finish(cluster);
}

export function analyzeSpec(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeParsed(parseSpecText(text, parseOptions(options)), options);
}

