/**
 * What the CLI prints for the flags that read no input: the usage, the version, a JSON Schema
 * file. `runCli` answers them through here, and the process entry (bin.ts) asks here first, so
 * that such a run does not start the rest of the CLI and the core (zod and its schemas).
 */
import packageJson from '../../package.json' with { type: 'json' };
import { schemaFileText } from '../core/schemaFile.ts';
import { USAGE, type CliOptions } from './args.ts';

/** The text to print, or undefined when the run has inputs to read. */
export function answerWithoutInput(options: Pick<CliOptions, 'help' | 'version' | 'schema'>): string | undefined {
  if (options.help) return USAGE;
  if (options.version) return `minicluster-gen ${packageJson.version}\n`;
  if (options.schema) return schemaFileText(options.schema);
  return undefined;
}
