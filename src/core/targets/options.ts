/**
 * Output options: where the objects will run, beyond what the operator itself creates (a Kueue
 * queue, a JobSet, the certificate in a Secret, a Job that ends with the lead broker, a gang
 * scheduler's PodGroup). They are
 * not MiniCluster fields and are never written into the spec. Every one is off by default, so the
 * operator's own output stays the default.
 *
 * The one table of them, `OUTPUT_OPTIONS`, gives the CLI its flags and usage and the app its
 * panel's labels and sentences.
 */
import { quote } from '../common/quoteText.ts';

export type Workload = 'job' | 'jobset';
/** The gang scheduler whose PodGroup makes the pods start together (see podGroup.ts). */
export type Gang = 'coscheduling' | 'volcano';
export const GANGS: readonly Gang[] = ['coscheduling', 'volcano'];

export interface OutputOptions {
  /** Kueue LocalQueue: label `kueue.x-k8s.io/queue-name` on the Job or JobSet. */
  queue?: string | undefined;
  /** Kueue WorkloadPriorityClass: label `kueue.x-k8s.io/priority-class` on the same object. */
  priorityClass?: string | undefined;
  /** The Job succeeds when index 0 (the lead broker) does: `successPolicy` (Kubernetes ≥ 1.31). */
  succeedOnLead?: boolean | undefined;
  /** The CURVE certificate in a Secret `NAME-curve` instead of the entrypoint ConfigMap. */
  certSecret?: boolean | undefined;
  /** `jobset`: a JobSet (`jobset.x-k8s.io/v1alpha2`) instead of the indexed Job (v1alpha2 only). */
  workload?: Workload | undefined;
  /** A PodGroup first in the bundle, and the pods made its members with the gang scheduler's name. */
  gang?: Gang | undefined;
  /** The pods' `schedulerName` instead of the gang scheduler's usual one (e.g. `fluence`). */
  schedulerName?: string | undefined;
  /** The coscheduling PodGroup's `scheduleTimeoutSeconds`. */
  gangTimeout?: number | undefined;
  /** The Volcano PodGroup's `queue`. */
  gangQueue?: string | undefined;
}

export const QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';
export const COSCHEDULING_API_VERSION = 'scheduling.x-k8s.io/v1alpha1';
export const VOLCANO_API_VERSION = 'scheduling.volcano.sh/v1beta1';
/** The label a coscheduling (or fluence) PodGroup's member pods carry, with its name. */
export const COSCHEDULING_LABEL = 'scheduling.x-k8s.io/pod-group';
/** The annotation a Volcano PodGroup's member pods carry, with its name. */
export const VOLCANO_ANNOTATION = 'scheduling.k8s.io/group-name';
/** scheduler-plugins' Helm chart installs its scheduler under this name, beside the default one. */
export const COSCHEDULING_SCHEDULER = 'scheduler-plugins-scheduler';
export const VOLCANO_SCHEDULER = 'volcano';
/** A PodGroup's int32 fields. */
export const INT32_MAX = 2147483647;
export const PRIORITY_CLASS_LABEL = 'kueue.x-k8s.io/priority-class';

/** Option keys in the order the CLI's usage and the app's panel list them. */
export type OutputOptionKey = keyof OutputOptions;

/**
 * What the option's value is, for the CLI's parsing and the app's control: on or off, a text, a
 * whole number, or one of a few words (off when absent).
 */
export type OptionValueKind = { kind: 'switch' } | { kind: 'text' } | { kind: 'number' } | { kind: 'choice'; choices: readonly string[] };

export interface OutputOptionInfo {
  key: OutputOptionKey;
  value: OptionValueKind;
  /** The CLI flag, with its value's placeholder when it takes one. */
  flag: string;
  /** The app's label for the control. */
  label: string;
  /** What it changes in the output. */
  does: string;
  /** What the cluster needs for the output to run. */
  needs: string;
}

