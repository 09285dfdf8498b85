/** `minicluster-gen`: a thin command-line adapter over the core. */
import './zodJitless.ts';
// The core's modules themselves, not its index: a run starts only what it uses (not the form's
// field catalog, not the migration unless it migrates).
import { analyzeFile, fileDiagnostics, sharedServiceMessage } from '../core/fileAnalysis.ts';
import { generateAny, includeLettersFor, type ResolvedAny } from '../core/pipeline.ts';
import type { MiniClusterVersion } from '../core/common/apiVersions.ts';
import type { Manifest } from '../core/common/kobject.ts';
import type { GenerateOptions } from '../core/common/generation.ts';
import { ObjectTooLarge } from '../core/common/objectLimits.ts';
import { printable, quote } from '../core/common/quoteText.ts';
import { DEFAULT_MAX_BYTES, tooLargeMessage } from '../core/parse/tooLarge.ts';
import { readCurveCert } from '../core/curve/certReader.ts';
import { z85Encode } from '../core/curve/z85.ts';
import { clusterModel } from '../core/cluster/build.ts';
import { treeText, treeTextLength } from '../core/cluster/tree.ts';
import { renderJson, renderYaml } from '../core/render/index.ts';
import { join } from 'node:path';
import { answerWithoutInput } from './answers.ts';
import { HELP_HINT, parseArgs, UsageError, type CliOptions } from './args.ts';
import { commandsOutput } from './commands.ts';
import { diagnosticLine } from './diagnosticLine.ts';
import { diagnosticsOutput, STDIN_NAME, type DiagnosticsOutput } from './diagnosticsOutput.ts';
import { listInputs, type InputEntry, type InputList } from './inputList.ts';
import { OutputDirError, prepareOutputDir, writeOutputFiles } from './outputDir.ts';
import { inputFolderNames, objectFileName } from './outputNames.ts';
import { nodeKeypair } from './nodeKeypair.ts';
import { NotRegularFile, ReadError, readFileLimited, readIdentified, readStreamLimited, type ReadResult } from './readLimited.ts';
import { shownName } from './shownName.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input: the whole text, or its chunks as they come (read only up to the size limit). */
  readStdin: () => string | AsyncIterable<Uint8Array | string>;
  /** Told when the run has several inputs to read, before the first (the process tunes V8 then). */
  severalInputs?: () => void;
}

const EXIT_OK = 0;
const EXIT_SPEC = 1;
const EXIT_USAGE = 2;

/** A CURVE certificate is a few hundred bytes; a file far larger is the wrong file, not a certificate. */
const CERT_MAX_BYTES = 64 * 1024;

/** A usage fault: one line, then where the help is. */
function usageFault(io: CliIo, message: string): number {
  io.stderr(`minicluster-gen: ${message}\n${HELP_HINT}\n`);
  return EXIT_USAGE;
}

function generateKeys(): { publicKey: string; secretKey: string } {
  const pair = nodeKeypair();
  return { publicKey: z85Encode(pair.publicKey), secretKey: z85Encode(pair.secretKey) };
}

/** The letters of `-i` that select nothing in a MiniCluster of this version (v in v1alpha2). */
function lackingLetters(include: string, version: MiniClusterVersion): string[] {
  const applicable = includeLettersFor(version);
  return [...new Set(include)].filter((letter) => !applicable.includes(letter));
}

function lackingNote(include: string, version: MiniClusterVersion, lacking: readonly string[]): string {
  const why = version === 'v1alpha2' && lacking.includes('v') ? ' (its volumes are part of the Job)' : '';
  return `-i ${include}: ${version} has no objects for ${lacking.join(', ')}${why}; its letters are ${includeLettersFor(version)}.`;
}

/**
 * `--curve-cert` on a spec that has its own `flux.curveCert`: the flag wins, as a flag given on the
 * command line overrides the file it reads (like kubectl's flags). The core always prefers the
 * spec's certificate (`certificateFor`), so the spec's is replaced in `resolved` (this run's own
 * copy), and one note says which certificate is used, since the output no longer matches the file.
 */
