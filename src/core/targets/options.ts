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
import {
  COSCHEDULING_API_VERSION,
  COSCHEDULING_LABEL,
  COSCHEDULING_SCHEDULER,
  GANG_SCHEDULERS,
  GANGS,
  VOLCANO_ANNOTATION,
  VOLCANO_API_VERSION,
  VOLCANO_SCHEDULER,
  type Gang,
} from './gangs.ts';

export { GANGS, type Gang } from './gangs.ts';
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
/** A PodGroup's int32 fields. */
export const INT32_MAX = 2147483647;
export const PRIORITY_CLASS_LABEL = 'kueue.x-k8s.io/priority-class';

/** Option keys in the order the CLI's usage and the app's panel list them. */
export type OutputOptionKey = keyof OutputOptions;

type KeysWhere<V> = { [K in OutputOptionKey]-?: NonNullable<OutputOptions[K]> extends V ? K : never }[OutputOptionKey];
type StringKey = KeysWhere<string>;
/** The options that are on or off. */
export type SwitchKey = KeysWhere<boolean>;
/** The options that take a whole number. */
export type NumberKey = KeysWhere<number>;
/** The options that take any text (checked by optionValueProblems). */
export type TextKey = { [K in StringKey]: string extends NonNullable<OutputOptions[K]> ? K : never }[StringKey];
/** The options that take one of a few words. */
export type ChoiceKey = Exclude<StringKey, TextKey>;

/**
 * What the option's value is, for the CLI's parsing, the app's control, the share link and the
 * storage: on or off, a text, a whole number, or one of a few words (`off`, when given, is the
 * word that means the option is off, as `job` is the operator's own workload).
 */
export type OptionValueKind =
  | { kind: 'switch' }
  | { kind: 'text' }
  | { kind: 'number'; min: number; max: number; unit: string }
  | { kind: 'choice'; choices: readonly string[]; off?: string; what: string; titles?: Readonly<Record<string, string>> };

interface OptionRowText {
  /** The CLI flag, with its value's placeholder when it takes one. */
  flag: string;
  /** The app's label for the control. */
  label: string;
  /** The option in sentences ("the Kueue queue"). */
  noun: string;
  /** Short words for it when on, for the panel's closed summary; `{}` stands for its value (a choice's title). */
  summary: string;
  /** What it changes in the output. */
  does: string;
  /** What the cluster needs for the output to run. */
  needs: string;
}

/** A row of the table: its key's type goes with its value's kind, so a row cannot set a key with another kind of value. */
export type OutputOptionInfo = OptionRowText &
  (
    | { key: SwitchKey; value: Extract<OptionValueKind, { kind: 'switch' }> }
    | { key: TextKey; value: Extract<OptionValueKind, { kind: 'text' }> }
    | { key: NumberKey; value: Extract<OptionValueKind, { kind: 'number' }> }
    | { key: ChoiceKey; value: Extract<OptionValueKind, { kind: 'choice' }> }
  );
export type SwitchRow = Extract<OutputOptionInfo, { key: SwitchKey }>;
export type TextRow = Extract<OutputOptionInfo, { key: TextKey }>;
export type NumberRow = Extract<OutputOptionInfo, { key: NumberKey }>;
export type ChoiceRow = Extract<OutputOptionInfo, { key: ChoiceKey }>;

export const isSwitchRow = (row: OutputOptionInfo): row is SwitchRow => row.value.kind === 'switch';
export const isTextRow = (row: OutputOptionInfo): row is TextRow => row.value.kind === 'text';
export const isNumberRow = (row: OutputOptionInfo): row is NumberRow => row.value.kind === 'number';
export const isChoiceRow = (row: OutputOptionInfo): row is ChoiceRow => row.value.kind === 'choice';

