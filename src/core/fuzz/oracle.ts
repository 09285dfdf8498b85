/**
 * What must hold for any input, however broken, over the public API (the core's façade and the
 * CLI): nothing throws, every call returns within CALL_LIMIT_MS, output reads back as what was
 * rendered, every generated object passes the object checkers, every diagnostic is one line at a
 * position inside the file, and a form edit leaves every line outside the edited field as it was.
 *
 * `checkCase` returns the broken promises as Failures (empty when all is well) rather than
 * throwing, so that a long run can tell failures apart and keep going.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { runCli } from '../../cli/main.ts';
import { editableLines, lineAt, linesOf, linesRewrittenOutside } from '../edit/editScope.ts';
import { ObjectTooLarge } from '../common/objectLimits.ts';
import {
  EDIT_PARSE_OPTIONS,
  analyzeFile,
  applySpecEdit,
  generateAny,
  migrateV1alpha1,
  parseSpecText,
  renderJson,
  renderYaml,
  valueAt,
  type Diagnostic,
  type DocumentRange,
  type FileAnalysis,
  type Manifest,
  type OutputOptions,
  type PathSegment,
  type ResolvedAny,
  type SpecEdit,
} from '../index.ts';
import { yamlRoundTripProblems } from '../render/index.ts';
import { clusterModel } from '../cluster/build.ts';
import { foldTree, MAX_DRAWN } from '../cluster/fold.ts';
import { treeLines } from '../cluster/tree.ts';
import { yamlDocuments } from '../parse/documents.ts';
import { apiServerProblems } from '../testing/apiServerRules.ts';
import { corpus } from '../testing/corpus.ts';
import { validateAgainstJobSetCrd } from '../testing/jobSetSchema.ts';
import { validateAgainstKubernetes } from '../testing/kubernetesSchema.ts';
import { TEST_KEYS } from '../testing/testKeys.ts';

/** The one time guard of the test suite: any single call of the public API slower than this fails the case. */
export const CALL_LIMIT_MS = 2000;

export interface Failure {
  /** Which promise was broken: `throws`, `warning`, `slow`, `round-trip`, `object`, `diagnostic`, `analysis`, `edit`, `cli`. */
  check: string;
  /** The call that broke it, with its options. */
  api: string;
  message: string;
}