function applyCurveCertFlag(resolved: ResolvedAny, certificate: string, files: { spec: string; cert: string }, io: CliIo): void {
  const flux = resolved.cluster.spec.flux;
  if (!flux.curveCert) return;
  flux.curveCert = certificate;
  io.stderr(
    `minicluster-gen: note: using the CURVE certificate from --curve-cert ${files.cert}, not spec.flux.curveCert in ${files.spec}: ` +
      'a flag on the command line overrides the spec.\n',
  );
}

/** One input, read: `file` names it in diagnostics (the path as given), `shown` in messages. */
interface Input {
  file: string;
  shown: string;
  text: string;
  /** Its folder inside --output-dir when there are several inputs. */
  folder: string;
  /** Where each of its MiniClusters starts, in the order of the clusters a mode is given. */
  starts: { line: number; column: number }[];
}

/** What a run keeps from one input to the next. */
interface Run {
  options: CliOptions;
  io: CliIo;
  report: DiagnosticsOutput;
  several: boolean;
  certificate?: { text: string; shown: string };
  /** Regular files read so far, by device and inode, with their shown names. */
  seen: Map<string, string>;
  /** Inputs that could not be used: the --help pointer is printed once, after all of them. */
  faults: number;
  /** Objects printed at the end: a JSON List holds every input's objects. */
  pending: Manifest[];
  outputDirReady: boolean;
  /** Set by a fault that every later input would meet too (an --output-dir that cannot be made). */
  stopped: boolean;
  /** `--commands`: the MiniClusters the commands are about. */
  forCommands: ResolvedAny[];
  /** Each MiniCluster's NAMESPACE/NAME so far, with where it is: two inputs must not share one. */
  clusterNames: Map<string, string>;
  /** Each MiniCluster's headless Service as NAMESPACE/NAME, with where it is: nor one of these. */
  serviceNames: Map<string, string>;
  /** `--tree`: the trees printed so far (a blank line goes between two). */
  treesPrinted: number;
}

/**
 * What a mode does with an input whose MiniClusters have no errors: the analysis, the
 * diagnostics and the `-i` check are the same for every mode. A new mode is one more of these.
 */
type InputMode = (input: Input, clusters: ResolvedAny[], run: Run) => Promise<number>;

/** Objects as the flags ask: a JSON List or a YAML stream. */
function renderObjects(objects: Manifest[], options: CliOptions): string {
  return options.format === 'json'
    ? renderJson(objects)
    : renderYaml(objects, { keyOrder: options.sortKeys ? 'sorted' : 'kubernetes', legacySeparator: options.legacySeparator });
}

/** `--check`: the analysis was all; nothing is written and no keypair is made. */
const checkOnly: InputMode = async () => EXIT_OK;

/** `--commands` without `--output-dir`: the commands are printed instead of the objects. */
const commandsOnly: InputMode = async () => EXIT_OK;

/** `--commands`: the MiniClusters whose objects were made, for the commands printed at the end. */
function keptForCommands(mode: InputMode): InputMode {
  return async (input, clusters, run) => {
    const status = await mode(input, clusters, run);
    if (status === EXIT_OK) run.forCommands.push(...clusters);
    return status;
  };
}

/**
 * `--tree`: each MiniCluster's broker tree. The tree reads the pods and Services of the objects
 * the other modes would print, so they are made the same way (with a keypair of their own, which
 * is not printed). With more than one tree in the run, each comes under a comment line naming its
 * input and MiniCluster, and a blank line separates them.
 */
/** The most text one tree may print: a deep tree's lines grow with its depth (tree.ts). */
const TREE_TEXT_LIMIT = 64 * 2 ** 20;

