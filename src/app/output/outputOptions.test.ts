import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTPUT_OPTIONS, optionName, type OutputOptions } from '../../core/page.ts';
import { outputCombinations } from '../../core/testing/outputOptions.ts';
import { OUTPUT_OFF, decodeOutputParams, draftOf, draftProblems, encodeOutputParams, optionsOf, optionsOnWords, readStoredOptions, sameOptions, usableOptions } from './outputOptions.ts';

const ALL_ON: OutputOptions = { workload: 'jobset', queue: 'team-a', priorityClass: 'high', succeedOnLead: true, certSecret: true };

describe('the panel draft', () => {
  it('is all off without options, and gives back only what is on', () => {
    expect(draftOf(undefined)).toEqual(OUTPUT_OFF);
    expect(optionsOf(OUTPUT_OFF)).toEqual({});
    expect(optionsOf(draftOf(ALL_ON))).toEqual(ALL_ON);
    expect(optionsOf({ ...OUTPUT_OFF, workload: 'job', queue: 'q' })).toEqual({ queue: 'q' });
  });

  it('reads an empty (or blank) text input as off, and keeps any other value as typed', () => {
    expect(optionsOf({ ...OUTPUT_OFF, queue: '', priorityClass: '   ' })).toEqual({});
    expect(optionsOf({ ...OUTPUT_OFF, queue: ' team-a' })).toEqual({ queue: ' team-a' });
    expect(usableOptions(optionsOf({ ...OUTPUT_OFF, queue: ' team-a' })).problems.map((p) => p.option)).toEqual(['queue']);
  });

  it('names what is on for the closed panel', () => {
    expect(optionsOnWords({})).toEqual([]);
    expect(optionsOnWords(ALL_ON)).toEqual(['JobSet', 'queue team-a', 'priority high', 'finish with the lead broker', 'certificate in a Secret']);
  });

  it('compares options by what they ask for', () => {
    expect(sameOptions(undefined, {})).toBe(true);
    expect(sameOptions({ workload: 'job', succeedOnLead: false }, {})).toBe(true);
    expect(sameOptions({ queue: 'a' }, { queue: 'b' })).toBe(false);
  });

  it('keeps the valid options and names the others', () => {
    expect(usableOptions({ ...ALL_ON, queue: 'Team A', priorityClass: 'x'.repeat(64) })).toEqual({
      options: { workload: 'jobset', succeedOnLead: true, certSecret: true },
      problems: [
        { option: 'queue', message: expect.stringContaining('"Team A" is not a valid LocalQueue name') },
        { option: 'priorityClass', message: expect.stringContaining('is not a valid label value') },
      ],
    });
  });
});

describe('the options in a link', () => {
  it('are entries named like the CLI flags, only for what is on', () => {
    expect(encodeOutputParams({})).toBe('');
    expect(encodeOutputParams({ workload: 'job', succeedOnLead: false })).toBe('');
    expect(encodeOutputParams(ALL_ON)).toBe('workload=jobset&queue=team-a&priority-class=high&succeed-on-lead=1&cert-secret=1');
  });

  it('round-trip, among other entries', () => {
    for (const options of [{}, ALL_ON, { queue: 'a.b-c' }, { certSecret: true }, { priorityClass: 'High_1.x' }] as OutputOptions[]) {
      expect(decodeOutputParams(`#spec=abc&${encodeOutputParams(options)}&theme=dark`)).toEqual({ options, problems: [] });
    }
  });

  it('round-trip any valid options (property)', () => {
    const name = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
    const options = fc.record(
      { workload: fc.constantFrom('job' as const, 'jobset' as const), queue: name, priorityClass: name, succeedOnLead: fc.boolean(), certSecret: fc.boolean() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(options, (o) => {
        const read = decodeOutputParams(`#spec=x&${encodeOutputParams(o)}`);
        expect(read.problems).toEqual([]);
        expect(sameOptions(read.options, o)).toBe(true);
      }),
    );
  });

  it('leave out, and name, values a hand-edited link got wrong', () => {
    const read = decodeOutputParams('#spec=abc&workload=pods&queue=Not_A_Queue&priority-class=ok&succeed-on-lead=maybe&cert-secret=true&queue=ignored');
    expect(read.options).toEqual({ priorityClass: 'ok', certSecret: true });
    expect(read.problems).toEqual([
      'The link\'s workload "pods" is not job or jobset; it was left out.',
      'The link\'s value "maybe" for finish with the lead broker is not 1 or 0; it was left out.',
      expect.stringMatching(/^The Kueue queue "Not_A_Queue" is not a valid LocalQueue name: .* It was left out\.$/),
    ]);
  });

  it('read off switches, an empty value and percent escapes', () => {
    expect(decodeOutputParams('workload=job&succeed-on-lead=0&cert-secret=false&queue=')).toEqual({ options: {}, problems: [] });
    expect(decodeOutputParams('queue=team%2Da')).toEqual({ options: { queue: 'team-a' }, problems: [] });
  });

  it('do not echo a huge value, nor throw on a broken escape', () => {
    const huge = decodeOutputParams(`#queue=${'a'.repeat(5000)}`);
    expect(huge.options).toEqual({});
    expect(huge.problems).toEqual(['The link\'s value for the Kueue queue is too long to be one; it was left out.']);
    const long = decodeOutputParams(`#queue=${'a'.repeat(300)}`);
    expect(long.problems).toEqual(['The link\'s value for the Kueue queue has 300 characters, more than any valid one; it was left out.']);
    expect(decodeOutputParams('#queue=%E0%A4%A').problems).toEqual(['The link\'s value for the Kueue queue could not be read; it was left out.']);
  });

  it('never throw, whatever the hash (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        for (const hash of [junk, `#queue=${junk}`, `#workload=${junk}&cert-secret=${junk}`]) {
          const read = decodeOutputParams(hash);
          expect(usableOptions(read.options).problems).toEqual([]);
        }
      }),
    );
  });
});