/** A check of generated objects: what is wrong with them, one line each; empty when nothing is. */
export interface ObjectChecker {
  name: string;
  check: (manifests: readonly Manifest[]) => string[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

const kubernetesSchema: ObjectChecker = {
  name: 'kubernetes schema',
  check: (manifests) =>
    manifests.flatMap((m) => {
      try {
        validateAgainstKubernetes(m);
        return [];
      } catch (error) {
        return [`${m.kind} ${m.metadata.name}: ${messageOf(error)}`];
      }
    }),
};

/** The JobSet CRD comes with the upstream corpus; without one, JobSets get only their Jobs checked. */
const jobSetCrd: ObjectChecker[] = corpus
  ? [
      {
        name: 'JobSet CRD',
        check: (manifests) =>
          manifests
            .filter((m) => m.kind === 'JobSet')
            .flatMap((m) => {
              try {
                validateAgainstJobSetCrd(m, corpus!.jobSetCrd);
                return [];
              } catch (error) {
                return [messageOf(error)];
              }
            }),
      },
    ]
  : [];

// Compiling the CRD's schema takes seconds: done here, not in the first case's checks.
if (corpus) {
  try {
    validateAgainstJobSetCrd({ apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet', metadata: { name: 'warm-up' } }, corpus.jobSetCrd);
  } catch {
    // The warm-up object is not a valid JobSet; only the compiled schema matters.
  }
}

const apiServerRules: ObjectChecker = { name: 'API server rules (docs/api-server-rules.md)', check: (manifests) => apiServerProblems(manifests) };

/** The checks every generated set of objects goes through. */
export const objectCheckers: ObjectChecker[] = [kubernetesSchema, apiServerRules, ...jobSetCrd];

/** The output options a case is analysed and generated with (besides none), and the CLI's flags for them. */
export const OUTPUT_CHOICES: ReadonlyArray<{ output: OutputOptions; flags: string[] }> = [
  { output: { workload: 'jobset' }, flags: ['--workload', 'jobset'] },
  { output: { queue: 'team-a' }, flags: ['--queue', 'team-a'] },
  { output: { certSecret: true }, flags: ['--cert-secret'] },
  { output: { succeedOnLead: true }, flags: ['--succeed-on-lead'] },
  {
    output: { workload: 'jobset', queue: 'team-a', priorityClass: 'high', certSecret: true, succeedOnLead: true },
    flags: ['--workload=jobset', '--queue=team-a', '--priority-class=high', '--cert-secret', '--succeed-on-lead'],
  },
  { output: { gang: 'coscheduling', gangTimeout: 120 }, flags: ['--gang', 'coscheduling', '--gang-timeout', '120'] },
  { output: { gang: 'volcano', gangQueue: 'hpc', workload: 'jobset' }, flags: ['--gang=volcano', '--gang-queue=hpc', '--workload=jobset'] },
];

/** Edits the form makes: a scalar, a multi-line command, a map, a list item, a removed field. */
export const EDITS: readonly SpecEdit[] = [
  { op: 'set', path: ['metadata', 'name'], value: 'fuzz-name' },
  { op: 'set', path: ['spec', 'size'], value: 3 },
  { op: 'set', path: ['spec', 'containers', 0, 'image'], value: 'busybox:1.36' },
  { op: 'set', path: ['spec', 'containers', 0, 'command'], value: 'echo one\necho two' },
  { op: 'clear', path: ['spec', 'tasks'] },
  { op: 'set', path: ['spec', 'logging', 'quiet'], value: false },
  { op: 'set', path: ['spec', 'containers', 0, 'environment'], value: { FUZZ: 'a b' } },
  { op: 'add', path: ['spec', 'containers', 0, 'ports'], value: 8080 },
  { op: 'clear', path: ['spec', 'containers', 0, 'workingDir'] },
  { op: 'set', path: ['spec', 'flux', 'logLevel'], value: 7 },
];

/** What a case runs besides the plain analysis: which output options, which edits, which CLI flags. */
export interface Choices {
  output: number;
  edit: number;
}

// ---------------------------------------------------------------------------------------------

/** Line breaks, escapes, C0/C1 controls and bidirectional overrides: none belongs in a one-line message. */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const show = (s: string) => JSON.stringify(s.length > 160 ? `${s.slice(0, 160)}…` : s);

/** Lines as the editor (Monaco) counts them, where the app puts its markers: split at LF, CRLF and a lone CR. */
const lineLengths = (text: string): number[] => text.split(/\r\n|\r|\n/).map((l) => l.length);

function positionProblem(lines: readonly number[], line: number, column: number): string | undefined {
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return `line ${line} is outside the file's ${lines.length} lines`;
  const length = lines[line - 1] as number;
  if (!Number.isInteger(column) || column < 1 || column > length + 1) return `column ${column} is outside line ${line} (${length} characters)`;
  return undefined;
}

/** Why a diagnostic is not one line at a position inside `text`, or undefined. */
export function diagnosticProblem(text: string, d: Pick<Diagnostic, 'message' | 'path' | 'line' | 'column' | 'endLine' | 'endColumn'>): string | undefined {
  const where = `${d.path || '(document)'}:${d.line}:${d.column}`;
  if (d.message.trim() === '') return `${where}: empty message`;
  if (NOT_ONE_LINE.test(d.message)) return `${where}: the message has a control or line-break character: ${show(d.message)}`;
  if (NOT_ONE_LINE.test(d.path)) return `${where}: the path has a control or line-break character: ${show(d.path)}`;
  const lines = lineLengths(text);
  const start = positionProblem(lines, d.line, d.column);
  if (start) return `${where}: start ${start} (${show(d.message)})`;
  if (d.endLine !== undefined || d.endColumn !== undefined) {
    const endLine = d.endLine ?? d.line;
    const endColumn = d.endColumn ?? d.column;
    const end = positionProblem(lines, endLine, endColumn);
    if (end) return `${where}: end ${end} (${show(d.message)})`;
    if (endLine < d.line || (endLine === d.line && endColumn < d.column)) return `${where}: ends at ${endLine}:${endColumn}, before it starts`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/** How long each call of the public API took, over every case of this process: for `npm run fuzz`'s summary. */
export const callTimes = new Map<string, { calls: number; totalMs: number; maxMs: number }>();

class Run {
  readonly failures: Failure[] = [];

  fail(check: string, api: string, message: string): void {
    this.failures.push({ check, api, message });
  }

  /**
   * Calls `fn`, turning an exception, a process warning or (when `guarded`: a call of the public
   * API, not one of the oracle's own checks) a call over the limit into a failure.
   */
  call<T>(api: string, fn: () => T, guarded = true): T | undefined {
    const start = performance.now();
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning: string | Error) => this.fail('warning', api, String(warning))) as typeof process.emitWarning;
    try {
      return fn();
    } catch (error) {
      this.fail('throws', api, `${messageOf(error)}${stackTop(error)}`);
      return undefined;
    } finally {
      process.emitWarning = emitWarning;
      if (guarded) this.timed(api, start);
    }
  }

  async callAsync<T>(api: string, fn: () => Promise<T>): Promise<T | undefined> {
    const start = performance.now();
    try {
      return await fn();
    } catch (error) {
      this.fail('throws', api, `${messageOf(error)}${stackTop(error)}`);
      return undefined;
    } finally {
      this.timed(api, start);
    }
  }

  private timed(api: string, start: number): void {
    const ms = performance.now() - start;
    const name = api.replace(/\(.*$/s, '');
    const time = callTimes.get(name) ?? { calls: 0, totalMs: 0, maxMs: 0 };
    time.calls++;
    time.totalMs += ms;
    time.maxMs = Math.max(time.maxMs, ms);
    callTimes.set(name, time);
    if (ms > CALL_LIMIT_MS) this.fail('slow', api, `took ${Math.round(ms)} ms (limit ${CALL_LIMIT_MS} ms)`);
  }

  diagnostics(api: string, text: string, diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      const problem = diagnosticProblem(text, d);
      if (problem) this.fail('diagnostic', api, problem);
    }
  }
}

/** The first frame of the stack inside the project, to tell apart failures with the same message. */
function stackTop(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = stack.split('\n').find((l) => /src\/(core|cli)\//.test(l) && !l.includes('/fuzz/'));
  return frame ? ` (${frame.trim().replace(/^at /, 'at ').replace(/\(.*?src\//, '(src/')})` : '';
}

function checkObjects(run: Run, api: string, manifests: readonly Manifest[], checkers: readonly ObjectChecker[]): void {
  for (const checker of checkers) {
    const problems = run.call(`${checker.name} of ${api}`, () => checker.check(manifests), false) ?? [];
    for (const p of problems) run.fail('object', api, `${checker.name}: ${p}`);
  }
  const yaml = run.call(`renderYaml(${api})`, () => renderYaml(manifests));
  if (yaml !== undefined) {
    for (const p of run.call('yamlRoundTripProblems', () => yamlRoundTripProblems(manifests, yaml), false) ?? []) run.fail('round-trip', `renderYaml(${api})`, p);
  }
  const json = run.call(`renderJson(${api})`, () => renderJson(manifests));
  if (json !== undefined) {
    const back = run.call('JSON.parse', () => JSON.parse(json) as unknown, false);
    const expected = JSON.parse(JSON.stringify(manifests)) as unknown;
    const asList = Array.isArray(back) ? back : (back as { items?: unknown[] } | undefined)?.items ?? [back];
    if (!isDeepStrictEqual(asList, expected) && !isDeepStrictEqual(back, expected)) run.fail('round-trip', `renderJson(${api})`, 'the JSON does not parse back to the objects');
  }
}

function checkAnalysis(run: Run, text: string, output: OutputOptions | undefined, checkers: readonly ObjectChecker[]): FileAnalysis | undefined {
  const label = output ? `analyzeFile(text, { output: ${JSON.stringify(output)} })` : 'analyzeFile(text)';
  const file = run.call(label, () => analyzeFile(text, output ? { output } : {}));
  if (!file) return undefined;
  run.diagnostics(label, text, file.diagnostics);
  for (const spec of file.specs) {
    run.diagnostics(label, text, spec.analysis.diagnostics);
    const { resolved } = spec.analysis;
    if (!resolved) continue;
    if (spec.analysis.diagnostics.some((d) => d.severity === 'error')) run.fail('analysis', label, 'a spec with errors resolved');
    const api = `generateAny(${resolved.version}${output ? `, ${JSON.stringify(output)}` : ''})`;
    const manifests = run.call(api, () => {
      try {
        return generateAny(resolved, { keys: TEST_KEYS, ...(output ? { output } : {}) });
      } catch (error) {
        // Generation refusing an object the API server would refuse is a kept promise, with a reason in one line.
        if (!(error instanceof ObjectTooLarge)) throw error;
        if (NOT_ONE_LINE.test(error.message)) run.fail('object', api, `unclear reason ${show(error.message)}`);
        return undefined;
      }
    });
    if (manifests) checkObjects(run, api, manifests, checkers);
    if (manifests) checkClusterPicture(run, api, resolved, manifests, output);
  }
  return file;
}

/**
 * The cluster picture of a generated spec: every rank up to maxSize once, each under an earlier
 * rank (every topology flux-core has puts a parent before its children), offline from `size` on;
 * the text form one line per rank; the folded tree bounded and covering every rank once.
 */
function checkClusterPicture(run: Run, api: string, resolved: ResolvedAny, manifests: readonly Manifest[], output: OutputOptions | undefined): void {
  const label = `clusterModel(${api})`;
  const model = run.call(label, () => clusterModel(resolved, manifests, output));
  if (!model) return;
  const fail = (message: string) => run.fail('object', label, message);
  if (model.ranks.length !== model.maxSize) fail(`${model.ranks.length} ranks for maxSize ${model.maxSize}`);
  for (const [i, rank] of model.ranks.entries()) {
    const problem =
      rank.rank !== i ? `rank ${rank.rank} at index ${i}`
      : (rank.parent === null) !== (i === 0) ? `rank ${i} has parent ${String(rank.parent)}`
      : rank.parent !== null && !(rank.parent >= 0 && rank.parent < i) ? `rank ${i} hangs under rank ${rank.parent}`
      : rank.offline !== i >= model.size ? `rank ${i} offline is ${String(rank.offline)} at size ${model.size}`
      : undefined;
    if (problem) {
      fail(problem);
      break;
    }
  }
  const lines = run.call(`treeLines(${api})`, () => treeLines(model));
  if (lines && lines.length !== model.ranks.length) fail(`the text form has ${lines.length} lines for ${model.ranks.length} ranks`);
  const folded = run.call(`foldTree(${api})`, () => foldTree(model.ranks, model.size));
  if (!folded) return;
  if (folded.nodes.length > MAX_DRAWN) fail(`${folded.nodes.length} nodes drawn, more than ${MAX_DRAWN}`);
  const covered = folded.nodes.reduce((sum, node) => sum + (node.kind === 'rank' ? 1 : node.count), 0);
  if (covered !== model.ranks.length) fail(`the folded tree covers ${covered} of ${model.ranks.length} ranks`);
}

function checkMigration(run: Run, text: string): void {
  const result = run.call('migrateV1alpha1', () => migrateV1alpha1(text));
  if (!result) return;
  run.diagnostics('migrateV1alpha1', text, result.diagnostics);
  for (const note of result.notes) {
    const problem = diagnosticProblem(text, { ...note, endLine: undefined, endColumn: undefined });
    if (problem) run.fail('diagnostic', 'migrateV1alpha1 note', problem);
  }
  if (result.text === undefined) return;
  const migrated = result.text;
  const docs = parseAllDocuments(migrated);
  const errors = Array.isArray(docs) ? docs.flatMap((d) => d.errors) : [];
  if (errors.length > 0) run.fail('round-trip', 'migrateV1alpha1', `the migrated text is not valid YAML: ${errors[0]?.message.split('\n')[0]}`);
  const again = run.call('analyzeFile(migrated text)', () => analyzeFile(migrated));
  if (again) for (const s of again.specs) run.diagnostics('analyzeFile(migrated text)', migrated, s.analysis.diagnostics);
}

// ---------------------------------------------------------------------------------------------
// Form edits.

/**
 * A document as people and the form write it: printable ASCII, line feeds, no flow collections,
 * anchors, aliases, merge keys or tags, nothing the parser warns about, and written just as the
 * `yaml` package prints it (in either list style). An edit of such a document can always keep the
 * other lines, so refusing one for them means the product's idea of the edit's lines
 * (editScope.ts) is too narrow. Judged without that code, which the successful edits are checked
 * against.
 */
function isPlainDocument(text: string, target: DocumentRange | undefined): boolean {
  const range = target ?? yamlDocuments(text)[0];
  if (!range) return false;
  const source = text.slice(range.start, range.end);
  if (!/^[\x20-\x7e\n]*$/.test(source) || /[{}[\]&*!]|<</.test(source)) return false;
  if (!parseSpecText(source).diagnostics.every((d) => d.severity === 'info')) return false;
  const doc = parseDocument(source, EDIT_PARSE_OPTIONS);
  return [false, true].some((indentSeq) => doc.toString({ lineWidth: 0, indentSeq }) === source);
}

function checkEdit(run: Run, text: string, edit: SpecEdit, target: DocumentRange | undefined): void {
  const api = `applySpecEdit(text, ${JSON.stringify(edit)}${target ? `, ${JSON.stringify(target)}` : ''})`;
  const result = run.call(api, () => applySpecEdit(text, edit, target));
  if (!result) return;
  if (!result.ok) {
    if (result.reason.trim() === '' || NOT_ONE_LINE.test(result.reason)) run.fail('edit', api, `unclear reason ${show(result.reason)}`);
    if (result.reason.includes(' without also rewriting ') && isPlainDocument(text, target)) run.fail('edit', api, `refused in an ordinary document: ${show(result.reason)}`);
    return;
  }
  const range = target ?? run.call('yamlDocuments', () => yamlDocuments(text)[0], false);
  if (!range) return;
  const source = text.slice(range.start, range.end);
  const allowed = run.call('editableLines', () => editableLines(source, parseDocument(source, EDIT_PARSE_OPTIONS) as Document, edit), false);
  if (allowed === undefined) return;
  const firstLine = lineAt(text, range.start);
  const [from, to] = [allowed[0] + firstLine, allowed[1] + firstLine];
  // The whole file's lines: those of the other documents must stay too.
  const outside = linesRewrittenOutside(text, result.text, [from, to]);
  if (outside) {
    const before = linesOf(text);
    run.fail('edit', api, `rewrote lines ${outside[0] + 1}-${outside[1] + 1}, outside the edited field's lines ${from + 1}-${to + 1}: ${show(before.slice(outside[0], outside[1] + 1).join(''))}`);
    return;
  }
  // A spec that read without errors still does after the edit, with the edited value.
  if (parseSpecText(text.slice(range.start, range.end)).diagnostics.some((d) => d.severity === 'error')) return;
  const reread = run.call('parseSpecText(edited)', () => parseSpecText(result.text.slice(range.start, range.end + result.text.length - text.length)), false);
  if (!reread || reread.diagnostics.some((d) => d.severity === 'error')) {
    run.fail('edit', api, `the edited text does not parse: ${show(reread?.diagnostics.find((d) => d.severity === 'error')?.message ?? '')}`);
    return;
  }
  const path = edit.path as PathSegment[];
  const now = valueAt(reread.value, path);
  const expected = edit.op === 'set' ? edit.value : undefined;
  if (edit.op === 'add') {
    if (!Array.isArray(now) || !isDeepStrictEqual(now[now.length - 1], edit.value)) run.fail('edit', api, `the list reads ${show(JSON.stringify(now) ?? 'nothing')} after the edit`);
  } else if (!isDeepStrictEqual(now, expected)) {
    run.fail('edit', api, `the field reads ${show(JSON.stringify(now) ?? 'nothing')} after the edit, not ${show(JSON.stringify(expected) ?? 'nothing')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The CLI, in process.

async function checkCli(run: Run, text: string, args: string[], checkers: readonly ObjectChecker[]): Promise<void> {
  const api = `runCli(${JSON.stringify(args)})`;
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), readStdin: () => text };
  const code = await run.callAsync(api, () => runCli(args, io));
  if (code === undefined) return;
  if (code !== 0 && code !== 1) run.fail('cli', api, `exit status ${code} for a readable file`);
  for (const line of stderr.split('\n')) if (NOT_ONE_LINE.test(line)) run.fail('cli', api, `stderr has a control character: ${show(line)}`);
  if (code !== 0) return;
  if (args.includes('--migrate')) return;
  if (stdout === '') return;
  if (args.includes('json')) {
    const back = run.call(`JSON.parse(${api})`, () => JSON.parse(stdout) as unknown, false);
    const items = Array.isArray(back) ? back : ((back as { items?: unknown[] } | undefined)?.items ?? [back]);
    checkObjectList(run, api, items, checkers);
    return;
  }
  const docs = parseAllDocuments(stdout);
  const list = Array.isArray(docs) ? docs : [];
  const errors = list.flatMap((d) => d.errors);
  if (errors.length > 0) run.fail('round-trip', api, `stdout is not valid YAML: ${errors[0]?.message.split('\n')[0]}`);
  else checkObjectList(run, api, list.map((d) => d.toJS() as unknown), checkers);
}

function checkObjectList(run: Run, api: string, items: unknown[], checkers: readonly ObjectChecker[]): void {
  const manifests = items.filter((x): x is Manifest => typeof x === 'object' && x !== null && 'kind' in x);
  if (manifests.length !== items.length) run.fail('cli', api, 'the output holds something that is not an object');
  for (const checker of checkers) for (const p of run.call(`${checker.name} of ${api}`, () => checker.check(manifests), false) ?? []) run.fail('object', api, `${checker.name}: ${p}`);
}

// ---------------------------------------------------------------------------------------------

/** Every check on one input text; the choices pick the output options, the edits and the CLI's flags. */
export async function checkCase(text: string, choices: Choices, checkers: readonly ObjectChecker[] = objectCheckers): Promise<Failure[]> {
  const run = new Run();
  const { output, flags } = OUTPUT_CHOICES[choices.output % OUTPUT_CHOICES.length]!;
  const plain = checkAnalysis(run, text, undefined, checkers);
  checkAnalysis(run, text, output, checkers);
  if (/v1alpha1/.test(text)) checkMigration(run, text);

  const first = plain?.specs[0]?.document;
  const target = plain && plain.documents.length > 1 && first ? { start: first.start, end: first.end } : undefined;
  for (const edit of [EDITS[choices.edit % EDITS.length]!, EDITS[Math.floor(choices.edit / EDITS.length) % EDITS.length]!]) checkEdit(run, text, edit, target);

  const format = Math.floor(choices.edit / 100) % 2 === 0 ? [] : ['--format', 'json'];
  await checkCli(run, text, ['-f', '-', ...flags, ...format], checkers);
  if (/v1alpha1/.test(text)) await checkCli(run, text, ['--migrate', '-f', '-'], checkers);
  return dedupe(run.failures);
}

function dedupe(failures: Failure[]): Failure[] {
  const seen = new Set<string>();
  return failures.filter((f) => {
    const key = `${f.check}|${f.api}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What tells one failure from another in a long run: the check, the call without its arguments
 * and the message with its numbers and quoted text blanked out.
 */
export function signatureOf(failure: Failure): string {
  const api = failure.api.replace(/\(.*$/s, '');
  const message = failure.message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
  return `${failure.check} | ${api} | ${message}`;
}
