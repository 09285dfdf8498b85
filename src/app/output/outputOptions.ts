/**
 * The output options as the app holds them (the Output panel's draft), sends them (the core's
 * `OutputOptions`, only what is on), shares them (entries of the link's hash beside `spec=`) and
 * saves them (beside the autosaved spec). Whatever is read back from a link or from storage is
 * checked here with the core's own rules: a bad value is dropped, and for a link reported.
 *
 * Small on purpose: the page's first script reads links and the autosave with it.
 */
import {
  OUTPUT_OPTIONS,
  isChoiceOf,
  isChoiceRow,
  isNumberRow,
  isOptionOn,
  isSwitchRow,
  isTextRow,
  optionName,
  optionValueProblems,
  readOptionNumber,
  setOption,
  type OptionProblem,
  type OutputOptionInfo,
  type OutputOptionKey,
  type OutputOptions,
} from '../../core/page.ts';

/** A control's value for an option's value: a checkbox's, or the text of an input or select ('' is off, as is a choice's off word). */
type DraftValue<V> = [V] extends [boolean] ? boolean : [V] extends [number] ? string : string extends V ? string : V | '';

/** What the panel's controls show, one entry per row of the core's table: text as typed, every option present. */
export type OutputDraft = { [K in OutputOptionKey]-?: DraftValue<NonNullable<OutputOptions[K]>> };

/** A row's control value for an option's value (undefined: off). */
function draftValue(row: OutputOptionInfo, value: unknown): boolean | string {
  if (isSwitchRow(row)) return value === true;
  if (isChoiceRow(row)) return isChoiceOf(row, value) ? value : (row.value.off ?? '');
  if (isNumberRow(row)) return typeof value === 'number' ? String(value) : '';
  return typeof value === 'string' ? value : '';
}

/** The draft the table's rows give, each from `valueOf` its key. */
function draftFrom(valueOf: (key: OutputOptionKey) => unknown): OutputDraft {
  // Built key by key from the table, which holds every key of OutputOptions once.
  return Object.fromEntries(OUTPUT_OPTIONS.map((row) => [row.key, draftValue(row, valueOf(row.key))])) as OutputDraft;
}

export const OUTPUT_OFF: Readonly<OutputDraft> = draftFrom(() => undefined);

/** The panel's draft of `options` (undefined: everything off). */
export function draftOf(options: OutputOptions | undefined): OutputDraft {
  return draftFrom((key) => options?.[key]);
}

/**
 * The options a draft asks for, with only what is on: an empty text input (or one of blanks only)
 * is off; a value is kept as typed, so that a wrong one is reported rather than quietly changed.
 * A number's text that the core's reader refuses becomes NaN, which every check refuses too (its
 * message, with the text as typed, comes from `draftProblems`).
 */
export function optionsOf(draft: OutputDraft): OutputOptions {
  const options: OutputOptions = {};
  for (const row of OUTPUT_OPTIONS) {
    const typed: unknown = draft[row.key];
    if (isSwitchRow(row)) {
      if (typed === true) setOption(options, row.key, true);
    } else if (isChoiceRow(row)) {
      if (isChoiceOf(row, typed) && isOptionOn(row, typed)) setOption(options, row.key, typed);
    } else if (typeof typed === 'string' && typed.trim() !== '') {
      if (isTextRow(row)) setOption(options, row.key, typed);
      else if (isNumberRow(row)) {
        const read = readOptionNumber(row, typed);
        setOption(options, row.key, 'value' in read ? read.value : Number.NaN);
      }
    }
  }
  return options;
}

