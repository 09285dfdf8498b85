/**
 * Command-line flags in the style of Go's `flag` package, as `fluxoperator-gen` takes them:
 * one or two dashes, `-f x` or `-f=x`. Unlike Go's package, an argument that is not a flag does
 * not end the flags: it is one more input, as `-f` gives one, since pre-commit and `xargs` put
 * the file names after the flags (and the flags after a file name still count). `--` ends the
 * flags: everything after it is an input, a name that starts with a dash included.
 */
// From the modules that hold them, not the core's index: the usage and the flags are read
// before (and for --help without) the rest of the core.
import type { MiniClusterVersion } from '../core/common/apiVersions.ts';
import { quote } from '../core/common/quoteText.ts';
import { INCLUDE_LETTERS, INCLUDE_ORDER, VERSION_INCLUDES } from '../core/kinds.ts';
import { SCHEMA_VERSIONS, isSchemaVersion } from '../core/schemaFile.ts';
import {
  OUTPUT_OPTIONS,
  choiceProblem,
  isChoiceOf,
  isChoiceRow,
  isNumberRow,
  isSwitchRow,
  optionName,
  optionValueProblems,
  readOptionNumber,
  setOption,
  type OutputOptionInfo,
  type OutputOptions,
  type SwitchKey,
} from '../core/targets/options.ts';
import { shownName } from './shownName.ts';

/** How problems are printed: `FILE:LINE:COL:` lines, one JSON array, or GitHub workflow commands. */
export type DiagnosticsFormat = 'text' | 'json' | 'github';
export const DIAGNOSTICS_FORMATS: readonly DiagnosticsFormat[] = ['text', 'json', 'github'];

export interface CliOptions {
  /** The inputs in command-line order: files, folders, `-` for standard input (at most once). */
  inputs: string[];
  include: string;
  namespace: string;
  curveCert?: string;
  outputDir?: string;
  format: 'yaml' | 'json';
  sortKeys: boolean;
  legacySeparator: boolean;
  serverFields: boolean;
  verbose: boolean;
  migrate: boolean;
  /** Analyse only: print the problems, write no objects. */
  check: boolean;
  diagnostics: DiagnosticsFormat;
  /** Print the kubectl commands to run next (see commands.ts) instead of the objects. */
  commands: boolean;
  /** Print each MiniCluster's Flux broker tree instead of the objects. */
  tree: boolean;
  /** The file those commands apply. */
  bundleFile?: string;
  help: boolean;
  version: boolean;
  /** `--schema VERSION`: print that API's JSON Schema file instead of reading a spec. */
  schema?: MiniClusterVersion;
  /** Where the output runs (see OUTPUT_OPTIONS in the core); absent keys are off. */
  output: OutputOptions;
}

export class UsageError extends Error {}

const VALUE_FLAGS = {
  f: 'file',
  file: 'file',
  i: 'include',
  include: 'include',
  namespace: 'namespace',
  n: 'namespace',
  'curve-cert': 'curveCert',
  'output-dir': 'outputDir',
  'bundle-file': 'bundleFile',
  o: 'outputDir',
  format: 'format',
  schema: 'schema',
  diagnostics: 'diagnostics',
  kubeconfig: null,
} as const;

const BOOL_FLAGS = {
  h: 'help',
  help: 'help',
  'sort-keys': 'sortKeys',
  'legacy-separator': 'legacySeparator',
  'server-fields': 'serverFields',
  v: 'verbose',
  verbose: 'verbose',
  migrate: 'migrate',
  check: 'check',
  commands: 'commands',
  tree: 'tree',
  version: 'version',
} as const;

/** The output options' flags, named by the core's table: on/off options and those that take a value. */
const OUTPUT_SWITCHES = new Map<string, SwitchKey>(OUTPUT_OPTIONS.filter(isSwitchRow).map((o) => [optionName(o.key), o.key]));
const OUTPUT_VALUE_FLAGS = new Map<string, OutputOptionInfo>(OUTPUT_OPTIONS.filter((o) => !isSwitchRow(o)).map((o) => [optionName(o.key), o]));