const printTree: InputMode = async (input, clusters, run) => {
  const { options, io } = run;
  const headed = run.several || clusters.length > 1;
  for (const [index, resolved] of clusters.entries()) {
    const objects = generateFor(input, index, resolved, { output: options.output, keys: generateKeys() });
    const model = clusterModel(resolved, objects, options.output);
    const heading = headed ? `# ${input.shown}: MiniCluster ${printable(model.name)} (namespace ${printable(model.namespace)}), topology ${model.topology.text}\n` : '';
    const length = treeTextLength(model);
    if (length > TREE_TEXT_LIMIT) {
      io.stderr(
        `minicluster-gen: ${input.shown}: the broker tree of MiniCluster ${printable(model.name)} (${model.ranks.length} ranks under ${model.topology.text}) ` +
          `would be ${Math.ceil(length / 2 ** 20)} MiB of text, as each level of the tree indents its lines further; --tree prints at most ${TREE_TEXT_LIMIT / 2 ** 20} MiB. ` +
          `Choose a wider spec.flux.topology (kary:256 is the operator's), or see the tree folded in the app's Cluster view.\n`,
      );
      return EXIT_SPEC;
    }
    io.stdout(`${run.treesPrinted > 0 ? '\n' : ''}${heading}${treeText(model)}`);
    run.treesPrinted += 1;
  }
  return EXIT_OK;
};

/** The default mode: the objects, on standard output or in --output-dir. */
const writeObjects: InputMode = async (input, clusters, run) => {
  const { options, io } = run;
  const certificate = run.certificate;
  if (certificate) for (const resolved of clusters) applyCurveCertFlag(resolved, certificate.text, { spec: input.shown, cert: certificate.shown }, io);

  const render = (objects: Manifest[]) => renderObjects(objects, options);
  // A YAML stream is the concatenation of its objects' documents, so each MiniCluster's objects
  // are written as soon as they are made: a file of a thousand MiniClusters never holds all of
  // their objects, or one string of all of them, at once. JSON (one List) and files wait.
  const streaming = options.format === 'yaml' && !options.outputDir;
  // With several inputs, a comment line says which input the objects below come from: a comment
  // between documents keeps the stream valid YAML, which kubectl reads.
  let source = run.several ? `# Source: ${input.shown}\n` : '';

  // Each MiniCluster gets its own keypair: they are separate Flux instances.
  const manifests: Manifest[] = [];
  for (const [index, resolved] of clusters.entries()) {
    const objects = generateFor(input, index, resolved, {
      include: options.include,
      serverFields: options.serverFields,
      output: options.output,
      keys: certificate ? { publicKey: '', secretKey: '' } : generateKeys(),
      ...(certificate ? { certificate: certificate.text } : {}),
    });
    if (!streaming) manifests.push(...objects);
    else if (objects.length > 0) {
      io.stdout(source + render(objects));
      source = '';
    }
  }

  if (!options.outputDir) {
    if (!streaming) run.pending.push(...manifests);
    return EXIT_OK;
  }
  try {
    if (!run.outputDirReady) prepareOutputDir(options.outputDir);
    run.outputDirReady = true;
  } catch (error) {
    if (!(error instanceof OutputDirError)) throw error;
    run.stopped = true;
    return inputFault(run, `--output-dir ${error.message}`);
  }
  const dir = run.several ? join(options.outputDir, input.folder) : options.outputDir;
  const files = manifests.map((manifest, index) => ({ name: `${objectFileName(manifest, index)}.${options.format}`, text: render([manifest]) }));
  try {
    writeOutputFiles(dir, files, (path) => io.stderr(`wrote ${shownName(path)}\n`));
  } catch (error) {
    if (!(error instanceof OutputDirError)) throw error;
    return inputFault(run, `--output-dir ${error.message}`);
  }
  return EXIT_OK;
};

/** An input that cannot be used: one line now, the --help pointer once at the end of the run. */
function inputFault(run: Run, message: string): number {
  run.io.stderr(`minicluster-gen: ${message}\n`);
  run.faults += 1;
  return EXIT_USAGE;
}

function note(run: Run, message: string): number {
  run.io.stderr(`minicluster-gen: note: ${message}\n`);
  return EXIT_OK;
}

/** The closing line of an input with problems; the JSON and GitHub formats say it by their entries. */
function summary(run: Run, input: { shown: string }, errors: number): number {
  if (run.options.diagnostics === 'text') {
    const tail = run.options.check ? '.' : run.options.tree ? '; no tree printed.' : '; nothing generated.';
    run.io.stderr(`minicluster-gen: ${input.shown}: ${errors} problem${errors === 1 ? '' : 's'}${tail}\n`);
  }
  return EXIT_SPEC;
}