/** The problems of a draft: those of its options, and for a number, the core reader's with the text as typed. */
export function draftProblems(draft: OutputDraft): OptionProblem[] {
  const unread = new Map<OutputOptionKey, OptionProblem>();
  for (const row of OUTPUT_OPTIONS.filter(isNumberRow)) {
    const typed = draft[row.key];
    if (typed.trim() === '') continue;
    const read = readOptionNumber(row, typed);
    if ('problem' in read) unread.set(row.key, read.problem);
  }
  const problems = [...optionValueProblems(optionsOf(draft)).filter((p) => !unread.has(p.option)), ...unread.values()];
  const order = (p: OptionProblem) => OUTPUT_OPTIONS.findIndex((row) => row.key === p.option);
  return problems.sort((a, b) => order(a) - order(b));
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
  for (const row of OUTPUT_OPTIONS) {
    const value = options[row.key];
    if (!isOptionOn(row, value) || value === '') continue;
    const shown = isChoiceRow(row) ? (row.value.titles?.[String(value)] ?? String(value)) : String(value);
    words.push(row.summary.replace('{}', shown));
  }
  return words;
}

/** The name a problem's option goes by in sentences ("the Kueue queue"). */
export const OPTION_NOUNS: Readonly<Record<OutputOptionKey, string>> = Object.fromEntries(OUTPUT_OPTIONS.map((row) => [row.key, row.noun])) as Record<OutputOptionKey, string>;

/** Longer than any valid value (a queue name has at most 253 characters): not echoed back. */
const MAX_VALUE_CHARS = 256;

/** The hash entries, named like the CLI's flags: `#spec=…&workload=jobset&queue=team-a&cert-secret=1`. */
const PARAMS: ReadonlyMap<string, OutputOptionInfo> = new Map(OUTPUT_OPTIONS.map((row) => [optionName(row.key), row]));

/** `workload=jobset&queue=team-a…` for the options that are on ('' when none is); give it valid options. */
export function encodeOutputParams(options: OutputOptions): string {
  const on = optionsOf(draftOf(options));
  const entries: string[] = [];
  for (const row of OUTPUT_OPTIONS) {
    const value = on[row.key];
    if (!isOptionOn(row, value)) continue;
    entries.push(`${optionName(row.key)}=${isSwitchRow(row) ? '1' : encodeURIComponent(String(value))}`);
  }
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
    const key = PARAMS.get(name)?.key;
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
  for (const row of OUTPUT_OPTIONS) {
    const value = read[row.key];
    if (value === undefined) continue;
    if (isSwitchRow(row)) {
      if (value === '1' || value === 'true') setOption(options, row.key, true);
      else if (value !== '0' && value !== 'false') problems.push(`The link's value "${value.slice(0, 20)}" for ${row.noun} is not 1 or 0; it was left out.`);
    } else if (value === '') {
      continue;
    } else if (isTextRow(row)) {
      if (value.length > MAX_VALUE_CHARS) problems.push(`The link's value for ${row.noun} has ${value.length} characters, more than any valid one; it was left out.`);
      else setOption(options, row.key, value);
    } else if (isNumberRow(row)) {
      const number = readOptionNumber(row, value);
      if ('problem' in number) problems.push(`${number.problem.message} It was left out.`);
      else setOption(options, row.key, number.value);
    } else if (isChoiceRow(row)) {
      if (!isChoiceOf(row, value)) problems.push(`The link's ${row.value.what} "${value.slice(0, 20)}" is not ${row.value.choices.join(' or ')}; it was left out.`);
      else if (isOptionOn(row, value)) setOption(options, row.key, value);
    }
  }
  const usable = usableOptions(options);
  for (const problem of usable.problems) problems.push(`${problem.message} It was left out.`);
  return { options: usable.options, problems };
}

/** Options read back from storage (any JSON); what is not a valid option is dropped. */
export function readStoredOptions(value: unknown): OutputOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const stored = value as Record<string, unknown>;
  const options: OutputOptions = {};
  for (const row of OUTPUT_OPTIONS) {
    const kept = stored[row.key];
    if (isSwitchRow(row)) {
      if (kept === true) setOption(options, row.key, true);
    } else if (isChoiceRow(row)) {
      if (isChoiceOf(row, kept) && isOptionOn(row, kept)) setOption(options, row.key, kept);
    } else if (isNumberRow(row)) {
      if (typeof kept === 'number') setOption(options, row.key, kept);
    } else if (isTextRow(row)) {
      if (typeof kept === 'string' && kept !== '' && kept.length <= MAX_VALUE_CHARS) setOption(options, row.key, kept);
    }
  }
  return usableOptions(options).options;
}
