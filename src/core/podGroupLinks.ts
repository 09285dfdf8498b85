/**
 * A file that holds a gang scheduler's PodGroup written by hand beside its MiniCluster (as people
 * who run MiniClusters under coscheduling, fluence or Volcano do): when the MiniCluster's pod label
 * (coscheduling) or annotation (Volcano) names a PodGroup of the file, the two must fit, or the
 * pods never start together. Problems are placed at the PodGroup's field or the spec's, and go
 * with the MiniCluster they are about; an error withholds its objects, as a spec error does.
 */
import { bySeverityAndPosition, diagnosticAt } from './common/analyze.ts';
import { asRecord, valueAt } from './common/plain.ts';
import { printable, quote } from './common/quoteText.ts';
import { hasErrors, type Diagnostic, type PathSegment } from './diagnostics.ts';
import type { YamlDocument } from './parse/documents.ts';
import type { ParsedText } from './parse/index.ts';
import type { AnyAnalysis } from './pipeline.ts';
import { GANG_SCHEDULERS, GANGS, gangOfObject, type Gang } from './targets/gangs.ts';
import type { OutputOptions } from './targets/options.ts';

interface Spec {
  document: YamlDocument;
  analysis: AnyAnalysis;
}

export interface PodGroupLinks<S extends Spec> {
  specs: S[];
  /** The PodGroup documents some MiniCluster's pods join, each with the sentence that says whose they are. */
  linked: Map<YamlDocument, string>;
}