/** Sets an output option from its flag's value, read as its row's kind says: the core's one reader for a number, one of the words for a choice. */
function setOutputValue(output: OutputOptions, info: OutputOptionInfo, value: string): void {
  const problem = (message: string) => new UsageError(`--${optionName(info.key)}: ${message}`);
  if (isNumberRow(info)) {
    const read = readOptionNumber(info, value);
    if ('problem' in read) throw problem(read.problem.message);
    setOption(output, info.key, read.value);
  } else if (isChoiceRow(info)) {
    if (!isChoiceOf(info, value)) throw problem(choiceProblem(info, value).message);
    setOption(output, info.key, value);
  } else if (!isSwitchRow(info)) setOption(output, info.key, value);
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    inputs: [],
    include: '',
    namespace: 'default',
    format: 'yaml',
    sortKeys: false,
    legacySeparator: false,
    serverFields: false,
    verbose: false,
    migrate: false,
    check: false,
    diagnostics: 'text',
    commands: false,
    tree: false,
    help: false,
    version: false,
    output: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      for (const rest of argv.slice(i + 1)) addInput(options, rest);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      addInput(options, arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const outputSwitch = OUTPUT_SWITCHES.get(name);
    if (name in BOOL_FLAGS || outputSwitch) {
      const raw = eq >= 0 ? body.slice(eq + 1) : 'true';
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`flag -${shownName(name)} takes true or false, not ${quote(raw)}`);
      if (outputSwitch) setOption(options.output, outputSwitch, raw === 'true');
      else options[BOOL_FLAGS[name as keyof typeof BOOL_FLAGS]] = raw === 'true';
      continue;
    }
    const outputInfo = OUTPUT_VALUE_FLAGS.get(name);
    if (outputInfo) {
      const value = eq >= 0 ? body.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`flag ${shownName(arg)} needs a value`);
      setOutputValue(options.output, outputInfo, value);
      continue;
    }
    if (!(name in VALUE_FLAGS)) throw new UsageError(`unknown flag ${shownName(arg)}`);
    let value: string | undefined;
    if (eq >= 0) value = body.slice(eq + 1);
    else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined) throw new UsageError(`flag ${shownName(arg)} needs a value`);
    const key = VALUE_FLAGS[name as keyof typeof VALUE_FLAGS];
    if (key === null) continue;
    if (key === 'format') {
      if (value !== 'yaml' && value !== 'json') throw new UsageError(`--format takes yaml or json, not ${quote(value)}`);
      options.format = value;
    } else if (key === 'schema') {
      if (!isSchemaVersion(value)) throw new UsageError(`--schema takes ${SCHEMA_VERSIONS.join(' or ')}, not ${quote(value)}`);
      options.schema = value;
    } else if (key === 'diagnostics') {
      const format = DIAGNOSTICS_FORMATS.find((f) => f === value);
      if (!format) throw new UsageError(`--diagnostics takes ${DIAGNOSTICS_FORMATS.join(', ')}, not ${quote(value)}`);
      options.diagnostics = format;
    } else if (key === 'namespace') {
      if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) || value.length > 63) {
        throw new UsageError(`--namespace ${quote(value)} is not a valid namespace name (lowercase letters, digits and -)`);
      }
      options.namespace = value;
    } else if (key === 'include') {
      options.include = checkedLetters(value);
    } else {
      if (value === '') throw new UsageError(`flag ${shownName(arg)} needs ${key === 'outputDir' ? 'a folder name' : 'a file name'}`);
      if (key === 'file') addInput(options, value);
      else options[key] = value;
    }
  }
  // The help and the version are printed whatever else is given, as the user asks for them to get it right.
  if (options.help || options.version) return options;
  // After every flag: some options are checked against the others (a gang timeout needs --gang coscheduling).
  const outputProblem = optionValueProblems(options.output)[0];
  if (outputProblem) throw new UsageError(`--${optionName(outputProblem.option)}: ${outputProblem.message}`);
  if (options.check && options.outputDir !== undefined) throw new UsageError('--check writes no objects: drop --output-dir, or drop --check to write them');
  if (options.check && options.migrate) throw new UsageError('--check and --migrate do not go together: --migrate prints a migrated spec, --check only analyses');
  if (options.migrate && options.diagnostics !== 'text') throw new UsageError(`--diagnostics ${options.diagnostics} is for generating and --check; --migrate prints its notes as text`);
  if (options.commands && (options.check || options.migrate)) throw new UsageError(`--commands prints the commands for generated objects: drop ${options.check ? '--check' : '--migrate'}`);
  if (options.commands && options.legacySeparator && options.outputDir !== undefined) {
    throw new UsageError('--legacy-separator writes files kubectl cannot read, so the --commands would fail on them: drop one of the two');
  }
  if (options.tree) {
    // The flags that shape printed objects would be silently ignored: the tree prints none.
    const other = options.check ? '--check' : options.migrate ? '--migrate' : options.commands ? '--commands' : options.outputDir !== undefined ? '--output-dir'
      : options.include ? '-i' : options.format !== 'yaml' ? '--format' : options.sortKeys ? '--sort-keys' : options.legacySeparator ? '--legacy-separator'
      : options.serverFields ? '--server-fields' : options.curveCert !== undefined ? '--curve-cert' : undefined;
    if (other) throw new UsageError(`--tree prints the broker tree instead of the objects, and ${other} does not go with it: drop one of the two`);
  }
  if (options.schema !== undefined && options.inputs.length > 0) throw new UsageError('--schema prints a schema and reads no spec: drop the inputs, or drop --schema');
  if (options.bundleFile !== undefined && !options.commands) throw new UsageError('--bundle-file names the file in the --commands output: add --commands');
  if (options.migrate && options.inputs.length > 1) throw new UsageError(`--migrate reads one file, and ${options.inputs.length} inputs are given: migrate them one at a time`);
  return options;
}