export const OUTPUT_OPTIONS: readonly OutputOptionInfo[] = [
  {
    key: 'workload',
    value: { kind: 'choice', choices: ['job', 'jobset'] },
    flag: '--workload job|jobset',
    label: 'Run as a JobSet',
    does: 'A JobSet with one replicated Job instead of the indexed Job; the JobSet makes the headless Service, and every host name becomes NAME-node-0-i.',
    needs: 'the JobSet controller (jobset.x-k8s.io/v1alpha2); v1alpha2 specs only.',
  },
  {
    key: 'queue',
    value: { kind: 'text' },
    flag: '--queue NAME',
    label: 'Kueue queue',
    does: `Label ${QUEUE_LABEL} on the Job (or JobSet), so Kueue admits it when the queue has quota. ConfigMaps and Services are created at once.`,
    needs: 'Kueue, with a LocalQueue of that name in the namespace.',
  },
  {
    key: 'priorityClass',
    value: { kind: 'text' },
    flag: '--priority-class NAME',
    label: 'Kueue priority class',
    does: `Label ${PRIORITY_CLASS_LABEL} on the same object.`,
    needs: 'Kueue, with a WorkloadPriorityClass of that name: since Kueue 0.19 a priority class that does not exist stops Kueue from queueing the Job (or JobSet) at all.',
  },
  {
    key: 'succeedOnLead',
    value: { kind: 'switch' },
    flag: '--succeed-on-lead',
    label: 'Finish with the lead broker',
    does: 'The Job succeeds when the lead broker (index 0) does: the other pods are stopped and the quota is released even if a follower lingers.',
    needs: 'Kubernetes 1.31 or later (Job success policy; beta in 1.31, GA in 1.33).',
  },
  {
    key: 'certSecret',
    value: { kind: 'switch' },
    flag: '--cert-secret',
    label: 'Certificate in a Secret',
    does: 'The CURVE certificate goes into a Secret NAME-curve (key curve.cert), mounted read-only with mode 0400, and no longer into the ConfigMap.',
    needs: 'nothing beyond Kubernetes, but whoever applies the bundle must be allowed to create Secrets.',
  },
  {
    key: 'gang',
    value: { kind: 'choice', choices: GANGS },
    flag: '--gang coscheduling|volcano',
    label: 'Gang scheduling',
    does: `A PodGroup named after the MiniCluster, first in the bundle, with minMember = size, so that all the pods start together or none does. coscheduling: a ${COSCHEDULING_API_VERSION} PodGroup, the pods get the label ${COSCHEDULING_LABEL} and schedulerName ${COSCHEDULING_SCHEDULER}. volcano: a ${VOLCANO_API_VERSION} PodGroup, the pods get the annotation ${VOLCANO_ANNOTATION} and schedulerName ${VOLCANO_SCHEDULER}.`,
    needs: 'that scheduler and its PodGroup CRD (scheduler-plugins installed as a second scheduler, or Volcano). Each run needs a fresh PodGroup: delete the bundle before applying it again.',
  },
  {
    key: 'schedulerName',
    value: { kind: 'text' },
    flag: '--scheduler-name NAME',
    label: 'Gang scheduler name',
    does: 'The pods\' schedulerName instead of the gang option\'s usual one (for example fluence, which reads the coscheduling label and PodGroup).',
    needs: 'a scheduler of that name in the cluster, and a gang option.',
  },
  {
    key: 'gangTimeout',
    value: { kind: 'number' },
    flag: '--gang-timeout SECONDS',
    label: 'Gang timeout (seconds)',
    does: 'The coscheduling PodGroup\'s scheduleTimeoutSeconds: how long the scheduler waits for the whole gang before it lets the pods go again (60 s when unset).',
    needs: 'the coscheduling gang option.',
  },
  {
    key: 'gangQueue',
    value: { kind: 'text' },
    flag: '--gang-queue NAME',
    label: 'Volcano queue',
    does: 'The Volcano PodGroup\'s queue (Volcano uses default when unset).',
    needs: 'the volcano gang option, and an Open Volcano queue of that name: Volcano\'s webhook refuses a PodGroup whose queue does not exist or is closed.',
  },
];

/** The option's name as the CLI's flag (without dashes) and the share link's entry take it: `priority-class`. */
export function optionName(key: OutputOptionKey): string {
  const info = OUTPUT_OPTIONS.find((option) => option.key === key);
  if (!info) throw new Error(`no output option ${key}`);
  return info.flag.replace(/^--/, '').split(' ')[0] ?? key;
}

/** True when no option changes the output: the operator's own objects. */
export function isDefaultOutput(options: OutputOptions | undefined): boolean {
  return (
    !options ||
    (!options.queue && !options.priorityClass && !options.succeedOnLead && !options.certSecret && (options.workload ?? 'job') === 'job' &&
      !options.gang && options.schedulerName === undefined && options.gangTimeout === undefined && options.gangQueue === undefined)
  );
}