async function readEntry(entry: Extract<InputEntry, { kind: 'file' | 'stdin' }>, io: CliIo): Promise<ReadResult & { identity?: string }> {
  if (entry.kind === 'file') return readIdentified(entry.path, DEFAULT_MAX_BYTES, entry.found);
  const stdin = io.readStdin();
  return typeof stdin === 'string' ? { text: stdin } : readStreamLimited(stdin, DEFAULT_MAX_BYTES);
}

const tooLargeFinding = (file: string, size: number | undefined) =>
  ({ severity: 'error', code: 'too-large', path: '', message: tooLargeMessage(DEFAULT_MAX_BYTES, size), line: 1, column: 1, file }) as const;

/** One input from reading to its mode; its exit status. */
async function runEntry(entry: InputEntry, folder: string, run: Run, mode: InputMode): Promise<number> {
  if (entry.kind === 'skipped') return note(run, `skipped ${shownName(entry.path)}: ${entry.why}`);
  if (entry.kind === 'fault') return inputFault(run, `cannot read ${shownName(entry.path)}: ${entry.reason}`);
  const file = entry.kind === 'stdin' ? STDIN_NAME : entry.path;
  const shown = entry.kind === 'stdin' ? STDIN_NAME : shownName(entry.path);
  let read: ReadResult & { identity?: string };
  try {
    read = await readEntry(entry, run.io);
  } catch (error) {
    if (error instanceof NotRegularFile) return note(run, `skipped ${shown}: ${error.what}, not a regular file`);
    if (!(error instanceof ReadError)) throw error;
    return inputFault(run, `cannot read ${entry.kind === 'stdin' ? 'standard input' : shown}: ${error.reason}`);
  }
  if (read.identity !== undefined) {
    const first = run.seen.get(read.identity);
    if (first !== undefined) return note(run, `${shown} ${first === shown ? 'is given again' : `is the same file as ${first}`}: it is read once.`);
    run.seen.set(read.identity, shown);
  }
  if ('tooLarge' in read) {
    run.report.report(tooLargeFinding(file, read.tooLarge.size));
    return summary(run, { shown }, 1);
  }
  const input: Input = { file, shown, text: read.text, folder, starts: [] };
  const { options } = run;

  // Every MiniCluster of the file, in file order; one with errors stops them all, as kubectl
  // apply of half a file would leave a cluster half made.
  const analysis = analyzeFile(input.text, { defaultNamespace: options.namespace, output: options.output });
  const diagnostics = fileDiagnostics(analysis);
  for (const d of diagnostics) {
    if (d.severity !== 'info' || options.verbose || d.code === 'other-object') run.report.report({ ...d, file });
  }
  const clusters = analysis.specs.map((spec) => spec.analysis.resolved);
  if (clusters.length === 0 || clusters.some((resolved) => resolved === undefined)) {
    return summary(run, input, diagnostics.filter((d) => d.severity === 'error').length);
  }
  const resolvedAll = clusters as ResolvedAny[];
  input.starts = analysis.specs.map(({ document }) => ({ line: document.line, column: document.column }));

  // Within a file the analysis finds two MiniClusters of one name; across inputs it is found here,
  // since one stream or one apply of every input would let the later overwrite the earlier.
  const clashes = analysis.specs.flatMap(({ document }, index) => {
    const cluster = resolvedAll[index]?.cluster;
    if (!cluster) return [];
    const { name, namespace = options.namespace } = cluster.metadata;
    const earlier = run.clusterNames.get(`${namespace}/${name}`);
    const service = cluster.spec.network.headlessName;
    const earlierService = run.serviceNames.get(`${namespace}/${service}`);
    const where = { severity: 'error', line: document.line, column: document.column, file } as const;
    if (earlier !== undefined) {
      const message = `${earlier} is also the MiniCluster ${quote(name)} in namespace ${quote(namespace)}: their objects have the same names and would overwrite each other. Rename one of them (or put it in another namespace).`;
      return [{ ...where, code: 'duplicate-minicluster', path: 'metadata.name', message }];
    }
    if (earlierService !== undefined) return [{ ...where, code: 'duplicate-service', path: 'spec.network.headlessName', message: sharedServiceMessage(earlierService, service, namespace) }];
    return [];
  });
  for (const [index, { document }] of analysis.specs.entries()) {
    const cluster = resolvedAll[index]?.cluster;
    if (!cluster) continue;
    const namespace = cluster.metadata.namespace ?? options.namespace;
    run.clusterNames.set(`${namespace}/${cluster.metadata.name}`, `${shown}:${document.line}`);
    run.serviceNames.set(`${namespace}/${cluster.spec.network.headlessName}`, `${shown}:${document.line}`);
  }
  if (clashes.length > 0) {
    for (const clash of clashes) run.report.report(clash);
    return summary(run, input, clashes.length);
  }

  // Letters no version has were refused with the flags; one that only the other version has
  // (v for v1alpha2) is a note while other letters still select objects, and a usage fault when
  // nothing at all would be printed. Each input is judged on its own.
  if (options.include) {
    const include = options.include;
    const versions = [...new Set(resolvedAll.map((resolved) => resolved.version))];
    const lacking = versions.map((version) => ({ version, letters: lackingLetters(include, version) }));
    if (lacking.every(({ letters }) => letters.length === new Set(include).size)) {
      return inputFault(run, lacking.map(({ version, letters }) => lackingNote(include, version, letters)).join(' '));
    }
    for (const { version, letters } of lacking) {
      if (letters.length > 0) note(run, lackingNote(include, version, letters));
    }
  }
  try {
    return await mode(input, resolvedAll, run);
  } catch (error) {
    if (!(error instanceof TooLargeAt)) throw error;
    run.report.report({ severity: 'error', code: 'object-too-large', path: 'spec', ...error.start, file, message: error.message });
    return summary(run, input, 1);
  }
}

