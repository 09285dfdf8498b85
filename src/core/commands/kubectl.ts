/**
 * The kubectl commands to run next for a bundle: check it, apply it, watch its pods, follow the
 * lead broker, open a Flux shell there, remove it. Every value put into a command is one shell
 * word (names are DNS labels, but the bundle's file name and the spec's paths are anyone's text).
 */
import { commentText, shellQuote, shellWord } from '../common/scripts/shellQuote.ts';
import { GANG_SCHEDULERS } from '../targets/podGroup.ts';
import type { CommandTarget } from './target.ts';

/** Kubernetes (1.28 and later) labels each pod of an Indexed Job with its index; index 0 is the lead broker. */
const COMPLETION_INDEX_LABEL = 'batch.kubernetes.io/job-completion-index';

export interface KubectlCommand {
  /** Unique in the list and stable across edits of the spec (the page keys its copy feedback on it). */
  id: string;
  /** What it does, one line: the comment above it. */
  what: string;
  /** The command line; absent when it cannot be given, with the reason in `note`. */
  line?: string;
  /** Why there is no command, or what to know before running it. */
  note?: string;
  /** The MiniCluster it is about, for a file of several: `NAMESPACE/NAME`. */
  cluster?: string;
}

/**
 * `-f FILE`: `kubectl -f` reads standard input for `-`, so a relative name starting with `-` stays
 * a file; a folder of folders (the CLI's --output-dir with several inputs) needs `-R`.
 */
function fileArgument(bundleFile: string, recursive: boolean): string {
  return `${recursive ? '-R ' : ''}-f ${shellWord(bundleFile.startsWith('-') ? `./${bundleFile}` : bundleFile)}`;
}

const words = (...parts: string[]) => parts.map(shellWord).join(' ');

/**
 * Every command, in the order they are run. One MiniCluster's commands name it; a file of several
 * is applied and removed once, as one bundle, and each MiniCluster gets its own pods, log and shell.
 */
export function kubectlCommands(targets: readonly CommandTarget[], bundleFile: string, { recursive = false } = {}): KubectlCommand[] {
  const file = fileArgument(bundleFile, recursive);
  const several = targets.length > 1;
  const out: KubectlCommand[] = [];
  const tag = (target: CommandTarget) => (several ? { cluster: `${target.namespace}/${target.name}` } : {});

  const queues = unique(
    targets.filter((t) => t.queue).map((t) => ({ key: `${t.namespace}/${t.queue}`, namespace: t.namespace, queue: t.queue as string, kind: t.workload === 'jobset' ? 'JobSet' : 'Job' })),
  );
  for (const { key, namespace, queue, kind } of queues) {
    out.push({
      id: `localqueue:${key}`,
      what: `Check that the Kueue LocalQueue ${queue} exists in namespace ${namespace} (Kueue keeps the ${kind} suspended until that queue admits it)`,
      line: `kubectl get localqueue ${words('-n', namespace, queue)}`,
    });
  }

  // Server-side apply rather than client-side: client-side apply copies each object whole into its
  // last-applied-configuration annotation, and annotations are limited to 256 KiB per object, which
  // a large entrypoint ConfigMap (its scripts, the certificate) exceeds; the copy would also put
  // the certificate's secret key into metadata a second time. Server-side apply keeps no such copy
  // and reports a field another manager owns instead of overwriting it.
  out.push(
    {
      id: 'apply-dry-run',
      what: 'Check the bundle against the cluster (its API server, CRDs and admission webhooks) without changing anything',
      line: `kubectl apply --server-side --dry-run=server ${file}`,
    },
    {
      id: 'apply',
      what: 'Apply the bundle',
      line: `kubectl apply --server-side ${file}`,
      // A PodGroup that has seen a run stops updating, and its scheduler counts that run's pods.
      ...(targets.some((t) => t.gang) ? { note: 'Its PodGroup serves one run: if this bundle was applied before, remove it first with the delete command below.' } : {}),
    },
  );

  for (const target of targets) {
    const { name, namespace } = target;
    const key = `${namespace}/${name}`;
    if (target.workload === 'jobset') {
      out.push({ id: `jobset:${key}`, what: `The JobSet ${name}: its state and restarts`, line: `kubectl get jobset ${words('-n', namespace, name)}`, ...tag(target) });
    }
    if (target.gang) {
      // Qualified: with both gang schedulers installed, "podgroup" alone names two kinds.
      const resource = `podgroups.${GANG_SCHEDULERS[target.gang].apiVersion.split('/')[0]}`;
      out.push({ id: `podgroup:${key}`, what: `The PodGroup ${name}: its phase, and how many of its pods the gang scheduler has placed`, line: `kubectl get ${resource} ${words('-n', namespace, name)}`, ...tag(target) });
    }
    out.push({
      id: `pods:${key}`,
      what: `Watch the pods of ${name} start (Ctrl+C stops watching)`,
      line: `kubectl get pods ${words('-n', namespace, '-l', target.podLabel)} --watch`,
      ...tag(target),
    });
    const lead = `${target.podLabel},${COMPLETION_INDEX_LABEL}=0`;
    out.push({
      id: `logs:${key}`,
      what: `Follow the lead broker's log (the pod of index 0 of ${name}, container ${target.fluxContainer})`,
      // A selector shows only the last 10 lines unless --tail says otherwise.
      line: `kubectl logs ${words('-n', namespace, '-f', '-l', lead, '-c', target.fluxContainer)} --tail=-1`,
      ...tag(target),
    });
    const shell: KubectlCommand = { id: `shell:${key}`, what: `Open a Flux shell on the lead broker of ${name} while it runs`, ...tag(target) };
    if ('script' in target.fluxShell) {
      // kubectl exec takes a pod's name, not a selector: the running pod of index 0 is looked up first.
      const pod = `"$(kubectl get pods ${words('-n', namespace, '-l', lead)} --field-selector=status.phase=Running -o name)"`;
      shell.line = `kubectl exec -it ${words('-n', namespace)} ${pod} ${words('-c', target.fluxContainer)} -- bash -c ${shellQuote(target.fluxShell.script)}`;
    } else {
      shell.note = target.fluxShell.unavailable;
    }
    out.push(shell);
  }

  const queued = unique(targets.filter((t) => t.queue).map((t) => ({ key: t.namespace, namespace: t.namespace })));
  for (const { namespace } of queued) {
    out.push({
      id: `workloads:${namespace}`,
      what: `Kueue's Workloads in namespace ${namespace}: admitted, or waiting for quota (each is named after its Job or JobSet; no label selects one by that name)`,
      line: `kubectl get workloads ${words('-n', namespace)}`,
    });
  }

  out.push({ id: 'delete', what: 'Remove everything the bundle made (no object has an owner, so delete them by the same file)', line: `kubectl delete ${file}` });
  return out;
}

function unique<T extends { key: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    out.push(item);
  }
  return out;
}

/** The commands as a shell script's lines: each with a `# what` comment above it (the CLI's `--commands`). */
export function commandsText(commands: readonly KubectlCommand[]): string {
  return commands
    .map((command) => {
      const lines = [`# ${commentText(command.what)}`];
      if (command.note) lines.push(`# ${commentText(command.note)}`);
      if (command.line) lines.push(command.line);
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

