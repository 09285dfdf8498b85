/**
 * The runner script `wait-i.sh`: one per runFlux container. Rank 0 starts
 * Flux with the user's program, every other pod starts a follower broker in a retry loop.
 *
 * Quoting model (the operator pasted spec values into its scripts unquoted):
 * - spec values (paths, broker options, wrap, archive path, hostnames) are quoted data;
 * - `command`, `flags`, `submitCommand` and `commands.prefix` are shell words: they are stored
 *   as quoted text and split at run time by the shell (`mcs_split`, an `eval` into an array),
 *   so quotes, `$VAR`, `$(...)`, backticks and globs behave as on a command line and expand on
 *   rank 0 at run time, as upstream; a `"` no longer breaks the script, and each resulting word
 *   reaches `flux submit` / `flux start` as its own argument (`echo hello world` still gives
 *   `... --watch echo hello world`, so job names stay the program's name). Control operators
 *   (`|`, `&&`, `;`, redirections) are not part of a word list: a command that needs them can
 *   now be written `bash -c '...'` (or use `commands.script`, or batch mode);
 * - `commands.*` snippets are shell code run as written (see `snippetLines`);
 * - the batch file lines are shell code and are written verbatim; `$...` in them now expands
 *   when the batch script runs (upstream: when it was written).
 */
import { customScriptCommand, customScriptLines, viewLines } from './parts.ts';
import type { RunnerScriptInputs } from './inputs.ts';
import { assignTextLines, BATCH_FILE, batchProgram, continued, headerLines, indent, maybeEmpty, sayValue, snippetLines, splitLines, strictLines } from '../../common/scripts/lines.ts';
import { certificatePath, systemPathsOf } from './paths.ts';
import { quotedHereDoc, shellWord } from '../../common/scripts/shellQuote.ts';

/** Seconds a follower waits before restarting its broker, as the operator's script did. */
export const FOLLOWER_RETRY_SECONDS = 15;


/** The text of `flux-job.batch`: a job per non-empty line (the lines as they are with batchRaw); k counts empty lines. */
export function batchFileText(command: string, batchRaw: boolean, outputDir: string): string {
  const elements = command.split('\n');
  const lines = ['#!/bin/bash'];
  if (batchRaw) {
    lines.push(...elements);
  } else {
    elements.forEach((element, k) => {
      if (element === '') {
        lines.push('');
        return;
      }
      const err = shellWord(`--error=${outputDir}/job-${k}.err`);
      const out = shellWord(`--output=${outputDir}/job-${k}.out`);
      lines.push(`flux submit --flags waitable ${err} ${out} ${element}`);
    });
    lines.push('flux queue idle', 'flux jobs -a');
  }
  return lines.join('\n');
}