export const OUTPUT_OPTIONS: readonly OutputOptionInfo[] = [
  {
    key: 'workload',
    value: { kind: 'choice', choices: ['job', 'jobset'], off: 'job', what: 'workload' },
    flag: '--workload job|jobset',
    label: 'Run as a JobSet',
    noun: 'the workload',
    summary: 'JobSet',
    does: 'A JobSet with one replicated Job instead of the indexed Job; the JobSet makes the headless Service, and every host name becomes NAME-node-0-i.',
    needs: 'the JobSet controller (jobset.x-k8s.io/v1alpha2); v1alpha2 specs only.',
  },
  {
    key: 'queue',
    value: { kind: 'text' },
    flag: '--queue NAME',
    label: 'Kueue queue',
    noun: 'the Kueue queue',
    summary: 'queue {}',
    does: `Label ${QUEUE_LABEL} on the Job (or JobSet), so Kueue admits it when the queue has quota. ConfigMaps and Services are created at once.`,
    needs: 'Kueue, with a LocalQueue of that name in the namespace.',
  },
  {
    key: 'priorityClass',
    value: { kind: 'text' },
    flag: '--priority-class NAME',
    label: 'Kueue priority class',
    noun: 'the Kueue priority class',
    summary: 'priority {}',
    does: `Label ${PRIORITY_CLASS_LABEL} on the same object.`,
    needs: 'Kueue, with a WorkloadPriorityClass of that name: since Kueue 0.19 a priority class that does not exist stops Kueue from queueing the Job (or JobSet) at all.',
  },
  {
    key: 'succeedOnLead',
    value: { kind: 'switch' },
    flag: '--succeed-on-lead',
    label: 'Finish with the lead broker',
    noun: 'finish with the lead broker',
    summary: 'finish with the lead broker',
    does: 'The Job succeeds when the lead broker (index 0) does: the other pods are stopped and the quota is released even if a follower lingers.',
    needs: 'Kubernetes 1.31 or later (Job success policy; beta in 1.31, GA in 1.33).',
  },
  {
    key: 'certSecret',
    value: { kind: 'switch' },
    flag: '--cert-secret',
    label: 'Certificate in a Secret',
    noun: 'the certificate in a Secret',
    summary: 'certificate in a Secret',
    does: 'The CURVE certificate goes into a Secret NAME-curve (key curve.cert), mounted read-only with mode 0400, and no longer into the ConfigMap.',
    needs: 'nothing beyond Kubernetes, but whoever applies the bundle must be allowed to create Secrets.',
  },
  {
    key: 'gang',
    value: { kind: 'choice', choices: GANGS, what: 'gang scheduler', titles: Object.fromEntries(GANGS.map((gang) => [gang, GANG_SCHEDULERS[gang].title])) },
    flag: '--gang coscheduling|volcano',
    label: 'Gang scheduling',
    noun: 'gang scheduling',
    summary: '{} PodGroup',
    does: `A PodGroup named after the MiniCluster, first in the bundle, with minMember = size, so that all the pods start together or none does. coscheduling: a ${COSCHEDULING_API_VERSION} PodGroup, the pods get the label ${COSCHEDULING_LABEL} and schedulerName ${COSCHEDULING_SCHEDULER}. volcano: a ${VOLCANO_API_VERSION} PodGroup, the pods get the annotation ${VOLCANO_ANNOTATION} and schedulerName ${VOLCANO_SCHEDULER}.`,
    needs: 'that scheduler and its PodGroup CRD (scheduler-plugins installed as a second scheduler, or Volcano). Each run needs a fresh PodGroup: delete the bundle before applying it again.',
  },
  {
    key: 'schedulerName',
    value: { kind: 'text' },
    flag: '--scheduler-name NAME',
    label: 'Gang scheduler name',
    noun: 'the gang scheduler name',
    summary: 'scheduler {}',
    does: 'The pods\' schedulerName instead of the gang option\'s usual one (for example fluence, which reads the coscheduling label and PodGroup).',
    needs: 'a scheduler of that name in the cluster, and a gang option.',
  },
  {
    key: 'gangTimeout',
    value: { kind: 'number', min: 1, max: INT32_MAX, unit: 'seconds' },
    flag: '--gang-timeout SECONDS',
    label: 'Gang timeout (seconds)',
    noun: 'the gang timeout',
    summary: 'gang timeout {} s',
    does: 'The coscheduling PodGroup\'s scheduleTimeoutSeconds: how long the scheduler waits for the whole gang before it lets the pods go again (60 s when unset).',
    needs: 'the coscheduling gang option.',
  },
  {
    key: 'gangQueue',
    value: { kind: 'text' },
    flag: '--gang-queue NAME',
    label: 'Volcano queue',
    noun: 'the Volcano queue',
    summary: 'Volcano queue {}',
    does: 'The Volcano PodGroup\'s queue (Volcano uses default when unset).',
    needs: 'the volcano gang option, and an Open Volcano queue of that name: Volcano\'s webhook refuses a PodGroup whose queue does not exist or is closed.',
  },
];