/** The checks of every MiniCluster against the PodGroups of its file (`others`: its other documents). */
export function linkPodGroups<S extends Spec>(
  specs: S[],
  others: readonly YamlDocument[],
  parse: (document: YamlDocument) => ParsedText,
  options: { defaultNamespace?: string | undefined; output?: OutputOptions | undefined },
): PodGroupLinks<S> {
  const linked = new Map<YamlDocument, string>();
  const podGroups = others.filter((d) => !d.syntaxError && gangOfObject(d) !== undefined);
  const parsed = new Map<YamlDocument, ParsedText>();
  const parseOnce = (document: YamlDocument) => {
    let found = parsed.get(document);
    if (!found) parsed.set(document, (found = parse(document)));
    return found;
  };

  const namespaceOf = (document: YamlDocument): string => {
    const written = valueAt(parseOnce(document).value, ['metadata', 'namespace']);
    return typeof written === 'string' ? written : (options.defaultNamespace ?? 'default');
  };
  /**
   * The PodGroup of this gang and name that the pods join: the one in their namespace when the
   * file has several of that name (one per namespace), else the first, whose namespace is checked.
   */
  const groupOf = (gang: Gang, groupName: unknown, namespace: string): YamlDocument | undefined => {
    const candidates = podGroups.filter((d) => d.name === groupName && gangOfObject(d) === gang);
    return candidates.length > 1 ? (candidates.find((d) => namespaceOf(d) === namespace) ?? candidates[0]) : candidates[0];
  };

  /** The PodGroup a MiniCluster's pods name for this gang, in their label or annotation. */
  const namedBy = (cluster: object, gang: Gang): string | undefined => {
    const { member } = GANG_SCHEDULERS[gang];
    const value = asRecord(valueAt(cluster, ['spec', 'pod', member.where]))?.[member.key];
    return typeof value === 'string' ? value : undefined;
  };

  // Pods of several MiniClusters may join one PodGroup: its quorum counts them all.
  const joining = new Map<YamlDocument, Array<{ name: string; size: number }>>();
  for (const spec of specs) {
    const cluster = spec.analysis.resolved?.cluster;
    if (!cluster) continue;
    for (const gang of GANGS) {
      const document = groupOf(gang, namedBy(cluster, gang), cluster.metadata.namespace);
      if (document) joining.set(document, [...(joining.get(document) ?? []), { name: cluster.metadata.name, size: cluster.spec.size }]);
    }
  }

  const out = specs.map((spec) => {
    const resolved = spec.analysis.resolved;
    if (!resolved) return spec;
    const cluster = resolved.cluster;
    const { name, namespace } = cluster.metadata;
    const size = cluster.spec.size;
    const problems: Diagnostic[] = [];
    const atSpec = (severity: Diagnostic['severity'], code: string, path: PathSegment[], message: string) => problems.push(diagnosticAt(parseOnce(spec.document), severity, code, path, message));

    for (const gang of GANGS) {
      const { member, title } = GANG_SCHEDULERS[gang];
      const groupName = namedBy(cluster, gang);
      if (groupName === undefined) continue;
      const where: PathSegment[] = ['spec', 'pod', member.where, member.key];
      const kindWord = member.word;
      const named = podGroups.filter((d) => d.name === groupName);
      const document = groupOf(gang, groupName, namespace);
      if (!document) {
        const otherKind = named[0];
        if (otherKind) {
          const otherGang = gangOfObject(otherKind) as Gang;
          const theirs = GANG_SCHEDULERS[otherGang];
          atSpec('warning', 'podgroup-wrong-kind', where, `This ${kindWord} is how ${title} pods join a PodGroup, but the PodGroup ${quote(groupName)} of this file (line ${otherKind.line}) is ${theirs.title}'s (${theirs.apiVersion}), whose pods join it with the ${theirs.member.word} ${theirs.member.key}. Use that key in spec.pod.${theirs.member.where}, or make the PodGroup a ${GANG_SCHEDULERS[gang].apiVersion} one.`);
        } else if (options.output?.gang !== gang || groupName !== name) {
          atSpec('info', 'podgroup-elsewhere', where, `The pods join the ${title} PodGroup ${quote(groupName)}, which is not in this file: it must exist in namespace ${namespace} before the pods are created, with minMember at most ${size}, or they are held back.`);
        }
        continue;
      }

      const members = joining.get(document) ?? [{ name, size }];
      const whose = members.length === 1 ? `MiniCluster ${name}'s pods` : `the pods of MiniClusters ${members.map((m) => m.name).join(', ')}`;
      linked.set(document, printable(`Line ${document.line}: PodGroup ${groupName} (${document.apiVersion}) is the gang of ${whose} (their ${kindWord} ${member.key} names it). It is not part of the generated objects: apply it before them.`));
      const group = parseOnce(document);
      const value = asRecord(group.value) ?? {};
      const atGroup = (severity: Diagnostic['severity'], code: string, path: PathSegment[], message: string) => problems.push(diagnosticAt(group, severity, code, path, message));

      const groupNamespace = valueAt(value, ['metadata', 'namespace']);
      const effective = typeof groupNamespace === 'string' ? groupNamespace : (options.defaultNamespace ?? 'default');
      if (effective !== namespace) {
        atGroup(
          'error',
          'podgroup-namespace',
          typeof groupNamespace === 'string' ? ['metadata', 'namespace'] : ['metadata', 'name'],
          `This PodGroup is in namespace ${quote(effective)}${typeof groupNamespace === 'string' ? '' : ' (the default one, as it names none)'}, but MiniCluster ${name}'s pods are in ${quote(namespace)}: a pod joins a PodGroup of its own namespace only. Put both in the same namespace.`,
        );
      }
      const minMember = valueAt(value, ['spec', 'minMember']);
      const pods = members.reduce((sum, m) => sum + m.size, 0);
      const isLast = members[members.length - 1]?.name === name;
      // Said once, at the PodGroup, when several MiniClusters join it.
      if (typeof minMember === 'number' && minMember > pods && isLast) {
        const having = members.length === 1 ? `MiniCluster ${name} has ${size} pod${size === 1 ? '' : 's'} (spec.size)` : `the MiniClusters that join it (${members.map((m) => `${m.name}: ${m.size}`).join(', ')}) have ${pods} pods together`;
        atGroup('error', 'podgroup-min-member', ['spec', 'minMember'], `minMember is ${minMember}, but ${having}: the gang never gathers enough pods, so none of them starts. Set minMember to ${pods} (or fewer).`);
      }
      const schedulerName = valueAt(cluster, ['spec', 'pod', 'schedulerName']);
      if (!schedulerName && !options.output?.gang) {
        atSpec(
          'warning',
          'podgroup-no-scheduler',
          where,
          resolved.version === 'v1alpha1'
            ? `The pods join the PodGroup ${quote(groupName)}, but a v1alpha1 MiniCluster cannot name their scheduler, so the default scheduler places them one by one and ignores the gang. Upgrade the spec to v1alpha2 and set spec.pod.schedulerName, or generate with the gang option (--gang ${gang}).`
            : `The pods join the PodGroup ${quote(groupName)}, but spec.pod.schedulerName is not set, so the default scheduler places them one by one and ignores the gang. Set spec.pod.schedulerName to the scheduler that reads ${title} PodGroups (${GANG_SCHEDULERS[gang].scheduler}${gang === 'coscheduling' ? ', or fluence' : ''}).`,
        );
      }
      if (options.output?.gang === gang && groupName === name) {
        atGroup('warning', 'podgroup-twice', ['metadata', 'name'], `The gang option makes a PodGroup ${name} too, and applying both, one overwrites the other. Remove this one, or drop the gang option and keep it.`);
      }
    }
    if (problems.length === 0) return spec;
    const diagnostics = [...spec.analysis.diagnostics, ...problems].sort(bySeverityAndPosition);
    if (!hasErrors(problems)) return { ...spec, analysis: { ...spec.analysis, diagnostics } };
    const { resolved: _withheld, ...rest } = spec.analysis;
    return { ...spec, analysis: { ...rest, diagnostics } };
  });
  return { specs: out, linked };
}