/** One more input; standard input can be read only once. */
function addInput(options: CliOptions, input: string): void {
  if (input === '') throw new UsageError('an empty argument is not a file name');
  if (input === '-' && options.inputs.includes('-')) throw new UsageError('standard input (-) is given twice: it can be read once');
  options.inputs.push(input);
}

/** Every letter and what it selects, with the letters only v1alpha1 has marked. */
function letterList(): string {
  return INCLUDE_ORDER.map((letter) => `${letter} (${INCLUDE_LETTERS[letter]}${VERSION_INCLUDES.v1alpha2.includes(letter) ? '' : ', v1alpha1 only'})`).join(', ');
}

/**
 * `-i`: a letter that no version knows is refused here; one that only the other version has (v
 * for a v1alpha2 spec) is known to be wrong only once the file is read (see main.ts).
 */
function checkedLetters(value: string): string {
  if (value === '') throw new UsageError(`-i needs at least one letter: ${letterList()}`);
  const unknown = [...new Set(value)].filter((ch) => !(INCLUDE_ORDER as readonly string[]).includes(ch));
  if (unknown.length > 0) {
    const listed = unknown.map((ch) => quote(ch)).join(', ');
    throw new UsageError(`-i ${quote(value)}: ${listed} ${unknown.length === 1 ? 'is not a letter' : 'are not letters'} of an object kind; the letters are ${letterList()}`);
  }
  return value;
}

/** The output options' lines of the usage, from the core's table: the flag, what it does, what it needs. */
function outputOptionUsage(): string {
  const wrap = (text: string) => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line && line.length + word.length + 1 > 74) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line];
  };
  return OUTPUT_OPTIONS.map((option) => [`  ${option.flag}`, ...wrap(`${option.does} Needs: ${option.needs}`).map((line) => `      ${line}`)].join('\n')).join('\n');
}

