/**
 * The v1alpha1 start script `start-i.sh`: for a container that does not
 * run Flux but has commands and a command. Every pod runs the same steps; there are no ranks.
 */
import { assignTextLines, headerLines, snippetLines, strictLines } from '../../common/scripts/lines.ts';
import { API_VERSION } from '../schema.ts';
import type { StartScriptInputs } from './inputs.ts';

export function startScript(inputs: StartScriptInputs): string {
  const { quiet, commands } = inputs;
  const silenced = quiet ? '>/dev/null 2>&1' : '';
  const L: string[] = [
    ...headerLines('Start script (start-i.sh) of a MiniCluster container that does not run Flux.', [
      'It runs the commands, then the container command as shell code, then commands.post.',
    ], API_VERSION),
  ];
  L.push(...snippetLines('commands.init', commands.init, quiet ? '>/dev/null' : ''));
  L.push(...strictLines(inputs.strict));
  // No ranks here: brokerPre and workerPre both run in every pod, as with the operator.
  L.push(...snippetLines('commands.brokerPre', commands.brokerPre, silenced));
  L.push(...snippetLines('commands.workerPre', commands.workerPre, silenced));
  L.push(...snippetLines('commands.pre', commands.pre, silenced));
  L.push(
    '# containers[i].command: shell code, run as written in this shell.',
    ...assignTextLines('command', inputs.command),
    // Under strict mode a failure ends the script right here, as pasted code would.
    'eval "${command}"',
    'command_status=$?',
    '',
  );
  L.push(...snippetLines('commands.post', commands.post, ''));
  L.push('exit "${command_status}"', '');
  return L.join('\n');
}