/** ObjectTooLarge from the generation of one of an input's MiniClusters, with where that one starts. */
class TooLargeAt extends Error {
  constructor(
    readonly start: { line: number; column: number },
    cause: ObjectTooLarge,
  ) {
    super(cause.message);
  }
}

/** generateAny for the input's MiniCluster at `index`; an object the API server would refuse is that MiniCluster's problem. */
function generateFor(input: Input, index: number, resolved: ResolvedAny, options: GenerateOptions): Manifest[] {
  try {
    return generateAny(resolved, options);
  } catch (error) {
    if (error instanceof ObjectTooLarge) throw new TooLargeAt(input.starts[index] ?? { line: 1, column: 1 }, error);
    throw error;
  }
}

/** `--curve-cert`, read and checked once for all the inputs; its exit status. */
async function loadCertificate(path: string, run: Run): Promise<number> {
  const shown = shownName(path);
  let cert: ReadResult;
  try {
    cert = await readFileLimited(path, CERT_MAX_BYTES);
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return inputFault(run, `cannot read the --curve-cert file ${shown}: ${error.reason}`);
  }
  const problem = { severity: 'error', code: 'curve-cert', path: 'curve certificate', file: path } as const;
  if ('tooLarge' in cert) {
    const message = `the file is more than ${CERT_MAX_BYTES / 1024} KiB, and a CURVE certificate is a few hundred bytes: give the certificate file (flux keygen writes one).`;
    run.report.report({ ...problem, message, line: 1, column: 1 });
    return EXIT_SPEC;
  }
  const check = readCurveCert(cert.text);
  if (!check.ok) {
    for (const p of check.problems) run.report.report({ ...problem, message: p.message, line: p.line, column: p.column });
    return EXIT_SPEC;
  }
  run.certificate = { text: cert.text, shown };
  return EXIT_OK;
}

/**
 * Every input in order, each judged on its own (as `kubectl apply -f FOLDER` applies the good
 * files and reports the others); the exit status is the worst of them.
 */