/** The table's row of an option. */
export function optionRow(key: OutputOptionKey): OutputOptionInfo {
  const info = OUTPUT_OPTIONS.find((option) => option.key === key);
  if (!info) throw new Error(`no output option ${key}`);
  return info;
}

/** The option's name as the CLI's flag (without dashes) and the share link's entry take it: `priority-class`. */
export function optionName(key: OutputOptionKey): string {
  return optionRow(key).flag.replace(/^--/, '').split(' ')[0] ?? key;
}

/** Does this value of the row's option change the output? Absent, false and a choice's off word do not. */
export function isOptionOn(row: OutputOptionInfo, value: unknown): boolean {
  if (value === undefined || value === false) return false;
  return !(row.value.kind === 'choice' && row.value.off !== undefined && value === row.value.off);
}

/** True when no option changes the output: the operator's own objects. */
export function isDefaultOutput(options: OutputOptions | undefined): boolean {
  return !options || OUTPUT_OPTIONS.every((row) => !isOptionOn(row, options[row.key]));
}

/** Sets one option; the value's type is the key's (see the table's `SwitchKey`, `TextKey`…). */
export function setOption<K extends OutputOptionKey>(options: OutputOptions, key: K, value: OutputOptions[K]): void {
  options[key] = value;
}

/** Is `value` one of the choice row's words? */
export function isChoiceOf<R extends ChoiceRow>(row: R, value: unknown): value is NonNullable<OutputOptions[R['key']]> {
  return typeof value === 'string' && row.value.choices.includes(value);
}

/** The message for a word a choice does not take. */
export function choiceProblem(row: ChoiceRow, value: unknown): OptionProblem {
  return { option: row.key, message: `The ${row.value.what} ${quote(String(value))} is not one of ${row.value.choices.join(' or ')}.` };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The message for a whole number the option does not take, with the value as it was given. */
function numberProblem(row: NumberRow, shown: string): OptionProblem {
  const { min, max, unit } = row.value;
  return { option: row.key, message: `${capitalised(row.noun)} ${quote(shown)} is not a whole number of ${unit} from ${min} to ${max}.` };
}

/**
 * A whole-number option's value from its text, the one reader of the CLI, the share link and the
 * app's panel: decimal digits only (no sign, blank, point, exponent or hex, which JavaScript's
 * Number would take), within the row's range; otherwise the problem, with the text as given.
 */
export function readOptionNumber(row: NumberRow, text: string): { value: number } | { problem: OptionProblem } {
  const value = /^[0-9]{1,16}$/.test(text) ? Number(text) : undefined;
  if (value === undefined || value < row.value.min || value > row.value.max) return { problem: numberProblem(row, text) };
  return { value };
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
  for (const row of OUTPUT_OPTIONS.filter(isChoiceRow)) {
    const value: unknown = options[row.key];
    if (value !== undefined && !isChoiceOf(row, value)) out.push(choiceProblem(row, value));
  }
  const { gang } = options;
  if (options.schedulerName !== undefined) {
    const problem = options.schedulerName === '' ? 'it is empty' : dns1123SubdomainProblem(options.schedulerName);
    if (problem) out.push({ option: 'schedulerName', message: `The scheduler name ${quote(options.schedulerName)} is not a valid scheduler name: ${problem}.` });
    else if (!gang) out.push({ option: 'schedulerName', message: 'The scheduler name is for the gang option only: choose coscheduling or volcano (--gang), or leave the scheduler name out.' });
  }
  if (options.gangTimeout !== undefined) {
    const timeout = options.gangTimeout;
    const row = optionRow('gangTimeout');
    if (isNumberRow(row) && (!Number.isInteger(timeout) || timeout < row.value.min || timeout > row.value.max)) {
      out.push(numberProblem(row, String(timeout)));
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
