/** `minicluster-gen`: a thin command-line adapter over the core. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile, fileDiagnostics, generateAny, includeLettersFor, type Manifest, type ResolvedAny } from '../core/index.ts';
import { readCurveCert, sodiumKeypairSource, z85Encode } from '../core/curve/index.ts';
import { renderJson, renderYaml } from '../core/render/index.ts';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args.ts';
import { runMigrate } from './migrate.ts';
import { diagnosticLine } from './diagnosticLine.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
}

const EXIT_OK = 0;
const EXIT_SPEC = 1;
const EXIT_USAGE = 2;

function fileName(manifest: Manifest, index: number): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${String(index + 1).padStart(2, '0')}-${safe(manifest.kind.toLowerCase())}-${safe(manifest.metadata.name)}`;
}

async function generateKeys(): Promise<{ publicKey: string; secretKey: string }> {
  const pair = await sodiumKeypairSource()();
  return { publicKey: z85Encode(pair.publicKey), secretKey: z85Encode(pair.secretKey) };
}

function readInput(options: CliOptions, io: CliIo): { name: string; text: string } {
  const file = options.file ?? '';
  if (file === '-') return { name: '<stdin>', text: io.readStdin() };
  return { name: file, text: readFileSync(file, 'utf8') };
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
    io.stderr(`minicluster-gen: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (!options.file) {
    io.stderr(`minicluster-gen: give the MiniCluster YAML file with -f FILE (or -f - for standard input).\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  let input: { name: string; text: string };
  try {
    input = readInput(options, io);
  } catch (error) {
    io.stderr(`minicluster-gen: cannot read ${options.file}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
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

  let certificate: string | undefined;
  if (options.curveCert) {
    try {
      certificate = readFileSync(options.curveCert, 'utf8');
    } catch (error) {
      io.stderr(`minicluster-gen: cannot read ${options.curveCert}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    const check = readCurveCert(certificate);
    if (!check.ok) {
      for (const p of check.problems) io.stderr(`${options.curveCert}:${p.line}:${p.column}: curve certificate: ${p.message}\n`);
      return EXIT_SPEC;
    }
    for (const resolved of resolvedAll) applyCurveCertFlag(resolved, certificate, { spec: input.name, cert: options.curveCert }, io);
  }

  for (const version of new Set(resolvedAll.map((resolved) => resolved.version))) {
    const applicable = includeLettersFor(version);
    if (options.include && ![...options.include].some((letter) => applicable.includes(letter))) {
      const note = version === 'v1alpha2' && options.include.includes('v')
        ? 'v1alpha2 has no volume objects (volumes are part of the Job); nothing to print for -i v.'
        : `no ${version} objects match -i ${options.include} (letters: ${applicable}).`;
      io.stderr(`minicluster-gen: note: ${note}\n`);
    }
  }

  // Each MiniCluster gets its own keypair: they are separate Flux instances.
  const manifests: Manifest[] = [];
  for (const resolved of resolvedAll) {
    manifests.push(
      ...generateAny(resolved, {
        include: options.include,
        serverFields: options.serverFields,
        output: options.output,
        keys: certificate ? { publicKey: '', secretKey: '' } : await generateKeys(),
        ...(certificate ? { certificate } : {}),
      }),
    );
  }
  const render = (objects: Manifest[]) =>
    options.format === 'json'
      ? renderJson(objects)
      : renderYaml(objects, { keyOrder: options.sortKeys ? 'sorted' : 'kubernetes', legacySeparator: options.legacySeparator });

  if (options.outputDir) {
    mkdirSync(options.outputDir, { recursive: true });
    manifests.forEach((manifest, index) => {
      const path = join(options.outputDir ?? '.', `${fileName(manifest, index)}.${options.format}`);
      writeFileSync(path, render([manifest]));
      io.stderr(`wrote ${path}\n`);
    });
  } else if (manifests.length > 0) {
    io.stdout(render(manifests));
  }
  return EXIT_OK;
}
