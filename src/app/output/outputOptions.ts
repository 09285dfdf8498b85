/**
 * The output options as the app holds them (the Output panel's draft), sends them (the core's
 * `OutputOptions`, only what is on), shares them (entries of the link's hash beside `spec=`) and
 * saves them (beside the autosaved spec). Whatever is read back from a link or from storage is
 * checked here with the core's own rules: a bad value is dropped, and for a link reported.
 *
 * Small on purpose: the page's first script reads links and the autosave with it.
 */
import { GANGS, optionName, optionValueProblems, type Gang, type OptionProblem, type OutputOptionKey, type OutputOptions, type Workload } from '../../core/page.ts';

/** What the panel's controls show: text as typed ('' is off), every option present. */
export interface OutputDraft {
  workload: Workload;
  queue: string;
  priorityClass: string;
  succeedOnLead: boolean;
  certSecret: boolean;
  /** '' is off. */
  gang: Gang | '';
  schedulerName: string;
  /** As typed in the number input ('' is off). */
  gangTimeout: string;
  gangQueue: string;
}

export const OUTPUT_OFF: Readonly<OutputDraft> = {
  workload: 'job',
  queue: '',
  priorityClass: '',
  succeedOnLead: false,
  certSecret: false,
  gang: '',
  schedulerName: '',
  gangTimeout: '',
  gangQueue: '',
};

const isGang = (value: unknown): value is Gang => (GANGS as readonly unknown[]).includes(value);

/** The panel's draft of `options` (undefined: everything off). */
export function draftOf(options: OutputOptions | undefined): OutputDraft {
  return {
    workload: options?.workload === 'jobset' ? 'jobset' : 'job',
    queue: options?.queue ?? '',
    priorityClass: options?.priorityClass ?? '',
    succeedOnLead: options?.succeedOnLead === true,
    certSecret: options?.certSecret === true,
    gang: isGang(options?.gang) ? options.gang : '',
    schedulerName: options?.schedulerName ?? '',
    gangTimeout: options?.gangTimeout === undefined ? '' : String(options.gangTimeout),
    gangQueue: options?.gangQueue ?? '',
  };
}

/**
 * The options a draft asks for, with only what is on: an empty text input (or one of blanks only)
 * is off; a value is kept as typed, so that a wrong one is reported rather than quietly changed.
 */
export function optionsOf(draft: OutputDraft): OutputOptions {
  const options: OutputOptions = {};
  if (draft.workload === 'jobset') options.workload = 'jobset';
  if (draft.queue.trim() !== '') options.queue = draft.queue;
  if (draft.priorityClass.trim() !== '') options.priorityClass = draft.priorityClass;
  if (draft.succeedOnLead) options.succeedOnLead = true;
  if (draft.certSecret) options.certSecret = true;
  if (draft.gang) options.gang = draft.gang;
  if (draft.schedulerName.trim() !== '') options.schedulerName = draft.schedulerName;
  // A number input gives '' for what is not a number; anything else is passed on to be checked.
  if (draft.gangTimeout.trim() !== '') options.gangTimeout = Number(draft.gangTimeout);
  if (draft.gangQueue.trim() !== '') options.gangQueue = draft.gangQueue;
  return options;
}

/** `options` without the ones `problems` name. */
export function withoutProblems(options: OutputOptions, problems: readonly OptionProblem[]): OutputOptions {
  const out: OutputOptions = { ...options };
  for (const problem of problems) delete out[problem.option];
  return out;
}

/** The options the page may keep or pass on: the valid ones, and the problems of the others. */
export function usableOptions(options: OutputOptions): { options: OutputOptions; problems: OptionProblem[] } {
  const problems = optionValueProblems(options);
  return { options: withoutProblems(options, problems), problems };
}

/** True when both ask for the same output. */
export function sameOptions(a: OutputOptions | undefined, b: OutputOptions | undefined): boolean {
  const x = optionsOf(draftOf(a));
  const y = optionsOf(draftOf(b));
  const keys = new Set([...Object.keys(x), ...Object.keys(y)] as OutputOptionKey[]);
  return [...keys].every((key) => Object.is(x[key], y[key]));
}