export interface OptionProblem {
  option: OutputOptionKey;
  /** What is wrong with the value and what to do. */
  message: string;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Why `value` is not a DNS-1123 subdomain (Kubernetes object names such as a LocalQueue's), or undefined. */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return `it has ${value.length} characters, ${value.length - 253} more than the 253 allowed`;
  const bad = value.split('.').find((part) => !DNS1123_LABEL.test(part) || part.length > 63);
  if (bad === undefined) return undefined;
  if (bad === '') return 'it has an empty part between dots, or starts or ends with a dot';
  if (bad.length > 63) return `its part ${quote(bad)} has ${bad.length} characters, ${bad.length - 63} more than the 63 allowed between dots`;
  return 'use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit';
}

/** Why `value` is not a Kubernetes label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `it has ${value.length} characters, ${value.length - 63} more than the 63 a label value allows`;
  if (!LABEL_VALUE.test(value)) return 'use letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}

/** Problems with the options' own values (not with how they fit a spec: see `targetRules`). */
export function optionValueProblems(options: OutputOptions): OptionProblem[] {
  const out: OptionProblem[] = [];
  if (options.queue !== undefined) {
    const problem = options.queue === '' ? 'it is empty' : dns1123SubdomainProblem(options.queue);
    if (problem) out.push({ option: 'queue', message: `The Kueue queue ${quote(options.queue)} is not a valid LocalQueue name: ${problem}.` });
  }
  if (options.priorityClass !== undefined) {
    const problem = options.priorityClass === '' ? 'it is empty' : labelValueProblem(options.priorityClass);
    if (problem) out.push({ option: 'priorityClass', message: `The Kueue priority class ${quote(options.priorityClass)} is not a valid label value: ${problem}.` });
  }
  if (options.workload !== undefined && options.workload !== 'job' && options.workload !== 'jobset') {
    out.push({ option: 'workload', message: `The workload ${quote(String(options.workload))} is not one of job or jobset.` });
  }
  const { gang } = options;
  if (gang !== undefined && !GANGS.includes(gang)) {
    out.push({ option: 'gang', message: `The gang scheduler ${quote(String(gang))} is not one of ${GANGS.join(' or ')}.` });
  }
  if (options.schedulerName !== undefined) {
    const problem = options.schedulerName === '' ? 'it is empty' : dns1123SubdomainProblem(options.schedulerName);
    if (problem) out.push({ option: 'schedulerName', message: `The scheduler name ${quote(options.schedulerName)} is not a valid scheduler name: ${problem}.` });
    else if (!gang) out.push({ option: 'schedulerName', message: 'The scheduler name is for the gang option only: choose coscheduling or volcano (--gang), or leave the scheduler name out.' });
  }
  if (options.gangTimeout !== undefined) {
    const timeout = options.gangTimeout;
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > INT32_MAX) {
      out.push({ option: 'gangTimeout', message: `The gang timeout ${quote(String(timeout))} is not a whole number of seconds from 1 to ${INT32_MAX}.` });
    } else if (gang !== 'coscheduling') {
      out.push({
        option: 'gangTimeout',
        message: gang === 'volcano'
          ? 'A Volcano PodGroup has no timeout (scheduleTimeoutSeconds is coscheduling\'s): leave the gang timeout out, or use --gang coscheduling.'
          : 'The gang timeout is for the coscheduling gang option: add --gang coscheduling, or leave the timeout out.',
      });
    }
  }
  if (options.gangQueue !== undefined) {
    const problem = options.gangQueue === '' ? 'it is empty' : dns1123SubdomainProblem(options.gangQueue);
    if (problem) out.push({ option: 'gangQueue', message: `The Volcano queue ${quote(options.gangQueue)} is not a valid queue name: ${problem}.` });
    else if (gang !== 'volcano') {
      out.push({
        option: 'gangQueue',
        message: gang === 'coscheduling'
          ? 'A coscheduling PodGroup has no queue (a Kueue queue is --queue): leave the Volcano queue out, or use --gang volcano.'
          : 'The Volcano queue is for the volcano gang option: add --gang volcano, or leave the queue out.',
      });
    }
  }
  return out;
}
