/**
 * The sidecar script `start-i.sh`: for containers that do not run Flux but are
 * wrapped (runFlux false, noWrapEntrypoint false). It prepares the view, waits for the lead
 * broker's local socket, then runs the container's command (or `commands.script`) as shell code.
 */
import { customScriptCommand, customScriptLines, viewLines } from './parts.ts';
import { assignTextLines, headerLines, snippetLines, strictLines } from '../../common/scripts/lines.ts';
import type { SidecarScriptInputs } from './inputs.ts';
import { systemPathsOf } from './paths.ts';

/** How long a sidecar waits for the broker socket, and how often it looks. */
export const SOCKET_WAIT_SECONDS = 600;
export const SOCKET_WAIT_INTERVAL_SECONDS = 2;

export function sidecarScript(inputs: SidecarScriptInputs): string {
  const paths = systemPathsOf(inputs.systemPaths);
  const { quiet } = inputs;
  const L: string[] = [];
  L.push(
    ...headerLines('Flux sidecar entrypoint (start-i.sh) of a MiniCluster container that does not run Flux.', [
      'It waits for the lead broker socket, then runs the container command as shell code.',
      'To talk to Flux: `. <mount>/flux-view.sh; flux proxy "$fluxsocket" <command>`.',
    ]),
  );
  // Upstream order: commands.init runs before strict mode here (after it in wait-i.sh).
  L.push(...snippetLines('commands.init', inputs.commands.init, quiet ? '>/dev/null' : ''));
  L.push(...strictLines(inputs.strict));
  L.push(...viewLines(inputs, paths));
  L.push(...snippetLines('commands.servicePre', inputs.commands.servicePre, quiet ? '>/dev/null 2>&1' : ''));

  // The broker socket lives under config/ (the operator waited under view/), and the wait is a
  // bounded shell loop instead of a helper binary that images no longer ship.
  L.push(
    '# The lead broker local socket (on the shared volume when this pod is rank 0).',
    'socket_path="${configroot}/run/flux/local"',
    // Exported (upstream: a plain variable) so that commands.script can use it too.
    'export fluxsocket="local://${socket_path}"',
  );
  if (!inputs.noWaitSocket) {
    const giveUp = inputs.strict ? 'stopping (logging.strict)' : 'continuing without it';
    L.push(
      ...(quiet ? [] : [`printf '%s\\n' "Waiting up to ${SOCKET_WAIT_SECONDS}s for the Flux broker socket \${socket_path}"`]),
      'mcs_waited=0',
      'while [[ ! -e ${socket_path} ]]; do',
      `  if (( mcs_waited >= ${SOCKET_WAIT_SECONDS} )); then`,
      // Printed even when quiet: it explains why whatever follows cannot reach Flux.
      `    printf '%s\\n' "The Flux broker socket \${socket_path} did not appear within ${SOCKET_WAIT_SECONDS}s; ${giveUp}." >&2`,
      inputs.strict ? '    exit 1' : '    break',
      '  fi',
      `  sleep ${SOCKET_WAIT_INTERVAL_SECONDS}`,
      `  mcs_waited=$(( mcs_waited + ${SOCKET_WAIT_INTERVAL_SECONDS} ))`,
      'done',
    );
  }
  L.push('');

  const hasScript = inputs.commands.script.trim() !== '';
  // The script is run in place of the command, as in wait-i.sh (the operator wrote it but never ran it).
  if (hasScript) L.push(...customScriptLines(inputs.commands.script, paths));
  const command = hasScript ? customScriptCommand(paths) : inputs.command;
  if (command.trim() === '') {
    // Upstream runs an empty command too: the container just ends here.
    L.push('# No command and no commands.script: nothing to run.', 'command_status=0');
  } else {
    L.push(
      '# containers[i].command: shell code, run as written in this shell (so $fluxsocket is visible).',
      ...assignTextLines('command', command),
      // Under strict mode a failure ends the script right here, as a pasted command would.
      'eval "${command}"',
      'command_status=$?',
    );
  }
  L.push('');
  L.push(...snippetLines('commands.post', inputs.commands.post, ''));
  L.push('exit "${command_status}"', '');
  return L.join('\n');
}