describe('options read back from storage', () => {
  it('keep valid options and drop anything else', () => {
    expect(readStoredOptions(ALL_ON)).toEqual(ALL_ON);
    expect(readStoredOptions(undefined)).toEqual({});
    expect(readStoredOptions('jobset')).toEqual({});
    expect(readStoredOptions([ALL_ON])).toEqual({});
    expect(readStoredOptions({ workload: 'pods', queue: 'Bad Queue', priorityClass: 7, succeedOnLead: 'yes', certSecret: 1, extra: true })).toEqual({});
    expect(readStoredOptions({ queue: 'team-a', priorityClass: '' })).toEqual({ queue: 'team-a' });
  });
});

describe('the gang options in the panel, the link and storage', () => {
  const COSCHEDULING: OutputOptions = { gang: 'coscheduling', schedulerName: 'fluence', gangTimeout: 120 };
  const VOLCANO: OutputOptions = { gang: 'volcano', gangQueue: 'research.gpu' };

  it('draft as a select, text inputs and a number input, and give back what is on', () => {
    expect(draftOf(COSCHEDULING)).toMatchObject({ gang: 'coscheduling', schedulerName: 'fluence', gangTimeout: '120', gangQueue: '' });
    expect(optionsOf(draftOf(COSCHEDULING))).toEqual(COSCHEDULING);
    expect(optionsOf(draftOf(VOLCANO))).toEqual(VOLCANO);
    expect(optionsOf({ ...OUTPUT_OFF, gangTimeout: '  ' })).toEqual({});
    // What the number input holds is checked, not dropped: 1.5 seconds is reported.
    expect(usableOptions(optionsOf({ ...OUTPUT_OFF, gang: 'coscheduling', gangTimeout: '1.5' })).problems.map((p) => p.option)).toEqual(['gangTimeout']);
    expect(optionsOnWords({ ...COSCHEDULING })).toEqual(['coscheduling PodGroup', 'scheduler fluence', 'gang timeout 120 s']);
    expect(optionsOnWords(VOLCANO)).toEqual(['Volcano PodGroup', 'Volcano queue research.gpu']);
  });

  it('compare by every option', () => {
    expect(sameOptions(COSCHEDULING, { ...COSCHEDULING })).toBe(true);
    expect(sameOptions(COSCHEDULING, { ...COSCHEDULING, gangTimeout: 121 })).toBe(false);
    expect(sameOptions({ gang: 'volcano' }, { gang: 'coscheduling' })).toBe(false);
    expect(sameOptions(VOLCANO, { gang: 'volcano' })).toBe(false);
  });

  it('round-trip through a link, named like the CLI flags', () => {
    expect(encodeOutputParams(COSCHEDULING)).toBe('gang=coscheduling&scheduler-name=fluence&gang-timeout=120');
    expect(encodeOutputParams({ ...VOLCANO, queue: 'team-a' })).toBe('queue=team-a&gang=volcano&gang-queue=research.gpu');
    for (const options of [COSCHEDULING, VOLCANO, { ...ALL_ON, ...VOLCANO }]) expect(decodeOutputParams(`#spec=x&${encodeOutputParams(options)}`)).toEqual({ options, problems: [] });
  });

  it('leave out, and name, gang values a hand-edited link got wrong', () => {
    const read = decodeOutputParams('#gang=kueue&scheduler-name=fluence&gang-timeout=soon');
    expect(read.options).toEqual({});
    expect(read.problems).toEqual([
      'The link\'s gang scheduler "kueue" is not coscheduling or volcano; it was left out.',
      'The gang timeout "soon" is not a whole number of seconds from 1 to 2147483647. It was left out.',
      'The scheduler name is for the gang option only: choose coscheduling or volcano (--gang), or leave the scheduler name out. It was left out.',
    ]);
    expect(decodeOutputParams('#gang=volcano&gang-timeout=60')).toEqual({ options: { gang: 'volcano' }, problems: [expect.stringContaining('A Volcano PodGroup has no timeout')] });
  });

  it('are kept in storage when valid, and dropped otherwise', () => {
    expect(readStoredOptions(COSCHEDULING)).toEqual(COSCHEDULING);
    expect(readStoredOptions({ ...VOLCANO, gangTimeout: 60 })).toEqual(VOLCANO);
    expect(readStoredOptions({ gang: 'slurm', schedulerName: 'x', gangTimeout: '60', gangQueue: 'hpc' })).toEqual({});
  });
});

