/**
 * CLI start benchmark: the wall time of `minicluster-gen` runs, each a new process, against bare
 * Node (`node -e 0`) measured in the same run:
 *   - one spec (`-f ONE.yaml`, objects to /dev/null), and `--help`, against bare Node;
 *   - 100 specs in one process (`-f a.yaml -f b.yaml ...`, each a MiniCluster of its own name)
 *     against one spec in one process.
 * The variants are interleaved (each round runs every variant once, in a rotating order) so that
 * the machine's load affects them alike; the figures are medians.
 *
 * Run with `npm run bench:cli` (it builds the CLI first). BENCH_CLI_RUNS sets the rounds (15);
 * BENCH_CLI_COMPARE=path/to/other/bin/minicluster-gen.js adds the same rows for another build
 * (an older one, say) to the same rounds. Prints a table and writes .bench/cli.json.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'minicluster-gen.js');
const FIXTURE = join(ROOT, 'src', 'app', 'presets', 'hello-world.yaml');
const RUNS = Number(process.env['BENCH_CLI_RUNS'] ?? 15);
const WARMUP_ROUNDS = 2;
const SPECS = 100;
const COMPARE = process.env['BENCH_CLI_COMPARE'] ? resolve(process.env['BENCH_CLI_COMPARE']) : undefined;

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_CLI_RUNS must be a whole number of rounds, not ${process.env['BENCH_CLI_RUNS']}`);


// The specs: the hello-world preset, each copy with a MiniCluster name of its own.
const work = mkdtempSync(join(tmpdir(), 'mcg-bench-'));
const fixtureText = readFileSync(FIXTURE, 'utf8');
if (!/^  name: flux-sample$/m.test(fixtureText)) throw new Error(`${FIXTURE}: expected "  name: flux-sample" to rename`);
const specs = Array.from({ length: SPECS }, (_, i) => {
  const file = join(work, `spec-${String(i).padStart(3, '0')}.yaml`);
  writeFileSync(file, fixtureText.replace(/^  name: flux-sample$/m, `  name: flux-sample-${i}`));
  return file;
});
const severalArgs = specs.flatMap((file) => ['-f', file]);

interface Variant {
  key: string;
  label: string;
  argv: string[];
  times: number[];
}

const variants: Variant[] = [];
const add = (key: string, label: string, argv: string[]) => variants.push({ key, label, argv, times: [] });
add('nodeBare', 'node -e 0', ['-e', '0']);
const cliRows = (prefix: string, bin: string, name: string) => {
  add(`${prefix}oneSpec`, `${name} -f ONE.yaml`, [bin, '-f', specs[0]!]);
  add(`${prefix}help`, `${name} --help`, [bin, '--help']);
  add(`${prefix}hundredSpecs`, `${name} -f ... x${SPECS}`, [bin, ...severalArgs]);
};
cliRows('', BIN, 'minicluster-gen');
if (COMPARE) cliRows('compare.', COMPARE, 'compare');

/** One run's wall time from spawn to exit, its standard output to /dev/null. */
function timeRun(variant: Variant): number {
  const devNull = openSync('/dev/null', 'w');
  try {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, variant.argv, { stdio: ['ignore', devNull, 'pipe'], cwd: work });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${variant.label} exited with ${run.status}: ${String(run.stderr).slice(0, 400)}`);
    return ms;
  } finally {
    closeSync(devNull);
  }
}

/** What a run printed: the checks below make sure each variant does the work it is timed for. */
function output(argv: string[]): string {
  const run = spawnSync(process.execPath, argv, { encoding: 'utf8', cwd: work, maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${argv.join(' ').slice(0, 200)} exited with ${run.status}: ${run.stderr.slice(0, 400)}`);
  return run.stdout;
}
for (const bin of [BIN, ...(COMPARE ? [COMPARE] : [])]) {
  const one = output([bin, '-f', specs[0]!]);
  if (!/^kind: Job$/m.test(one)) throw new Error(`${bin} -f ONE.yaml printed no Job`);
  const many = output([bin, ...severalArgs]);
  const jobs = many.match(/^kind: Job$/gm)?.length ?? 0;
  if (jobs !== SPECS) throw new Error(`${bin} with ${SPECS} specs printed ${jobs} Jobs`);
  if (!output([bin, '--help']).includes('Usage')) throw new Error(`${bin} --help printed no usage`);
}

/**
 * The files of dist-cli that a run reads (the script, its code cache, any part loaded later),
 * seen through a preloaded hook on `fs`; a build that imports its bundle as an ES module instead
 * is reported by the size of the bundle files.
 */
