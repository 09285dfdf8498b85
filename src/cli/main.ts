/** `minicluster-gen`: a thin command-line adapter over the core. */
import packageJson from '../../package.json' with { type: 'json' };
import {
  DEFAULT_MAX_BYTES,
  analyzeFile,
  fileDiagnostics,
  generateAny,
  includeLettersFor,
  printable,
  tooLargeMessage,
  type Manifest,
  type MiniClusterVersion,
  type ResolvedAny,
} from '../core/index.ts';
import { readCurveCert, sodiumKeypairSource, z85Encode } from '../core/curve/index.ts';
import { renderJson, renderYaml } from '../core/render/index.ts';
import { HELP_HINT, parseArgs, USAGE, UsageError, type CliOptions } from './args.ts';
import { runMigrate } from './migrate.ts';
import { commandsOutput } from './commands.ts';
import { diagnosticLine } from './diagnosticLine.ts';
import { OutputDirError, writeOutputFiles } from './outputDir.ts';
import { ReadError, readFileLimited, readStreamLimited, type ReadResult } from './readLimited.ts';
import { shownName } from './shownName.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input: the whole text, or its chunks as they come (read only up to the size limit). */
  readStdin: () => string | AsyncIterable<Uint8Array | string>;
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

function fileName(manifest: Manifest, index: number): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${String(index + 1).padStart(2, '0')}-${safe(manifest.kind.toLowerCase())}-${safe(manifest.metadata.name)}`;
}

async function generateKeys(): Promise<{ publicKey: string; secretKey: string }> {
  const pair = await sodiumKeypairSource()();
  return { publicKey: z85Encode(pair.publicKey), secretKey: z85Encode(pair.secretKey) };
}

async function readInput(file: string, io: CliIo): Promise<ReadResult> {
  if (file !== '-') return readFileLimited(file, DEFAULT_MAX_BYTES);
  const stdin = io.readStdin();
  return typeof stdin === 'string' ? { text: stdin } : readStreamLimited(stdin, DEFAULT_MAX_BYTES);
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

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageFault(io, error.message);
  }
  if (options.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`minicluster-gen ${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (options.bundleFile !== undefined && !options.commands) return usageFault(io, '--bundle-file names the file in the --commands output: add --commands');
  if (!options.file) return usageFault(io, 'give the MiniCluster YAML file with -f FILE (or -f - for standard input)');

  const name = options.file === '-' ? '<stdin>' : shownName(options.file);
  let read: ReadResult;
  try {
    read = await readInput(options.file, io);
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return usageFault(io, `cannot read ${options.file === '-' ? 'standard input' : name}: ${error.reason}`);
  }
  if ('tooLarge' in read) {
    const message = tooLargeMessage(DEFAULT_MAX_BYTES, read.tooLarge.size);
    io.stderr(diagnosticLine(name, { severity: 'error', code: 'too-large', path: '', message, line: 1, column: 1 }));
    io.stderr(`minicluster-gen: ${name}: 1 problem; nothing ${options.migrate ? 'migrated' : 'generated'}.\n`);
    return EXIT_SPEC;
  }
  const input = { name, text: read.text };
  if (options.migrate) return runMigrate(input, io);

  // Every MiniCluster of the file, in file order; one with errors stops them all, as kubectl
  // apply of half a file would leave a cluster half made.
  const file = analyzeFile(input.text, { defaultNamespace: options.namespace, output: options.output });
  const diagnostics = fileDiagnostics(file);
  for (const d of diagnostics) {
    if (d.severity !== 'info' || options.verbose || d.code === 'other-object') io.stderr(diagnosticLine(input.name, d));
  }
  const clusters = file.specs.map((spec) => spec.analysis.resolved);
  if (clusters.length === 0 || clusters.some((resolved) => resolved === undefined)) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr(`minicluster-gen: ${input.name}: ${errors} problem${errors === 1 ? '' : 's'}; nothing generated.\n`);
    return EXIT_SPEC;
  }
  const resolvedAll = clusters as ResolvedAny[];
  if (options.commands && !options.outputDir) {
    io.stdout(commandsOutput(resolvedAll, options));
    return EXIT_OK;
  }

  let certificate: string | undefined;
  if (options.curveCert) {
    const certName = shownName(options.curveCert);
    let cert: ReadResult;
    try {
      cert = await readFileLimited(options.curveCert, CERT_MAX_BYTES);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      return usageFault(io, `cannot read the --curve-cert file ${certName}: ${error.reason}`);
    }
    if ('tooLarge' in cert) {
      io.stderr(`${certName}:1:1: curve certificate: the file is more than ${CERT_MAX_BYTES / 1024} KiB, and a CURVE certificate is a few hundred bytes: give the certificate file (flux keygen writes one).\n`);
      return EXIT_SPEC;
    }
    certificate = cert.text;
    const check = readCurveCert(certificate);
    if (!check.ok) {
      for (const p of check.problems) io.stderr(`${certName}:${p.line}:${p.column}: curve certificate: ${printable(p.message)}\n`);
      return EXIT_SPEC;
    }
    for (const resolved of resolvedAll) applyCurveCertFlag(resolved, certificate, { spec: input.name, cert: certName }, io);
  }

  // Letters no version has were refused with the flags; one that only the other version has
  // (v for v1alpha2) is a note while other letters still select objects, and a usage fault when
  // nothing at all would be printed.
  if (options.include) {
    const include = options.include;
    const versions = [...new Set(resolvedAll.map((resolved) => resolved.version))];
    const lacking = versions.map((version) => ({ version, letters: lackingLetters(include, version) }));
    if (lacking.every(({ letters }) => letters.length === new Set(include).size)) {
      return usageFault(io, lacking.map(({ version, letters }) => lackingNote(include, version, letters)).join(' '));
    }
    for (const { version, letters } of lacking) {
      if (letters.length > 0) io.stderr(`minicluster-gen: note: ${lackingNote(include, version, letters)}\n`);
    }
  }

  const render = (objects: Manifest[]) =>
    options.format === 'json'
      ? renderJson(objects)
      : renderYaml(objects, { keyOrder: options.sortKeys ? 'sorted' : 'kubernetes', legacySeparator: options.legacySeparator });
  // A YAML stream is the concatenation of its objects' documents, so each MiniCluster's objects
  // are written as soon as they are made: a file of a thousand MiniClusters never holds all of
  // their objects, or one string of all of them, at once. JSON (one List) and files wait.
  const streaming = options.format === 'yaml' && !options.outputDir;

  // Each MiniCluster gets its own keypair: they are separate Flux instances.
  const manifests: Manifest[] = [];
  for (const resolved of resolvedAll) {
    const objects = generateAny(resolved, {
      include: options.include,
      serverFields: options.serverFields,
      output: options.output,
      keys: certificate ? { publicKey: '', secretKey: '' } : await generateKeys(),
      ...(certificate ? { certificate } : {}),
    });
    if (!streaming) manifests.push(...objects);
    else if (objects.length > 0) io.stdout(render(objects));
  }

  if (options.outputDir) {
    const files = manifests.map((manifest, index) => ({ name: `${fileName(manifest, index)}.${options.format}`, text: render([manifest]) }));
    try {
      writeOutputFiles(options.outputDir, files, (path) => io.stderr(`wrote ${shownName(path)}\n`));
    } catch (error) {
      if (!(error instanceof OutputDirError)) throw error;
      return usageFault(io, `--output-dir ${error.message}`);
    }
    if (options.commands) io.stdout(commandsOutput(resolvedAll, options));
  } else if (!streaming && manifests.length > 0) {
    io.stdout(render(manifests));
  }
  return EXIT_OK;
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
