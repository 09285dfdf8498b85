/**
 * The speed table of `npm run bench`: each figure next to the floor it is held to, both measured in
 * the same run by the benchmark that wrote them (.bench/app.json, paste-everyday.json, cli.json),
 * with the ratio and the goal. Where a benchmark also measured an older build (BENCH_BEFORE_DIST,
 * BENCH_DISTS, BENCH_CLI_COMPARE, or .bench/app-before.json from BENCH_DIST=… BENCH_OUT=app-before),
 * its figure is in a "before" column. Prints the table as Markdown (for docs/performance.md) and
 * writes .bench/summary.json. A benchmark that did not run leaves its rows out and says so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

interface Row {
  what: string;
  before: string;
  measured: string;
  floor: string;
  ratio: string;
  goal: string;
  met: boolean;
}

const read = (name: string, optional = false): Record<string, any> | undefined => {
  const file = `.bench/${name}.json`;
  if (!existsSync(file)) {
    if (!optional) console.log(`(${file} is missing: run its benchmark first)`);
    return undefined;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
};

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;

const rows: Row[] = [];
const app = read('app')?.['summary'];
const appBefore = read('app-before', true)?.['summary'];
if (app) {
  const first = app.firstOutputMs.median as number;
  const floor = app.firstOutputFloorMs.median as number;
  rows.push({
    what: `first generated object on screen, new tab (median of ${app.firstOutputMs.loads})`,
    before: app.before ? `${ms(app.before.firstObjectMs)} (${times(app.before.firstObjectMs / floor)})` : '',
    measured: ms(first),
    floor: `static page, same text: ${ms(floor)}`,
    ratio: times(first / floor),
    goal: '≤ 3×',
    met: first <= 3 * floor,
  });
  const runs = app.typingRuns as Array<{ worstExampleP95Ms: number }>;
  const worst = Math.max(...runs.map((r) => r.worstExampleP95Ms));
  const runsBefore = (appBefore?.typingRuns ?? []) as Array<{ worstExampleP95Ms: number }>;
  rows.push({
    what: `a typed key to the preview, worst example's p95, ${runs.length} runs in a row`,
    before: runsBefore.map((r) => ms(r.worstExampleP95Ms)).join(', '),
    measured: runs.map((r) => ms(r.worstExampleP95Ms)).join(', '),
    floor: 'the 16 ms frame',
    ratio: times(worst / 16),
    goal: '≤ 16 ms in each run',
    met: runs.length >= 3 && worst <= 16,
  });
}
const paste = read('paste-everyday');
if (paste) {
  // To the preview painted: the frame that shows it, not only React's commit (totalMs).
  const { median, p95 } = paste['paintedMs'] as { median: number; p95: number };
  const older = Object.entries((paste['variants'] ?? {}) as Record<string, { paintedMs: { median: number; p95: number } }>).slice(1)[0]?.[1];
  rows.push({
    what: `an everyday spec pasted over another, keydown to the preview painted (${paste['samples']} pastes)`,
    before: older ? `median ${ms(older.paintedMs.median)}, p95 ${ms(older.paintedMs.p95)}` : '',
    measured: `median ${ms(median)}, p95 ${ms(p95)}`,
    floor: '—',
    ratio: '—',
    goal: 'median ≤ 20 ms, p95 ≤ 50 ms',
    met: median <= 20 && p95 <= 50,
  });
}
const cli = read('cli');
if (cli) {
  const older = cli['compare'] as { oneSpecMs: number; hundredSpecsMs: number } | undefined;
  rows.push({
    what: '`minicluster-gen -f spec.yaml`, wall (median)',
    before: older ? `${ms(older.oneSpecMs)} (${times(older.oneSpecMs / cli['nodeBareMs'])})` : '',
    measured: ms(cli['oneSpecMs']),
    floor: `\`node -e 0\`: ${ms(cli['nodeBareMs'])}`,
    ratio: times(cli['oneSpecMs'] / cli['nodeBareMs']),
    goal: '≤ 1.5×',
    met: cli['oneSpecMs'] <= 1.5 * cli['nodeBareMs'],
  });
  rows.push({
    what: '100 specs in one process (`-f` × 100), wall (median)',
    before: older ? `${ms(older.hundredSpecsMs)} (${times(older.hundredSpecsMs / older.oneSpecMs)})` : '',
    measured: ms(cli['hundredSpecsMs']),
    floor: `one spec in one process: ${ms(cli['oneSpecMs'])}`,
    ratio: times(cli['hundredSpecsMs'] / cli['oneSpecMs']),
    goal: '≤ 2×',
    met: cli['hundredSpecsMs'] <= 2 * cli['oneSpecMs'],
  });
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const table = [
  `Measured ${date} on ${machine}.`,
  '',
  '| what | before | now | floor (same run) | ratio | goal | met |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.what} | ${r.before || '—'} | ${r.measured} | ${r.floor} | ${r.ratio} | ${r.goal} | ${r.met ? 'yes' : '**no**'} |`),
];
if (app) {
  table.push(
    '',
    `Beside them: the app's own first output (live, real keys) ${ms(app.appFirstOutputMs.median)}; a returning user's first object (autosaved spec, no first screen) ${ms(app.returningUserFirstObjectMs.median)}, by the app's own mark ${ms(app.returningUserAppOutputMs.median)}${app.before ? ` (before: ${ms(app.before.returningUserAppOutputMs)})` : ''}; a brand-new window ${ms(app.firstOutputNewWindowMs.median)}.`,
  );
}
console.log(`\n${table.join('\n')}\n`);
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/summary.json', JSON.stringify({ date, machine, rows }, null, 2));