describe('every row of the core table', () => {
  const combinations = outputCombinations('v1alpha2');
  const on = (options: OutputOptions) => OUTPUT_OPTIONS.filter((row) => options[row.key] !== undefined).map((row) => row.key);

  it('is on in some combination the tests run (a new row needs its values there)', () => {
    const covered = new Set(combinations.flatMap(on));
    expect(OUTPUT_OPTIONS.map((row) => row.key).filter((key) => !covered.has(key))).toEqual([]);
  });

  it('round-trips through the draft, the share link and storage, in every combination', () => {
    for (const options of combinations) {
      expect(usableOptions(options).problems).toEqual([]);
      const fromDraft = optionsOf(draftOf(options));
      expect(fromDraft).toEqual(options);
      const link = encodeOutputParams(fromDraft);
      expect(link.split('&').filter(Boolean).map((entry) => entry.split('=')[0])).toEqual(on(options).map(optionName));
      expect(decodeOutputParams(`#spec=x&${link}`)).toEqual({ options, problems: [] });
      expect(readStoredOptions(JSON.parse(JSON.stringify(fromDraft)))).toEqual(options);
      expect(optionsOnWords(options)).toHaveLength(on(options).length);
    }
  });

  it('is off in the draft of no options, and each control left off gives no option', () => {
    expect(optionsOf(OUTPUT_OFF)).toEqual({});
    expect(Object.keys(OUTPUT_OFF).sort()).toEqual(OUTPUT_OPTIONS.map((row) => row.key).sort());
    for (const row of OUTPUT_OPTIONS) expect(encodeOutputParams({ [row.key]: undefined })).toBe('');
  });
});

describe('a gang timeout in the panel', () => {
  it.each(['1e3', '0x10', ' 5', '5.0', '-1', '2147483648'])('%j is refused with the core reader\'s message, and withholds the output', (typed) => {
    const draft = { ...OUTPUT_OFF, gang: 'coscheduling' as const, gangTimeout: typed };
    expect(draftProblems(draft)).toEqual([{ option: 'gangTimeout', message: `The gang timeout ${JSON.stringify(typed)} is not a whole number of seconds from 1 to 2147483647.` }]);
    expect(usableOptions(optionsOf(draft))).toEqual({ options: { gang: 'coscheduling' }, problems: [expect.objectContaining({ option: 'gangTimeout' })] });
  });

  it('takes digits as they are typed, and reports how they fit the other options', () => {
    expect(draftProblems({ ...OUTPUT_OFF, gang: 'coscheduling', gangTimeout: '007' })).toEqual([]);
    expect(optionsOf({ ...OUTPUT_OFF, gang: 'coscheduling', gangTimeout: '007' })).toEqual({ gang: 'coscheduling', gangTimeout: 7 });
    expect(draftProblems({ ...OUTPUT_OFF, gang: 'volcano', gangTimeout: '60' }).map((p) => p.message)).toEqual([expect.stringContaining('A Volcano PodGroup has no timeout')]);
  });
});