export const USAGE = `Usage: minicluster-gen [flags] FILE|FOLDER|- ...
       minicluster-gen --check [--diagnostics text|json|github] FILE|FOLDER ...
       minicluster-gen --migrate -f FILE > v1alpha2.yaml
       minicluster-gen --tree [--workload jobset] FILE ...

Turns a Flux Framework MiniCluster (flux-framework.org/v1alpha2, or the older v1alpha1) into the
Kubernetes objects the Flux Operator creates, after the operator's defaults and validation.

Inputs (as many as needed, in order; -f FILE and a plain FILE are the same):
  -f FILE              a MiniCluster YAML file; - reads standard input (once)
  FOLDER               its *.yaml and *.yml files, in subfolders too, sorted by path; names
                       starting with a dot, links to folders and FIFOs are skipped
  --                   the end of the flags: every argument after it is an input

  -i LETTERS           objects to include (default: all):
                         c ConfigMaps (and the certificate Secret), s Services,
                         j Job (or JobSet; with a gang, its PodGroup),
                         p services Pod,
                         v PersistentVolumes and claims (v1alpha1 only)
  --namespace NS       namespace for a spec without metadata.namespace (default: default)
  --curve-cert FILE    use this CURVE certificate instead of generating a new one; it also
                       replaces the spec's own flux.curveCert (a note on standard error says so)
  --output-dir DIR     write one file per object into DIR instead of standard output; with
                       several inputs, each input's objects go in a folder named after it
  --format yaml|json   output format (default: yaml; json prints a List for several objects)
  --sort-keys          sort mapping keys like fluxoperator-gen instead of Kubernetes order
  --legacy-separator   separate objects with fluxoperator-gen's "----" lines (not valid YAML streams)
  --server-fields      add creationTimestamp: null and empty status like fluxoperator-gen

Where the output runs (all off by default: the operator's own objects):
${outputOptionUsage()}

  --check              only analyse: print the problems, write no objects (for CI and
                       pre-commit); exit status 0 when no input has errors (warnings pass)
  --diagnostics FORMAT how problems are printed: text (FILE:LINE:COL: field: message, the
                       default), json (one array of {file, line, column, severity, path,
                       message, code}) or github (::error file=F,line=L,col=C::message
                       commands, for GitHub Actions). json and github go to standard output
                       with --check or --output-dir, else to standard error
  -v, --verbose        also print notes about the defaults that were applied
  --migrate            read a flux-framework.org/v1alpha1 spec and print it as v1alpha2 instead of
                       generating; what could not be carried over is printed as FILE:LINE:COL: note:
  --schema VERSION     print the JSON Schema of a MiniCluster API (v1alpha2 or v1alpha1), for
                       editors and kubeconform; reads no spec
  --commands           print the kubectl commands to run next (apply, watch the pods, the lead
                       broker's log and a Flux shell on it, delete), each under a # comment, instead
                       of the objects; with --output-dir the files are written and the commands
                       apply that folder (with -R when each input has its own folder)
  --bundle-file FILE   the file those commands apply (default: NAME.yaml, as the app's "Download
                       bundle" names it, or NAME.json with --format json; the --output-dir folder)
  --tree               print each MiniCluster's Flux broker tree instead of the objects, as
                       flux overlay status draws it without the status: one line per rank
                       and its host name, up to maxSize (the ranks from size on are marked
                       offline), in spec.flux.topology or the operator's kary:256; with
                       --workload jobset the hosts are the JobSet's. With several
                       MiniClusters, a # line names the input and MiniCluster of each tree
  -h, --help           show this help
  --version            print the version

Exit status, the worst of all the inputs: 0 objects written (or, with --check, no errors), 1 a spec
has problems (also a file over the 1 MiB limit), 2 wrong usage (a bad flag, a file or folder that
cannot be read or written), 3 an internal error (a bug: please report it). An input with problems
gives no objects; the other inputs still give theirs.
`;

export const HELP_HINT = "Run 'minicluster-gen --help' for usage.";