function loadedFiles(bin: string, args: string[]): { file: string; bytes: number }[] {
  const distDir = join(dirname(dirname(bin)), 'dist-cli');
  const hook = join(work, 'read-hook.cjs');
  writeFileSync(
    hook,
    `const fs = require('node:fs');
const seen = new Set();
for (const name of ['readFileSync', 'openSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) { if (typeof path === 'string') seen.add(require('node:path').resolve(path)); return original.call(this, path, ...rest); };
}
process.on('exit', () => process._rawDebug('READ ' + JSON.stringify([...seen])));
`,
  );
  const run = spawnSync(process.execPath, ['--require', hook, bin, ...args], { encoding: 'utf8', cwd: work, maxBuffer: 256 * 1024 * 1024 });
  const line = run.stderr.split('\n').find((l) => l.startsWith('READ ')) ?? 'READ []';
  const read = (JSON.parse(line.slice(5)) as string[]).filter((file) => file.startsWith(distDir + '/'));
  const files = read.length > 0 ? read : readdirSync(distDir).filter((name) => /\.m?js$/.test(name)).map((name) => join(distDir, name));
  return files.map((file) => ({ file: basename(file), bytes: statSync(file).size }));
}

for (let round = -WARMUP_ROUNDS; round < RUNS; round++) {
  const offset = ((round % variants.length) + variants.length) % variants.length;
  const order = [...variants.slice(offset), ...variants.slice(0, offset)];
  for (const variant of order) {
    const ms = timeRun(variant);
    if (round >= 0) variant.times.push(ms);
  }
}

const ms = (key: string) => median(variants.find((v) => v.key === key)?.times ?? []);
const figures = (prefix: string) => {
  const oneSpecMs = ms(`${prefix}oneSpec`);
  const helpMs = ms(`${prefix}help`);
  const hundredSpecsMs = ms(`${prefix}hundredSpecs`);
  const nodeBareMs = ms('nodeBare');
  return {
    nodeBareMs,
    oneSpecMs,
    helpMs,
    hundredSpecsMs,
    ratios: {
      oneSpecToNodeBare: oneSpecMs / nodeBareMs,
      helpToNodeBare: helpMs / nodeBareMs,
      hundredSpecsToOneSpec: hundredSpecsMs / oneSpecMs,
    },
  };
};
const current = figures('');
const loaded = {
  oneSpec: loadedFiles(BIN, ['-f', specs[0]!]),
  help: loadedFiles(BIN, ['--help']),
};

const fmt = (n: number) => n.toFixed(1).padStart(8);
const ratio = (n: number) => `${n.toFixed(2)}x`.padStart(7);
console.log(`CLI start, ${RUNS} interleaved rounds, medians (node ${process.version}):`);
console.log(`${'run'.padEnd(44)}${'ms'.padStart(8)}  ratio to its floor (goal)`);
const rows = (prefix: string, name: string) => {
  const f = prefix === '' ? current : figures(prefix);
  console.log(`${`${name} -f ONE.yaml`.padEnd(44)}${fmt(f.oneSpecMs)}  ${ratio(f.ratios.oneSpecToNodeBare)} node -e 0 (<= 1.5x)`);
  console.log(`${`${name} --help`.padEnd(44)}${fmt(f.helpMs)}  ${ratio(f.ratios.helpToNodeBare)} node -e 0`);
  console.log(`${`${name} -f x${SPECS} (distinct MiniClusters)`.padEnd(44)}${fmt(f.hundredSpecsMs)}  ${ratio(f.ratios.hundredSpecsToOneSpec)} one spec (<= 2x)`);
  return f;
};
console.log(`${'node -e 0'.padEnd(44)}${fmt(current.nodeBareMs)}`);
rows('', 'minicluster-gen');
const compared = COMPARE ? rows('compare.', 'compare') : undefined;
if (COMPARE) console.log(`compare = ${COMPARE}`);
const describeLoaded = (files: { file: string; bytes: number }[]) =>
  `${files.map((f) => `${f.file} ${(f.bytes / 1024).toFixed(0)} KiB`).join(' + ')} = ${(files.reduce((s, f) => s + f.bytes, 0) / 1024).toFixed(0)} KiB`;
console.log(`files read from dist-cli, -f ONE.yaml: ${describeLoaded(loaded.oneSpec)}`);
console.log(`files read from dist-cli, --help:      ${describeLoaded(loaded.help)}`);

mkdirSync(join(ROOT, '.bench'), { recursive: true });
writeFileSync(
  join(ROOT, '.bench', 'cli.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      runs: RUNS,
      ...current,
      goals: { oneSpecToNodeBare: 1.5, hundredSpecsToOneSpec: 2 },
      loadedFiles: loaded,
      ...(compared ? { compare: { bin: COMPARE, ...compared } } : {}),
    },
    null,
    2,
  )}\n`,
);
rmSync(work, { recursive: true, force: true });
