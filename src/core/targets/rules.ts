/**
 * How the output options fit a spec: what would stop the objects from running where they are sent
 * (a JobSet whose pod names would be too long, a queue that disagrees with the spec's own label)
 * and what the user should know (Kueue counts a container without requests as zero). Each problem
 * is placed at the spec field it is about and names the option.
 *
 * Version-independent: it reads the resolved cluster as plain data, whose paths are the same in
 * both APIs for what it looks at.
 */
import { asRecord, valueAt } from '../common/plain.ts';
import type { MiniClusterVersion } from '../common/apiVersions.ts';
import type { PathSegment, Severity } from '../diagnostics.ts';
import { CURVE_SECRET_DIR, curveSecretName } from './curveSecret.ts';
import { JOBSET_REPLICATED_JOB, jobSetChildJob } from './hosts.ts';
import { labelValueProblem, optionName, optionValueProblems, PRIORITY_CLASS_LABEL, QUEUE_LABEL, type OutputOptions } from './options.ts';
import { GANG_SCHEDULERS, gangSchedulerName } from './podGroup.ts';
import { quote } from '../common/quoteText.ts';

export interface TargetProblem {
  severity: Severity;
  code: string;
  path: PathSegment[];
  message: string;
}

/** The JobSet webhook's limit on `<jobset>-<replicated job>-<job index>-<pod index>-<5 random>`. */
const POD_NAME_LIMIT = 63;

/** The longest pod name the JobSet webhook checks for this name and size. */
export function jobSetPodNameLength(name: string, size: number): number {
  return `${name}-${JOBSET_REPLICATED_JOB}-0-${Math.max(size - 1, 0)}-abcde`.length;
}

const isUnset = (resources: Record<string, unknown> | undefined, resource: string) =>
  asRecord(resources?.['requests'])?.[resource] === undefined && asRecord(resources?.['limits'])?.[resource] === undefined;

