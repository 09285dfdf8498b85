/**
 * From YAML text to a resolved MiniCluster, as the operator (not fluxoperator-gen) gets there: CRD
 * defaults, then the operator's code defaults and rules (docs/design.md, "From text to objects").
 * Every problem found on the way is returned at once, each with a position and a field path.
 */
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import { asRecord } from '../common/plain.ts';
import { bySeverityAndPosition, certDiagnostics, diagnosticAt, diagnosticAtKey, identify, parseOptions, pathOfText, type AnalyzeOptions } from '../common/analyze.ts';
import { parseSpecText, type ParsedText } from '../parse/index.ts';
import { miniClusterJsonSchema } from './jsonSchema.ts';
import { applyDefaults, type ResolvedMiniCluster } from './defaults.ts';
import { validateCluster } from './rules.ts';
import { API_VERSION, miniClusterSchema } from './schema.ts';
import { schemaIssueMessages } from '../common/schemaIssues.ts';
import { findUnknownFields } from '../common/unknownFields.ts';
import { quote } from '../common/quoteText.ts';

export interface Analysis {
  diagnostics: Diagnostic[];
  /** Present when there is no error. */
  cluster?: ResolvedMiniCluster;
  /** What the document says it is, when it says. */
  apiVersion?: string;
  kind?: string;
}

export function analyzeSpec(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeParsed(parseSpecText(text, parseOptions(options)), options);
}

/** analyzeSpec on text already parsed; `accepted` are the API versions the caller dispatches. */
export function analyzeParsed(parsed: ParsedText, options: AnalyzeOptions = {}, accepted: readonly string[] = [API_VERSION]): Analysis {
  const diagnostics = [...parsed.diagnostics];
  const finish = (extra: Partial<Analysis> = {}): Analysis => ({ ...extra, diagnostics: diagnostics.sort(bySeverityAndPosition) });
  const doc = asRecord(parsed.value);
  if (hasErrors(diagnostics) || !doc) return finish();
  const identity = {
    ...(typeof doc['apiVersion'] === 'string' ? { apiVersion: doc['apiVersion'] } : {}),
    ...(typeof doc['kind'] === 'string' ? { kind: doc['kind'] } : {}),
  };
  if (!identify(parsed, doc, diagnostics, accepted)) return finish(identity);

  for (const unknown of findUnknownFields(doc, miniClusterJsonSchema())) {
    diagnostics.push(diagnosticAtKey(parsed, 'warning', 'unknown-field', unknown.path, unknown.message));
  }
  const result = miniClusterSchema.safeParse(doc);
  if (!result.success) {
    for (const issue of schemaIssueMessages(result.error.issues, doc)) {
      diagnostics.push(diagnosticAt(parsed, 'error', 'schema', issue.path, issue.message));
    }
    return finish(identity);
  }

  const { cluster, notices } = applyDefaults(result.data, { defaultNamespace: options.defaultNamespace ?? 'default' });
  for (const notice of notices) diagnostics.push(diagnosticAt(parsed, 'info', 'default', notice.path, notice.message));
  for (const problem of validateCluster(cluster)) {
    diagnostics.push(diagnosticAt(parsed, problem.severity, problem.code, problem.path, problem.message));
  }
  const cert = cluster.spec.flux.curveCert;
  if (cert) diagnostics.push(...certDiagnostics(parsed, cert));
  const staleName = cluster.spec.network.headlessName === 'flux-service' ? undefined : pathOfText(doc, /\bflux-service\b/);
  if (staleName) {
    diagnostics.push(
      diagnosticAt(parsed, 'warning', 'flux-service-name', staleName, `This mentions "flux-service", but the Service is named ${quote(cluster.spec.network.headlessName)} (older documentation used flux-service). Host names such as NAME-0.flux-service.NAMESPACE.svc.cluster.local will not resolve: use ${cluster.spec.network.headlessName}, or set spec.network.headlessName: flux-service.`),
    );
  }
  return hasErrors(diagnostics) ? finish(identity) : finish({ ...identity, cluster });
}
