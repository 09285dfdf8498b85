/** `--commands`: the kubectl commands to run next for the bundle, as the app's Commands panel lists them. */
import { commandTarget } from '../core/commands/target.ts';
import { commandsText, kubectlCommands } from '../core/commands/kubectl.ts';
import type { ResolvedAny } from '../core/pipeline.ts';
import type { CliOptions } from './args.ts';

/**
 * The file the commands apply and delete: `--bundle-file`, else the folder of `--output-dir`
 * (kubectl applies every file in it), else the app's bundle name, `NAME.yaml` (or `.json`) after
 * the file's first MiniCluster, for output redirected there.
 */
export function bundleFileOf(resolved: readonly ResolvedAny[], options: Pick<CliOptions, 'bundleFile' | 'outputDir' | 'format'>): string {
  if (options.bundleFile !== undefined) return options.bundleFile;
  if (options.outputDir !== undefined) return options.outputDir;
  return `${resolved[0]?.cluster.metadata.name ?? 'minicluster-objects'}.${options.format}`;
}

export function commandsOutput(resolved: readonly ResolvedAny[], options: CliOptions, { recursive = false } = {}): string {
  const targets = resolved.map((cluster) => commandTarget(cluster, options.output));
  return commandsText(kubectlCommands(targets, bundleFileOf(resolved, options), { recursive }));
}