/** Short words for what is on, for the panel's closed summary: "JobSet, queue team-a". */
export function optionsOnWords(options: OutputOptions): string[] {
  const words: string[] = [];
  if (options.workload === 'jobset') words.push('JobSet');
  if (options.queue) words.push(`queue ${options.queue}`);
  if (options.priorityClass) words.push(`priority ${options.priorityClass}`);
  if (options.succeedOnLead) words.push('finish with the lead broker');
  if (options.certSecret) words.push('certificate in a Secret');
  if (options.gang) words.push(`${options.gang === 'volcano' ? 'Volcano' : 'coscheduling'} PodGroup`);
  if (options.schedulerName) words.push(`scheduler ${options.schedulerName}`);
  if (options.gangTimeout !== undefined) words.push(`gang timeout ${options.gangTimeout} s`);
  if (options.gangQueue) words.push(`Volcano queue ${options.gangQueue}`);
  return words;
}

/** The name a problem's option goes by in sentences ("the Kueue queue"). */
export const OPTION_NOUNS: Readonly<Record<OutputOptionKey, string>> = {
  workload: 'the workload',
  queue: 'the Kueue queue',
  priorityClass: 'the Kueue priority class',
  succeedOnLead: 'finish with the lead broker',
  certSecret: 'the certificate in a Secret',
  gang: 'gang scheduling',
  schedulerName: 'the gang scheduler name',
  gangTimeout: 'the gang timeout',
  gangQueue: 'the Volcano queue',
};

/** Longer than any valid value (a queue name has at most 253 characters): not echoed back. */
const MAX_VALUE_CHARS = 256;

/** The hash entries, named like the CLI's flags: `#spec=…&workload=jobset&queue=team-a&cert-secret=1`. */
const PARAMS: Readonly<Record<OutputOptionKey, string>> = {
  workload: optionName('workload'),
  queue: optionName('queue'),
  priorityClass: optionName('priorityClass'),
  succeedOnLead: optionName('succeedOnLead'),
  certSecret: optionName('certSecret'),
  gang: optionName('gang'),
  schedulerName: optionName('schedulerName'),
  gangTimeout: optionName('gangTimeout'),
  gangQueue: optionName('gangQueue'),
};

/** `workload=jobset&queue=team-a…` for the options that are on ('' when none is); give it valid options. */
export function encodeOutputParams(options: OutputOptions): string {
  const on = optionsOf(draftOf(options));
  const entries: string[] = [];
  if (on.workload) entries.push(`${PARAMS.workload}=${on.workload}`);
  if (on.queue) entries.push(`${PARAMS.queue}=${encodeURIComponent(on.queue)}`);
  if (on.priorityClass) entries.push(`${PARAMS.priorityClass}=${encodeURIComponent(on.priorityClass)}`);
  if (on.succeedOnLead) entries.push(`${PARAMS.succeedOnLead}=1`);
  if (on.certSecret) entries.push(`${PARAMS.certSecret}=1`);
  if (on.gang) entries.push(`${PARAMS.gang}=${on.gang}`);
  if (on.schedulerName) entries.push(`${PARAMS.schedulerName}=${encodeURIComponent(on.schedulerName)}`);
  if (on.gangTimeout !== undefined) entries.push(`${PARAMS.gangTimeout}=${on.gangTimeout}`);
  if (on.gangQueue) entries.push(`${PARAMS.gangQueue}=${encodeURIComponent(on.gangQueue)}`);
  return entries.join('&');
}

export interface ReadOptions {
  /** The valid options read; `{}` when there were none. */
  options: OutputOptions;
  /** One sentence per value that was left out, and why. */
  problems: string[];
}

/**
 * The output options among a location hash's `&`-separated entries; never throws. A value that is
 * not valid (a hand-edited link) is left out, with a sentence that says so; unknown entries are
 * not ours and are ignored.
 */
