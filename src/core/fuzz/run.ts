/**
 * `npm run fuzz -- [--seed N] [--seconds S | --runs N] [--skip-known]`: the fuzz suite for as long
 * as asked. It keeps going after a failure: each failure is shrunk, printed with the command that
 * replays it, and then passed over (failures of the same kind included, see `signatureOf`), so one
 * run reports every distinct failure it meets.
 *
 * `--seed S --path P` replays one shrunk case; `--case FILE` runs a case written as JSON (the last
 * case started is always in .cache/fuzz-last-case-SEED.json, for a run that dies with the process).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { projectRoot } from '../testing/corpus.ts';
import { FuzzFailure, caseArbitrary, caseText, describeCase, isKnownOpen, mutatorsFor, runCase, type FuzzCase } from './cases.ts';
import { KNOWN_OPEN } from './mutations.ts';
import { checkCase, signatureOf } from './oracle.ts';

const USAGE = `Usage: npm run fuzz -- [--seed N] [--seconds S | --runs N] [--skip-known]
       npm run fuzz -- --seed N --path P [--skip-known]   replay one case
       npm run fuzz -- --case FILE                         run one case written as JSON

  --seed N      the run's seed (default: a new one, printed)
  --seconds S   run for S seconds (default 60)
  --runs N      run N cases instead
  --skip-known  pass over the known open defects (KNOWN_OPEN, being fixed), as CI does
`;

/** Where a run keeps the case it is on, for a run that dies with the process (one file per seed). */
const lastCaseFile = (seed: number) => join(projectRoot, '.cache', `fuzz-last-case-${seed}.json`);

interface Args {
  seed: number;
  seconds?: number;
  runs?: number;
  path?: string;
  caseFile?: string;
  skipKnown: boolean;
}

function parse(argv: readonly string[]): Args {
  const args: Args = { seed: Math.floor(Math.random() * 2 ** 31), skipKnown: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = () => {
      const v = value();
      if (!/^\d+(\.\d+)?$/.test(v)) throw new Error(`${flag} takes a number, not "${v}"`);
      return Number(v);
    };
    if (flag === '--seed') args.seed = number();
    else if (flag === '--seconds') args.seconds = number();
    else if (flag === '--runs') args.runs = number();
    else if (flag === '--path') args.path = value();
    else if (flag === '--case') args.caseFile = value();
    else if (flag === '--skip-known') args.skipKnown = true;
    else throw new Error(flag === '--help' || flag === '-h' ? '' : `unknown argument ${flag}`);
  }
  return args;
}

function printFailure(c: FuzzCase, failure: FuzzFailure, replay: string | undefined): void {
  console.log(`\nFAILURE\n${describeCase(c)}`);
  for (const f of failure.failures) console.log(`  [${f.check}] ${f.api}\n      ${f.message}`);
  if (replay) console.log(`replay: ${replay}`);
}

async function runOne(c: FuzzCase): Promise<number> {
  try {
    await runCase(c);
    console.log(`${describeCase(c)}\npasses`);
    return 0;
  } catch (error) {
    if (!(error instanceof FuzzFailure)) throw error;
    printFailure(c, error, undefined);
    return 1;
  }
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`${message ? `fuzz: ${message}\n\n` : ''}${USAGE}`);
    return message ? 2 : 0;
  }
  if (args.caseFile) return runOne(JSON.parse(readFileSync(args.caseFile, 'utf8')) as FuzzCase);

  const known = args.skipKnown ? ' --skip-known' : '';
  const arbitrary = caseArbitrary(mutatorsFor(args.skipKnown));
  const lastCase = lastCaseFile(args.seed);
  mkdirSync(dirname(lastCase), { recursive: true });
  const seen = new Set<string>();
  const property = fc.asyncProperty(arbitrary, async (c) => {
    writeFileSync(lastCase, JSON.stringify(c));
    await runCase(c, undefined, (f) => seen.has(signatureOf(f)) || (args.skipKnown && isKnownOpen(f)));
  });

  if (args.path !== undefined) {
    const details = await fc.check(property, { seed: args.seed, path: args.path, numRuns: 1, endOnFailure: true });
    const c = details.counterexample?.[0];
    if (!c) {
      console.log(`seed ${args.seed}, path ${args.path}: passes`);
      return 0;
    }
    return runOne(c);
  }

  const skipped = KNOWN_OPEN.map((k) => `  ${k.defect}${k.mutators ? ` (mutators ${k.mutators.join(', ')})` : ''}`);
  console.log(`fuzz: seed ${args.seed}${args.runs !== undefined ? `, ${args.runs} cases` : `, ${args.seconds ?? 60} s`}${args.skipKnown && skipped.length > 0 ? `, passing over the known open defects:\n${skipped.join('\n')}` : ''}`);
  const started = Date.now();
  const deadline = args.runs === undefined ? started + (args.seconds ?? 60) * 1000 : Infinity;
  let remainingRuns = args.runs ?? Number.MAX_SAFE_INTEGER;
  let cases = 0;
  let failures = 0;
  // After a failure the run goes on with the next seed, passing over what it has reported.
  for (let round = 0; remainingRuns > 0 && Date.now() < deadline; round++) {
    const seed = args.seed + round;
    const timeLeft = deadline - Date.now();
    const details = await fc.check(property, {
      seed,
      numRuns: remainingRuns,
      ...(Number.isFinite(timeLeft) ? { interruptAfterTimeLimit: timeLeft, markInterruptAsFailure: false } : {}),
    });
    cases += details.numRuns;
    remainingRuns -= details.numRuns;
    if (!details.failed) break;
    const c = details.counterexample?.[0];
    if (!c) {
      console.log(`\nseed ${seed}: ${String(details.errorInstance ?? 'failed without a counterexample')}`);
      failures++;
      continue;
    }
    const found = (await checkCase(caseText(c), c)).filter((f) => !seen.has(signatureOf(f)) && !(args.skipKnown && isKnownOpen(f)));
    for (const f of found) seen.add(signatureOf(f));
    failures += found.length > 0 ? 1 : 0;
    if (found.length > 0) printFailure(c, new FuzzFailure(found, ''), `npm run fuzz -- --seed ${seed} --path ${details.counterexamplePath ?? ''}${known}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nfuzz: ${cases} cases in ${seconds} s from seed ${args.seed}${known}; ${seen.size} distinct failure${seen.size === 1 ? '' : 's'} in ${failures} case${failures === 1 ? '' : 's'}.`);
  return seen.size > 0 || failures > 0 ? 1 : 0;
}

process.exitCode = await main();
