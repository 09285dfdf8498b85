/**
 * Output options: where the objects will run, beyond what the operator itself creates (a Kueue
 * queue, a JobSet, the certificate in a Secret, a Job that ends with the lead broker). They are
 * not MiniCluster fields and are never written into the spec. Every one is off by default, so the
 * operator's own output stays the default.
 *
 * The one table of them, `OUTPUT_OPTIONS`, gives the CLI its flags and usage and the app its
 * panel's labels and sentences.
 */
import { quote } from '../common/quoteText.ts';

export type Workload = 'job' | 'jobset';

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
}

export const QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';
export const PRIORITY_CLASS_LABEL = 'kueue.x-k8s.io/priority-class';

/** Option keys in the order the CLI's usage and the app's panel list them. */
export type OutputOptionKey = keyof OutputOptions;

export interface OutputOptionInfo {
  key: OutputOptionKey;
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
    flag: '--workload job|jobset',
    label: 'Run as a JobSet',
    does: 'A JobSet with one replicated Job instead of the indexed Job; the JobSet makes the headless Service, and every host name becomes NAME-node-0-i.',
    needs: 'the JobSet controller (jobset.x-k8s.io/v1alpha2); v1alpha2 specs only.',
  },
  {
    key: 'queue',
    flag: '--queue NAME',
    label: 'Kueue queue',
    does: `Label ${QUEUE_LABEL} on the Job (or JobSet), so Kueue admits it when the queue has quota. ConfigMaps and Services are created at once.`,
    needs: 'Kueue, with a LocalQueue of that name in the namespace.',
  },
  {
    key: 'priorityClass',
    flag: '--priority-class NAME',
    label: 'Kueue priority class',
    does: `Label ${PRIORITY_CLASS_LABEL} on the same object.`,
    needs: 'Kueue, with a WorkloadPriorityClass of that name: since Kueue 0.19 a priority class that does not exist stops Kueue from queueing the Job (or JobSet) at all.',
  },
  {
    key: 'succeedOnLead',
    flag: '--succeed-on-lead',
    label: 'Finish with the lead broker',
    does: 'The Job succeeds when the lead broker (index 0) does: the other pods are stopped and the quota is released even if a follower lingers.',
    needs: 'Kubernetes 1.31 or later (Job success policy; beta in 1.31, GA in 1.33).',
  },
  {
    key: 'certSecret',
    flag: '--cert-secret',
    label: 'Certificate in a Secret',
    does: 'The CURVE certificate goes into a Secret NAME-curve (key curve.cert), mounted read-only with mode 0400, and no longer into the ConfigMap.',
    needs: 'nothing beyond Kubernetes, but whoever applies the bundle must be allowed to create Secrets.',
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
  return !options || (!options.queue && !options.priorityClass && !options.succeedOnLead && !options.certSecret && (options.workload ?? 'job') === 'job');
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
  return out;
}
