/**
 * Command-line flags in the style of Go's `flag` package, as `fluxoperator-gen` takes them:
 * one or two dashes, `-f x` or `-f=x`; parsing stops at the first argument that is not a flag.
 */
import { OUTPUT_OPTIONS, optionName, optionValueProblems, type OutputOptions, type Workload } from '../core/index.ts';

export interface CliOptions {
  file?: string;
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
  help: boolean;
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
  o: 'outputDir',
  format: 'format',
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
} as const;

/** The output options' flags, named by the core's table: on/off options and those that take a value. */
const OUTPUT_SWITCHES = new Map<string, 'succeedOnLead' | 'certSecret'>(
  (['succeedOnLead', 'certSecret'] as const).map((key) => [optionName(key), key]),
);
const OUTPUT_VALUE_FLAGS = new Map<string, 'queue' | 'priorityClass' | 'workload'>(
  (['queue', 'priorityClass', 'workload'] as const).map((key) => [optionName(key), key]),
);

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    include: '',
    namespace: 'default',
    format: 'yaml',
    sortKeys: false,
    legacySeparator: false,
    serverFields: false,
    verbose: false,
    migrate: false,
    help: false,
    output: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') break;
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const outputSwitch = OUTPUT_SWITCHES.get(name);
    if (name in BOOL_FLAGS || outputSwitch) {
      const raw = eq >= 0 ? body.slice(eq + 1) : 'true';
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`flag -${name} takes true or false, not "${raw}"`);
      if (outputSwitch) options.output[outputSwitch] = raw === 'true';
      else options[BOOL_FLAGS[name as keyof typeof BOOL_FLAGS]] = raw === 'true';
      continue;
    }
    const outputKey = OUTPUT_VALUE_FLAGS.get(name);
    if (outputKey) {
      const value = eq >= 0 ? body.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`flag ${arg} needs a value`);
      if (outputKey === 'workload') options.output.workload = value as Workload;
      else options.output[outputKey] = value;
      const problem = optionValueProblems({ [outputKey]: value }).find((p) => p.option === outputKey);
      if (problem) throw new UsageError(`--${name}: ${problem.message}`);
      continue;
    }
    if (!(name in VALUE_FLAGS)) throw new UsageError(`unknown flag ${arg}`);
    let value: string | undefined;
    if (eq >= 0) value = body.slice(eq + 1);
    else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined) throw new UsageError(`flag ${arg} needs a value`);
    const key = VALUE_FLAGS[name as keyof typeof VALUE_FLAGS];
    if (key === null) continue;
    if (key === 'format') {
      if (value !== 'yaml' && value !== 'json') throw new UsageError(`--format takes yaml or json, not "${value}"`);
      options.format = value;
    } else if (key === 'namespace') {
      if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) || value.length > 63) {
        throw new UsageError(`--namespace "${value}" is not a valid namespace name (lowercase letters, digits and -)`);
      }
      options.namespace = value;
    } else options[key] = value;
  }
  return options;
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

export const USAGE = `Usage: minicluster-gen -f FILE [flags]
       minicluster-gen --migrate -f FILE > v1alpha2.yaml

Turns a Flux Framework MiniCluster (flux-framework.org/v1alpha2, or the older v1alpha1) into the
Kubernetes objects the Flux Operator creates, after the operator's defaults and validation.

  -f FILE              the MiniCluster YAML to read; - reads standard input
  -i LETTERS           objects to include (default: all):
                         c ConfigMaps (and the certificate Secret), s Services,
                         j Job (or JobSet), p services Pod,
                         v PersistentVolumes and claims (v1alpha1 only)
  --namespace NS       namespace for a spec without metadata.namespace (default: default)
  --curve-cert FILE    use this CURVE certificate instead of generating a new one; it also
                       replaces the spec's own flux.curveCert (a note on standard error says so)
  --output-dir DIR     write one file per object into DIR instead of standard output
  --format yaml|json   output format (default: yaml; json prints a List for several objects)
  --sort-keys          sort mapping keys like fluxoperator-gen instead of Kubernetes order
  --legacy-separator   separate objects with fluxoperator-gen's "----" lines (not valid YAML streams)
  --server-fields      add creationTimestamp: null and empty status like fluxoperator-gen

Where the output runs (all off by default: the operator's own objects):
${outputOptionUsage()}

  -v, --verbose        also print notes about the defaults that were applied
  --migrate            read a flux-framework.org/v1alpha1 spec and print it as v1alpha2 instead of
                       generating; what could not be carried over is printed as FILE:LINE:COL: note:
  -h, --help           show this help

Exit status: 0 objects written, 1 the spec has problems (printed as FILE:LINE:COL: field: message),
2 wrong usage.
`;