export function runnerScript(inputs: RunnerScriptInputs): string {
  const paths = systemPathsOf(inputs.systemPaths);
  const { quiet } = inputs;
  const say = (...messages: string[]): string[] =>
    quiet ? [] : [`printf '%s\\n' ${messages.map((m) => `"${m}"`).join(' ')}`];
  const time = shellWord(paths.timeBinary);
  const hasScript = inputs.commands.script.trim() !== '';
  const command = hasScript ? customScriptCommand(paths) : inputs.command;
  const hasCommand = command.trim() !== '';
  const brokerOptionsWords =
    inputs.brokerOptions.length > 0 ? '"${brokerOptions[@]}"' : maybeEmpty('brokerOptions');

  const L: string[] = [];
  L.push(
    ...headerLines(`Flux runner entrypoint (wait-i.sh) of MiniCluster ${inputs.name}.`, [
      'Rank 0 (the pod whose hostname is the main host) starts Flux with the command;',
      'every other pod runs a follower broker, restarted until it exits cleanly.',
      'The script exits with the status of Flux.',
    ]),
  );
  L.push(...strictLines(inputs.strict));

  if (inputs.timed) {
    // The exit happens in this shell; the operator's ran in a subshell, so it stopped nothing
    // outside strict mode.
    L.push(
      `if [[ ! -x ${time} ]]; then`,
      `  printf '%s\\n' ${shellWord(`${paths.timeBinary} is required for timed logging (logging.timed).`)} >&2`,
      '  exit 1',
      'fi',
      '',
    );
  }

  L.push('fluxuser=$(whoami)', 'fluxuid=$(id -u "${fluxuser}")', '');
  L.push(...snippetLines('commands.init', inputs.commands.init, quiet ? '>/dev/null' : ''));
  L.push(...viewLines(inputs, paths));

  L.push('cfg="${configroot}/etc/flux/config"');
  if (hasScript) L.push('', ...customScriptLines(inputs.commands.script, paths));
  const needsSplit = ctxNeedsSplit(inputs, hasCommand);
  if (!quiet || (hasCommand && !inputs.batch)) {
    L.push('# containers[i].command: shell words, split when it runs (see mcs_split).');
    L.push(...assignTextLines('command', command), '');
  }

  L.push(...say('Hello user ${fluxuser}'));
  // The certificate holds the secret key; never print it (the operator did), only where it went.
  L.push(
    '# The CURVE certificate, readable by its owner only.',
    'mkdir -p "${configroot}/curve"',
    `cp ${shellWord(certificatePath(paths, inputs.certificateInSecret))} "\${configroot}/curve/curve.cert"`,
    'chmod go-r "${configroot}/curve/curve.cert"',
    'chown -R "${fluxuid}" "${configroot}/curve/curve.cert"',
    ...say('CURVE certificate installed at ${configroot}/curve/curve.cert (not printed: it holds the secret key)'),
    '',
  );

  const tmpR = shellWord(`${paths.tmpDir}/R`);
  L.push(
    '# Resources of the whole cluster, from the hostlist the init container wrote.',
    'hosts=$(cat "${configroot}/etc/flux/system/hostlist")',
    ...say('flux R encode --hosts=${hosts} --local'),
    `flux R encode --hosts="\${hosts}" --local > ${tmpR}`,
    `mv -f ${tmpR} "\${configroot}/etc/flux/system/R"`,
  );
  if (!quiet) L.push('cat "${configroot}/etc/flux/system/R"');
  L.push('');

  L.push(
    'export STATE_DIR="${configroot}/var/lib/flux"',
    `export FLUX_OUTPUT_DIR=${shellWord(inputs.outputDir)}`,
    'mkdir -p "${STATE_DIR}" "${FLUX_OUTPUT_DIR}"',
    '',
    `mainHost=${shellWord(inputs.leadHost)}`,
  );
  if (!quiet) {
    L.push(
      'workdir=$(pwd)',
      ...say('Hostname: $(hostname)', 'Main host: ${mainHost}', 'Working directory: ${workdir}'),
      'ls -l',
    );
  }
  L.push('');

  L.push('mkdir -p "${configroot}/etc/flux/system/cron.d"', '# Broker options, one argument each.');
  L.push(
    inputs.brokerOptions.length === 0
      ? 'brokerOptions=()'
      : ['brokerOptions=(', ...inputs.brokerOptions.map((o) => `  ${shellWord(o)}`), ')'].join('\n'),
  );
  if (inputs.archivePath !== '') {
    const archive = shellWord(inputs.archivePath);
    L.push(
      `if [[ -e ${archive} ]]; then`,
      ...sayValue(quiet, 'Restoring the Flux archive from ', inputs.archivePath).map((l) => `  ${l}`),
      `  brokerOptions+=(${shellWord(`-Scontent.restore=${inputs.archivePath}`)})`,
      'fi',
    );
  }
  L.push('');
  L.push(...snippetLines('commands.pre', inputs.commands.pre, quiet ? '>/dev/null 2>&1' : ''));
  L.push(...say('Flux options: broker options, then the flags of flux submit / flux batch follow.'));

  if (needsSplit) {
    L.push(
      '',
      '# Split shell-word text ($2) into the array named $1 as a command line would be split;',
      '# the final newline ends a trailing comment or backslash.',
      'mcs_split() {',
      `  eval "$1=( $2"$'\\n'")"`,
      '}',
    );
  }
  L.push('', 'flux_status=0', 'if [[ "$(hostname)" == "${mainHost}" ]]; then');
  L.push(...indent(rankZeroLines(inputs, { command, hasCommand, time, brokerOptionsWords, say })));
  L.push('else');
  L.push(...indent(followerLines(inputs, brokerOptionsWords, say)));
  L.push('fi', '');

  L.push(...snippetLines('commands.post', inputs.commands.post, ''));
  L.push('touch "${viewbase}/flux-operator-complete.txt"', '# B26 fixed: report the outcome of Flux, not of touch.', 'exit "${flux_status}"', '');
  return L.join('\n');
}

interface RankZeroContext {
  command: string;
  hasCommand: boolean;
  time: string;
  brokerOptionsWords: string;
  say: (...messages: string[]) => string[];
}