export function targetRules(version: MiniClusterVersion, cluster: unknown, output: OutputOptions | undefined): TargetProblem[] {
  if (!output) return [];
  const out: TargetProblem[] = [];
  const add = (severity: Severity, code: string, path: PathSegment[], message: string) => out.push({ severity, code, path, message });
  // The CLI checks these too, but the core refuses them whoever calls it.
  for (const problem of optionValueProblems(output)) {
    add('error', 'output-option', [], `${problem.message} Fix the ${optionName(problem.option)} output option; it is not part of the spec.`);
  }
  const name = String(valueAt(cluster, ['metadata', 'name']) ?? '');
  const spec = asRecord(valueAt(cluster, ['spec'])) ?? {};
  const size = Number(spec['size'] ?? 1);
  const containers = (Array.isArray(spec['containers']) ? spec['containers'] : []).map((c) => asRecord(c) ?? {});
  const jobSet = output.workload === 'jobset';

  if (jobSet && version === 'v1alpha1') {
    add('error', 'jobset-v1alpha1', ['apiVersion'], 'A JobSet is made from v1alpha2 specs only. Upgrade this spec to v1alpha2 first (the Upgrade panel, or minicluster-gen --migrate), or generate a Job.');
  }
  if (jobSet && version === 'v1alpha2') {
    if (!/^[a-z]/.test(name)) {
      add('error', 'jobset-name', ['metadata', 'name'], `A JobSet's name must start with a letter (its child Jobs' names are DNS-1035 labels); ${quote(name)} does not. Rename the MiniCluster, or generate a Job.`);
    }
    const length = jobSetPodNameLength(name, size);
    if (length > POD_NAME_LIMIT) {
      const over = length - POD_NAME_LIMIT;
      add(
        'error',
        'jobset-name-length',
        ['metadata', 'name'],
        `As a JobSet of ${size} pod${size === 1 ? '' : 's'}, the pods would be named ${name}-${JOBSET_REPLICATED_JOB}-0-${size - 1}-xxxxx: ${length} characters, ${over} more than the ${POD_NAME_LIMIT} the JobSet webhook allows. ` +
          `Shorten metadata.name to at most ${name.length - over} characters, or generate a Job.`,
      );
    }
    if (valueAt(spec, ['flux', 'minimalService']) === true) {
      add('info', 'jobset-minimal-service', ['spec', 'flux', 'minimalService'], 'As a JobSet, minimalService has no effect: the JobSet makes the headless Service itself, and it selects every pod of the JobSet. The brokers still connect as before.');
    }
    const brokerConfig = valueAt(spec, ['flux', 'brokerConfig']);
    const jobSetHosts = `${jobSetChildJob(name)}-`;
    if (typeof brokerConfig === 'string' && brokerConfig.trim() !== '' && !brokerConfig.includes(jobSetHosts)) {
      const last = Math.max(size - 1, 0);
      add('warning', 'jobset-broker-config', ['spec', 'flux', 'brokerConfig'], `This broker.toml is used as written, but as a JobSet the pods are named ${jobSetHosts}0 to ${jobSetHosts}${last} (hosts = "${jobSetHosts}[0-${last}]"), not ${name}-0, ...: the brokers cannot find each other. Name the JobSet hosts in its [bootstrap] hosts, remove brokerConfig, or generate a Job.`);
    }
    const bursting = asRecord(valueAt(spec, ['flux', 'bursting']));
    if (bursting?.['hostlist']) {
      add('warning', 'jobset-custom-hostlist', ['spec', 'flux', 'bursting', 'hostlist'], `This hostlist is used as written. As a JobSet, this MiniCluster's pods are named ${name}-${JOBSET_REPLICATED_JOB}-0-0, ${name}-${JOBSET_REPLICATED_JOB}-0-1, ...: write them that way here, or Flux cannot find its ranks.`);
    } else if (bursting?.['leadBroker'] || (Array.isArray(bursting?.['clusters']) && bursting['clusters'].length > 0)) {
      add('info', 'jobset-bursting', ['spec', 'flux', 'bursting'], `As a JobSet, this MiniCluster's own hosts are named ${name}-${JOBSET_REPLICATED_JOB}-0-i in the hostlist. The other clusters' host names are kept as written; if they run as JobSets too, name them in flux.bursting.hostlist.`);
    }
  }

  const jobLabels = asRecord(spec['jobLabels']) ?? {};
  const agree = (option: string | undefined, label: string, flag: string) => {
    const written = jobLabels[label];
    if (!option || written === undefined || written === option) return;
    add('error', 'kueue-label-conflict', ['spec', 'jobLabels', label], `spec.jobLabels sets ${label} to ${quote(String(written))}, but the ${flag} option says ${quote(option)}. Make them the same, or remove one of them.`);
  };
  agree(output.queue, QUEUE_LABEL, 'Kueue queue (--queue)');
  agree(output.priorityClass, PRIORITY_CLASS_LABEL, 'Kueue priority class (--priority-class)');

  if (output.queue) {
    containers.forEach((container, index) => {
      if (!container['runFlux']) return;
      const resources = asRecord(container['resources']);
      const missing = ['cpu', 'memory'].filter((resource) => isUnset(resources, resource));
      if (missing.length === 0) return;
      add(
        'warning',
        'kueue-no-requests',
        ['spec', 'containers', index, ...(resources ? ['resources'] : [])],
        `Kueue counts this container's ${missing.join(' and ')} as zero (it has no request or limit for ${missing.length === 1 ? 'it' : 'them'}), so the queue's quota does not hold its pods back. Set resources.requests (e.g. cpu: 1, memory: 1Gi) to what one pod needs.`,
      );
    });
  }
  if (output.priorityClass) {
    add('info', 'kueue-priority-class', ['metadata', 'name'], `Kueue priority class ${output.priorityClass}: a WorkloadPriorityClass of that name must exist before the bundle is applied. Since Kueue 0.19 a missing one stops Kueue from queueing the ${jobSet ? 'JobSet' : 'Job'} at all (it stays suspended).`);
  }
  if (output.queue) {
    add('info', 'kueue-side-objects', ['metadata', 'name'], `Kueue admits only the ${jobSet ? 'JobSet' : 'Job'} from queue ${output.queue}: the ConfigMaps${output.certSecret ? ', the Secret' : ''} and the Services are created at once when the bundle is applied, and stay until kubectl delete -f on the same bundle.`);
  }

  gangRules(name, spec, output, add);

  if (output.certSecret) {
    if (version === 'v1alpha1' && valueAt(spec, ['flux', 'curveCertSecret'])) {
      add('info', 'cert-secret-given', ['spec', 'flux', 'curveCertSecret'], 'This spec already mounts its own certificate Secret, so the certificate-in-a-Secret option has nothing to make.');
    }
    if (version === 'v1alpha2') {
      const secretVolume = curveSecretName(name);
      containers.forEach((container, index) => {
        for (const [volume, value] of Object.entries(asRecord(container['volumes']) ?? {})) {
          if (volume === secretVolume) {
            add('error', 'cert-secret-volume', ['spec', 'containers', index, 'volumes', volume], `With the certificate in a Secret, the pods get a volume named ${secretVolume} for it. Rename this volume.`);
          }
          const path = String(asRecord(value)?.['path'] ?? '').replace(/\/+$/, '');
          if (container['runFlux'] && path === CURVE_SECRET_DIR) {
            add('error', 'cert-secret-path', ['spec', 'containers', index, 'volumes', volume, 'path'], `With the certificate in a Secret, the Flux container mounts it at ${CURVE_SECRET_DIR}. Mount this volume somewhere else.`);
          }
        }
      });
      const podContext = asRecord(valueAt(spec, ['pod', 'securityContext'])) ?? {};
      const nonRoot = [podContext, ...containers.filter((c) => c['runFlux']).map((c) => asRecord(c['securityContext']) ?? {})].some(
        (context) => (typeof context['runAsUser'] === 'number' && context['runAsUser'] !== 0) || context['runAsNonRoot'] === true,
      );
      if (nonRoot && podContext['fsGroup'] === undefined) {
        add('warning', 'cert-secret-owner', ['spec', 'pod', 'securityContext'], 'The certificate Secret is mounted with mode 0400, readable by its owner (root) only, and this pod runs Flux as another user. Set spec.pod.securityContext.fsGroup so the pod\'s group can read it, or the scripts cannot copy the certificate.');
      }
    }
  }
  return out;
}