async function runInputs(listed: InputList, options: CliOptions, io: CliIo, mode: InputMode): Promise<number> {
  // JSON and GitHub commands go to standard output when it carries no objects, where CI reads them.
  const diagnosticsToStdout = options.diagnostics !== 'text' && !options.commands && (options.check || options.outputDir !== undefined);
  const run: Run = {
    options,
    io,
    report: diagnosticsOutput(options.diagnostics, diagnosticsToStdout ? io.stdout : io.stderr),
    several: listed.several,
    seen: new Map(),
    faults: 0,
    pending: [],
    outputDirReady: false,
    stopped: false,
    forCommands: [],
    clusterNames: new Map(),
    serviceNames: new Map(),
    treesPrinted: 0,
  };
  let worst = options.curveCert ? await loadCertificate(options.curveCert, run) : EXIT_OK;
  if (worst === EXIT_OK) {
    const readable = listed.entries.filter((entry) => entry.kind === 'file' || entry.kind === 'stdin');
    const names = inputFolderNames(readable.map((entry) => (entry.kind === 'file' ? entry.path : '-')));
    const folders = new Map<InputEntry, string>(readable.map((entry, index) => [entry, names[index] ?? '']));
    for (const entry of listed.entries) {
      worst = Math.max(worst, await runEntry(entry, folders.get(entry) ?? '', run, mode));
      if (run.stopped) break;
    }
  }
  if (run.pending.length > 0) {
    io.stdout(renderObjects(run.pending, options));
  }
  if (options.commands) {
    // Commands for part of the inputs would apply a bundle that lacks the others' objects.
    if (worst !== EXIT_OK) note(run, 'no commands printed: fix the inputs above first, so the bundle holds every MiniCluster.');
    else io.stdout(commandsOutput(run.forCommands, options, { recursive: run.several && options.outputDir !== undefined }));
  }
  if (run.faults > 0) io.stderr(`${HELP_HINT}\n`);
  run.report.finish();
  return worst;
}

/** `--migrate`: one file (or standard input) in, its v1alpha2 spec out. */
async function migrateOne(listed: InputList, options: CliOptions, io: CliIo): Promise<number> {
  const entry = listed.entries[0];
  if (listed.several || listed.entries.length !== 1 || (entry?.kind !== 'file' && entry?.kind !== 'stdin')) {
    return usageFault(io, `--migrate reads one file, and ${shownName(options.inputs[0] ?? '')} is a folder: migrate its files one at a time`);
  }
  const name = entry.kind === 'stdin' ? STDIN_NAME : shownName(entry.path);
  let read: ReadResult;
  try {
    read = await readEntry(entry, io);
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return usageFault(io, `cannot read ${entry.kind === 'stdin' ? 'standard input' : name}: ${error.reason}`);
  }
  if ('tooLarge' in read) {
    io.stderr(diagnosticLine(name, tooLargeFinding(name, read.tooLarge.size)));
    io.stderr(`minicluster-gen: ${name}: 1 problem; nothing migrated.\n`);
    return EXIT_SPEC;
  }
  const { runMigrate } = await import('./migrate.ts');
  return runMigrate({ name, text: read.text }, io);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageFault(io, error.message);
  }
  const answer = answerWithoutInput(options);
  if (answer !== undefined) {
    io.stdout(answer);
    return EXIT_OK;
  }
  if (options.inputs.length === 0) {
    return usageFault(io, 'give the MiniCluster YAML files: minicluster-gen FILE..., -f FILE, a folder, or - for standard input');
  }
  const listed = await listInputs(options.inputs);
  if (listed.entries.length > 1) io.severalInputs?.();
  if (options.migrate) return migrateOne(listed, options, io);
  const mode = options.tree ? printTree : options.check ? checkOnly : options.commands && !options.outputDir ? commandsOnly : writeObjects;
  return runInputs(listed, options, io, options.commands ? keptForCommands(mode) : mode);
}

/** A fault of the program itself, not of the spec or the command line. */
const EXIT_INTERNAL = 3;

/** `runCli`, with anything it throws (a bug) said in one line and exit status 3 instead of a stack trace. */
export async function runGuarded(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`minicluster-gen: internal error: ${printable(message.split('\n')[0] ?? '')}\n`);
    return EXIT_INTERNAL;
  }
}