function rankZeroLines(inputs: RunnerScriptInputs, ctx: RankZeroContext): string[] {
  const { quiet } = inputs;
  const { say, time, brokerOptionsWords } = ctx;
  const L: string[] = [];
  if (inputs.batch) {
    L.push(
      '# The batch script, one job per command line.',
      `rm -f ${BATCH_FILE}`,
      quotedHereDoc(`cat > ${BATCH_FILE}`, batchFileText(ctx.command, inputs.batchRaw, inputs.outputDir)),
      `chmod +x ${BATCH_FILE}`,
      `chown -R "\${fluxuid}" ${BATCH_FILE}`,
      '',
    );
  }
  L.push(...snippetLines('commands.brokerPre', inputs.commands.brokerPre, quiet ? '>/dev/null 2>&1' : ''));
  L.push(...say('Command: ${command}'));

  const interactive = [
    ...say('This cluster runs interactively: the lead broker stays up with no initial program.', 'flux broker --config-path ${cfg} ${brokerOptions[*]}'),
    `flux broker --config-path "\${cfg}" ${brokerOptionsWords} || flux_status=$?`,
  ];
  if (!ctx.hasCommand) return [...L, ...interactive];

  const start: string[] = [];
  if (inputs.timed) start.push(`${time} -f 'FLUXTIME fluxstart wall time %E'`);
  start.push('flux start');
  if (inputs.wrap !== '') start.push(shellWord(`--wrap=${inputs.wrap}`));
  start.push(`-o --config "\${cfg}" ${brokerOptionsWords}`);
  if (inputs.timed) start.push(`${time} -f 'FLUXTIME fluxsubmit wall time %E'`);
  const hasPrefix = inputs.commands.prefix.trim() !== '';
  if (hasPrefix) start.push(maybeEmpty('prefix_words'));
  const prefixLines = hasPrefix
    ? ['# commands.prefix: shell words put before the program.', ...assignTextLines('prefix', inputs.commands.prefix), ...splitLines('prefix_words', 'prefix', 'commands.prefix')]
    : [];

  if (inputs.batch) {
    if (!quiet) L.push(`cat ${BATCH_FILE}`);
    L.push(...say('Batch mode: the command lines run as jobs of flux batch.'), ...sayValue(quiet, 'Flags for flux are ', inputs.flags));
    L.push(...prefixLines);
    start.push(`sh -c ${shellWord(batchProgram(inputs.flags))}`);
    L.push(`${continued(start)}${quiet ? ' >/dev/null 2>&1' : ''} || flux_status=$?`);
    return L;
  }

  L.push(...splitLines('command_words', 'command', 'the command'));
  L.push(...prefixLines);
  const run: string[] = [];
  if (inputs.launcher) {
    run.push(...say('Launcher mode: the command is given to flux start directly.'));
    start.push('"${command_words[@]}"');
  } else {
    run.push(...sayValue(quiet, 'Flags for flux are ', inputs.flags));
    run.push(...assignTextLines('submit', inputs.submitCommand), ...splitLines('submit_words', 'submit', 'the submit command'));
    run.push(...assignTextLines('flags', inputs.flags), ...splitLines('flags_words', 'flags', 'the flags'));
    run.push(...say('Submit mode: flux start runs the submit command, which waits for the job.'));
    start.push(maybeEmpty('submit_words'), maybeEmpty('flags_words'), '--quiet --watch "${command_words[@]}"');
  }
  if (inputs.interactive) {
    run.push(...say('spec.interactive is set: with -Sbroker.rc2_none Flux keeps the broker up and does not run the command.'));
  }
  run.push(`${continued(start)} || flux_status=$?`);
  L.push(
    '# An empty word list (e.g. the command only expanded to nothing) means interactive, as upstream.',
    'if [[ ${#command_words[@]} -eq 0 ]]; then',
    ...indent(interactive),
    'else',
    ...indent(run),
    'fi',
  );
  return L;
}

function followerLines(inputs: RunnerScriptInputs, brokerOptionsWords: string, say: (...m: string[]) => string[]): string[] {
  const L: string[] = [];
  L.push(...snippetLines('commands.workerPre', inputs.commands.workerPre, inputs.quiet ? '>/dev/null 2>&1' : ''));
  // Printed even when quiet, as upstream: the only trace of what a follower runs.
  L.push(`printf '%s\\n' "Follower broker: flux start -o --config \${cfg} \${brokerOptions[*]}"`);
  const start = `flux start -o --config "\${cfg}" ${brokerOptionsWords} || flux_status=$?`;
  const goodbye = say('Follower broker finished; goodbye.');
  if (inputs.completeWorkers) {
    // flux.completeWorkers: one run, whatever its status.
    L.push(start, ...goodbye);
    return L;
  }
  // The status is captured with `||`, so the loop also retries under `set -e` (the operator's
  // loop ended the script at the first failure in strict mode).
  L.push(
    'while true; do',
    '  flux_status=0',
    `  ${start}`,
    '  if [[ ${flux_status} -eq 0 ]]; then',
    ...indent(indent(goodbye)),
    '    break',
    '  fi',
    `  printf '%s\\n' "Follower broker exited with status \${flux_status}; retrying in ${FOLLOWER_RETRY_SECONDS} seconds."`,
    `  sleep ${FOLLOWER_RETRY_SECONDS}`,
    'done',
  );
  return L;
}

/** `mcs_split` is needed when a command, or a prefix, is split into words at run time. */
function ctxNeedsSplit(inputs: RunnerScriptInputs, hasCommand: boolean): boolean {
  return hasCommand && (!inputs.batch || inputs.commands.prefix.trim() !== '');
}