type Add = (severity: Severity, code: string, path: PathSegment[], message: string) => void;

/**
 * The gang option against the spec: the pods' own scheduler name, label and annotation must not
 * name another scheduler or PodGroup (the pods would wait for a gang that never forms, or be
 * placed by a scheduler that knows no gang), and the name must fit where the pods carry it.
 */
function gangRules(name: string, spec: Record<string, unknown>, output: OutputOptions, add: Add): void {
  const { gang } = output;
  if (!gang || !GANG_SCHEDULERS[gang]) return;
  const scheduler = GANG_SCHEDULERS[gang];
  const wanted = gangSchedulerName(output) ?? scheduler.scheduler;
  const flags = `--gang ${gang}${output.schedulerName ? ` --scheduler-name ${output.schedulerName}` : ''}`;
  const written = valueAt(spec, ['pod', 'schedulerName']);
  if (typeof written === 'string' && written !== '' && written !== wanted) {
    add(
      'error',
      'gang-scheduler-name',
      ['spec', 'pod', 'schedulerName'],
      `The pods' scheduler is ${quote(written)} here, but the gang option (${flags}) gives them ${quote(wanted)}, the scheduler that places the PodGroup's pods together. Remove schedulerName from the spec, or pass --scheduler-name ${written} if that scheduler reads ${scheduler.title} PodGroups.`,
    );
  }
  for (const other of Object.values(GANG_SCHEDULERS)) {
    const { where, key, word } = other.member;
    const value = asRecord(valueAt(spec, ['pod', where]))?.[key];
    if (value === undefined || value === name) continue;
    if (other === scheduler) {
      add('error', 'gang-group-conflict', ['spec', 'pod', where, key], `This ${word} puts the pods in the PodGroup ${quote(String(value))}, but the gang option makes the PodGroup ${quote(name)} (named after the MiniCluster) and puts them in it. Remove this ${word}, or drop the gang option and keep your own PodGroup.`);
    } else {
      add('warning', 'gang-other-group', ['spec', 'pod', where, key], `This ${word} also puts the pods in the ${other.title} PodGroup ${quote(String(value))}, which the ${scheduler.title} scheduler of the gang option does not read. Remove it, unless another scheduler needs it.`);
    }
  }
  if (scheduler.member.where === 'labels') {
    const problem = labelValueProblem(name);
    if (problem) add('error', 'gang-name-label', ['metadata', 'name'], `The pods name their PodGroup in the label ${scheduler.member.key}, and ${quote(name)} cannot be a label value: ${problem}. Shorten metadata.name.`);
  }
  const workload = output.workload === 'jobset' ? 'JobSet' : 'Job';
  add('info', 'gang-fresh-group', ['metadata', 'name'], `The ${scheduler.title} PodGroup ${name} serves one run: its status stops once it is finished, and the scheduler counts the finished pods of an earlier run with the same ${scheduler.member.word}. Delete the whole bundle, PodGroup included (kubectl delete -f on the same bundle), before applying it again.`);
  if (output.workload !== 'jobset') {
    add('info', 'gang-native', ['metadata', 'name'], 'Kubernetes 1.36 can gang-schedule this Job by itself (alpha, behind the GenericWorkload, GangScheduling and WorkloadWithJob feature gates): an Indexed Job whose parallelism equals its completions, as here, gets a scheduling.k8s.io/v1alpha2 PodGroup of its own. This option does not use that: it makes the PodGroup of a gang scheduler you install.');
  }
  if (output.queue) {
    add('info', 'gang-kueue', ['metadata', 'name'], `With the Kueue queue ${output.queue}, Kueue admits the ${workload} first (it stays suspended until the queue has quota), then the ${scheduler.title} scheduler places its pods together. The PodGroup is created at once with the bundle, before admission, as it must be.`);
  }
}