export function decodeOutputParams(hash: string): ReadOptions {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const read: Partial<Record<OutputOptionKey, string>> = {};
  const problems: string[] = [];
  const seen = new Set<OutputOptionKey>();
  for (const part of body.split('&')) {
    const equals = part.indexOf('=');
    const name = equals < 0 ? part : part.slice(0, equals);
    const key = (Object.keys(PARAMS) as OutputOptionKey[]).find((k) => PARAMS[k] === name);
    // The spec's own entry can be megabytes: only ours are decoded, each once (the first wins).
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const raw = equals < 0 ? '' : part.slice(equals + 1);
    if (raw.length > MAX_VALUE_CHARS * 3) {
      problems.push(`The link's value for ${OPTION_NOUNS[key]} is too long to be one; it was left out.`);
      continue;
    }
    try {
      read[key] = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      problems.push(`The link's value for ${OPTION_NOUNS[key]} could not be read; it was left out.`);
    }
  }
  const options: OutputOptions = {};
  const flag = (key: 'succeedOnLead' | 'certSecret') => {
    const value = read[key];
    if (value === undefined) return;
    if (value === '1' || value === 'true') options[key] = true;
    else if (value !== '0' && value !== 'false') problems.push(`The link's value "${value.slice(0, 20)}" for ${OPTION_NOUNS[key]} is not 1 or 0; it was left out.`);
  };
  const text = (key: 'queue' | 'priorityClass' | 'schedulerName' | 'gangQueue') => {
    const value = read[key];
    if (value === undefined || value === '') return;
    if (value.length > MAX_VALUE_CHARS) problems.push(`The link's value for ${OPTION_NOUNS[key]} has ${value.length} characters, more than any valid one; it was left out.`);
    else options[key] = value;
  };
  if (read.workload !== undefined) {
    if (read.workload === 'jobset') options.workload = 'jobset';
    else if (read.workload !== 'job') problems.push(`The link's workload "${read.workload.slice(0, 20)}" is not job or jobset; it was left out.`);
  }
  text('queue');
  text('priorityClass');
  flag('succeedOnLead');
  flag('certSecret');
  if (read.gang !== undefined && read.gang !== '') {
    if (isGang(read.gang)) options.gang = read.gang;
    else problems.push(`The link's gang scheduler "${read.gang.slice(0, 20)}" is not ${GANGS.join(' or ')}; it was left out.`);
  }
  text('schedulerName');
  if (read.gangTimeout !== undefined && read.gangTimeout !== '') {
    if (/^[0-9]{1,10}$/.test(read.gangTimeout)) options.gangTimeout = Number(read.gangTimeout);
    else problems.push(`The link's value "${read.gangTimeout.slice(0, 20)}" for ${OPTION_NOUNS.gangTimeout} is not a whole number of seconds; it was left out.`);
  }
  text('gangQueue');
  const usable = usableOptions(options);
  for (const problem of usable.problems) problems.push(`${problem.message} It was left out.`);
  return { options: usable.options, problems };
}

/** Options read back from storage (any JSON); what is not a valid option is dropped. */
export function readStoredOptions(value: unknown): OutputOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const stored = value as Record<string, unknown>;
  const options: OutputOptions = {};
  if (stored['workload'] === 'jobset') options.workload = 'jobset';
  if (isGang(stored['gang'])) options.gang = stored['gang'];
  const timeout = stored['gangTimeout'];
  if (typeof timeout === 'number') options.gangTimeout = timeout;
  for (const key of ['queue', 'priorityClass', 'schedulerName', 'gangQueue'] as const) {
    const text = stored[key];
    if (typeof text === 'string' && text !== '' && text.length <= MAX_VALUE_CHARS) options[key] = text;
  }
  for (const key of ['succeedOnLead', 'certSecret'] as const) if (stored[key] === true) options[key] = true;
  return usableOptions(options).options;
}
