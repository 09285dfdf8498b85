/**
 * The v1alpha1 Flux entrypoint `wait-i.sh`, written by us from a description of what the
 * operator's script did. Flux is installed in the application image; the script sets up the Flux user,
 * the resource file, the IMP and the certificate, then rank 0 runs the command under
 * `flux start` (or the REST API server, or an interactive broker) and every other pod runs a
 * follower broker until it exits cleanly.
 *
 * Quoting model, as in the v1alpha2 scripts (v1alpha2/scripts/runnerScript.ts): spec values are quoted data; `command`,
 * `submitCommand`, `optionFlags` and `commands.prefix` are shell words split at run time
 * (`mcs_split`), so quotes in them work as on a command line; `commands.*` are shell code run
 * as written; batch lines are shell code written to the batch file as they are.
 */
import { quotedHereDoc, shellWord } from '../../common/scripts/shellQuote.ts';
import { assignTextLines, BATCH_FILE, batchProgram, continued, headerLines, indent, maybeEmpty, sayValue as sayValueUnlessQuiet, snippetLines, splitLines, strictLines } from '../../common/scripts/lines.ts';
import { API_VERSION } from '../schema.ts';
import type { WaitScriptInputs } from './inputs.ts';

export const V1A1_FOLLOWER_RETRY_SECONDS = 15;
const CONFIG_DIR = '/etc/flux/config';
const TIME = '/usr/bin/time';
const REST_REPO = 'https://github.com/flux-framework/flux-restful-api';

/**
 * The batch file. Without batchRaw each non-empty line k becomes a job with its own output
 * files; that is what the operator meant (its template failed on it: README, v1alpha1 differences D1).
 */
export function v1alpha1BatchFile(command: string, batchRaw: boolean, outputDir: string, submitCommand: string): string {
  const elements = command.split('\n');
  if (batchRaw) return ['#!/bin/bash', ...elements, ''].join('\n');
  const lines = ['#!/bin/bash'];
  elements.forEach((element, k) => {
    if (element === '') lines.push('');
    else lines.push(`${submitCommand} --flags waitable ${shellWord(`--error=${outputDir}/job-${k}.err`)} ${shellWord(`--output=${outputDir}/job-${k}.out`)} ${element}`);
  });
  lines.push('flux queue idle', 'flux jobs -a');
  return lines.join('\n');
}

export function waitScript(inputs: WaitScriptInputs): string {
  const { quiet } = inputs;
  const say = (...messages: string[]): string[] => (quiet ? [] : [`printf '%s\\n' ${messages.map((m) => `"${m}"`).join(' ')}`]);
  const sayValue = (message: string, value: string): string[] => sayValueUnlessQuiet(quiet, message, value);
  // Diagnostics run plain flux start checks, without the prefix.
  const hasPrefix = inputs.commands.prefix.trim() !== '' && !inputs.diagnostics;
  const hasCommand = inputs.command.trim() !== '';
  const prefixWords = hasPrefix ? `${maybeEmpty('prefix_words')} ` : '';
  const asRoot = inputs.runFluxAsRoot;

  const L: string[] = [];
  L.push(
    ...headerLines(`Flux entrypoint (wait-i.sh) of MiniCluster ${inputs.name}.`, [
      'Every pod sets up Flux (installed in the image); rank 0 (hostname NAME-0) runs the command',
      'under flux start, the other pods run follower brokers until they exit cleanly.',
      'The script exits with the status of Flux.',
    ], API_VERSION),
  );
  L.push(...snippetLines('commands.init', inputs.commands.init, quiet ? '>/dev/null' : ''));
  L.push(...strictLines(inputs.strict));

  L.push(
    `fluxuser=${shellWord(inputs.fluxUser)}`,
    `fluxroot=${shellWord(inputs.installRoot)}`,
    'export fluxroot',
    ...say('Flux user: ${fluxuser}', 'Flux install root: ${fluxroot}'),
    '# Defined, possibly empty, so that they can be passed on under nounset.',
    'export PYTHONPATH="${PYTHONPATH:-}"',
    'export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:-}"',
    '# How Flux is run: through sudo, with the environment of this shell as it is now.',
    asRoot
      ? 'as_flux=(sudo -E "PYTHONPATH=${PYTHONPATH}" -E "PATH=${PATH}" -E "LD_LIBRARY_PATH=${LD_LIBRARY_PATH}" -E "HOME=/home/${fluxuser}")'
      : 'as_flux=(sudo -u "${fluxuser}" -E "PYTHONPATH=${PYTHONPATH}" -E "PATH=${PATH}" -E "LD_LIBRARY_PATH=${LD_LIBRARY_PATH}" -E "HOME=/home/${fluxuser}")',
    '',
  );
  L.push(...snippetLines('commands.pre', inputs.commands.pre, quiet ? '>/dev/null 2>&1' : ''));

  L.push(
    'for mcs_tool in sudo flux; do',
    '  if ! command -v "${mcs_tool}" >/dev/null 2>&1; then',
    `    printf '%s\\n' "\${mcs_tool} is not on the PATH of this image; a v1alpha1 MiniCluster needs an image with Flux and sudo installed." >&2`,
    '    exit 1',
    '  fi',
    'done',
    '',
  );

  if (!asRoot) {
    L.push(
      '# The Flux user, with passwordless sudo.',
      `printf '%s ALL=(ALL) NOPASSWD: ALL\\n' "\${fluxuser}" >> /etc/sudoers`,
      `if ! sudo adduser --disabled-password --uid ${shellWord(String(inputs.fluxUid))} --gecos "" "\${fluxuser}" >/dev/null 2>&1; then`,
      ...(quiet ? ['  :'] : indent(say('User ${fluxuser} was not added (it probably exists already).'))),
      'fi',
    );
    if (!quiet) L.push('id "${fluxuser}"');
    L.push('');
  }

  for (const user of inputs.users) {
    // Printed even in quiet mode: this log is the only place the password is shown.
    L.push(
      `printf '%s\\n' ${shellWord(`Adding user ${user.name} with password ${user.password}`)}`,
      `sudo useradd -m -p "$(openssl passwd ${shellWord(user.password)})" ${shellWord(user.name)}`,
    );
  }
  if (inputs.users.length > 0) L.push('');
  L.push(...say('Flux runs as: ${as_flux[*]}'));

  if (inputs.timed) {
    L.push(
      `if [[ ! -x ${TIME} ]]; then`,
      `  printf '%s\\n' '${TIME} is required for timed logging (logging.timed).' >&2`,
      '  exit 1',
      'fi',
    );
  }
  L.push(
    'export STATE_DIR=/var/lib/flux',
    `export FLUX_OUTPUT_DIR=${shellWord(inputs.outputDir)}`,
    'mkdir -p "${STATE_DIR}" "${FLUX_OUTPUT_DIR}"',
    '',
    '# Broker options, one argument each.',
    ['brokerOptions=(', ...inputs.brokerOptions.map((o) => `  ${shellWord(o)}`), ')'].join('\n'),
  );
  if (inputs.archivePath !== '') {
    const archive = shellWord(inputs.archivePath);
    L.push(
      `if [[ -e ${archive} ]]; then`,
      ...indent(sayValue('Restoring the Flux archive from ', inputs.archivePath)),
      `  brokerOptions+=(${shellWord(`-Scontent.restore=${inputs.archivePath}`)})`,
      'fi',
    );
  }
  L.push('mkdir -p /etc/flux/system/cron.d', '');

  if (!inputs.diagnostics) L.push(`mainHost=${shellWord(`${inputs.name}-0`)}`);
  L.push(
    'workdir=$(pwd)',
    'mkdir -p "${workdir}"',
  );
  if (!quiet) {
    const host = inputs.diagnostics ? '' : '; the main host is ${mainHost}';
    L.push(...say(`Hello, I am $(hostname)${host}; working directory \${workdir}`), 'ls -lR "${workdir}" || true');
  }
  L.push('');

  const encode = `flux R encode --hosts=${shellWord(inputs.hostlist)} ${inputs.coresFlag}`;
  L.push('# Resources of the whole cluster (every rank writes the same file).', 'mkdir -p /etc/flux/system');
  L.push(...sayValue('Running: ', encode));
  L.push(`${encode} > /etc/flux/system/R`);
  if (!quiet) L.push('cat /etc/flux/system/R');
  L.push('');
  if (inputs.diagnostics) L.push(...say('Diagnostics mode: Flux checks run instead of the command.'));
  if (inputs.optionFlags !== '') {
    L.push(
      `export FLUX_OPTION_FLAGS="\${FLUX_OPTION_FLAGS:+\${FLUX_OPTION_FLAGS} }"${shellWord(inputs.optionFlags)}`,
      ...say('FLUX_OPTION_FLAGS is ${FLUX_OPTION_FLAGS}'),
    );
  }

  const impUsers = asRoot ? '[ \\"root\\" ]' : '[ \\"${fluxuser}\\", \\"root\\" ]';
  L.push(
    '# The IMP: which users may run jobs, and with which shell.',
    'mkdir -p /etc/flux/imp/conf.d/',
    '{',
    "  printf '%s\\n' '[exec]'",
    `  printf '%s\\n' "allowed-users = ${impUsers}"`,
    `  printf '%s\\n' "allowed-shells = [ \\"\${fluxroot}/libexec/flux/flux-shell\\" ]"`,
    '} >> /etc/flux/imp/conf.d/imp.toml',
  );
  if (!quiet) L.push('cat /etc/flux/imp/conf.d/imp.toml', `cat ${CONFIG_DIR}/broker.toml`);
  L.push(
    'chmod u+s "${fluxroot}/libexec/flux/flux-imp"',
    'chmod 4755 "${fluxroot}/libexec/flux/flux-imp"',
    'chmod 0644 /etc/flux/imp/conf.d/imp.toml',
    'sudo service munge start >/dev/null 2>&1',
    '',
    '# The CURVE certificate, readable by its owner only (never printed: it holds the secret key).',
    'mkdir -p /run/flux /etc/curve',
    'cp /mnt/curve/curve.cert /etc/curve/curve.cert',
    'chmod go-r /etc/curve/curve.cert',
  );
  if (!asRoot) {
    L.push(
      'fluxuid=$(id -u "${fluxuser}")',
      'chown -R "${fluxuid}" /run/flux "${STATE_DIR}" /etc/curve/curve.cert "${workdir}" "${FLUX_OUTPUT_DIR}"',
    );
  }
  L.push('chmod -R 0777 "${workdir}"');
  if (!quiet) L.push('ls -l "${STATE_DIR}" "${workdir}"', ...say('CURVE certificate installed at /etc/curve/curve.cert'));
  L.push('');

  const needsSplit = !inputs.diagnostics && (hasPrefix || (hasCommand && !inputs.batch));
  if (needsSplit) {
    L.push(
      '# Split shell-word text ($2) into the array named $1 as a command line would be split;',
      '# the final newline ends a trailing comment or backslash.',
      'mcs_split() {',
      `  eval "$1=( $2"$'\\n'")"`,
      '}',
    );
    if (hasPrefix) {
      L.push('# commands.prefix: shell words put before flux.', ...assignTextLines('prefix', inputs.commands.prefix), ...splitLines('prefix_words', 'prefix', 'commands.prefix'));
    }
    L.push('');
  }

  const timed = (label: string) => (inputs.timed ? [`${TIME} -f ${shellWord(`FLUXTIME ${label} wall time %E`)}`] : []);
  const wrap = inputs.wrap !== '' ? [shellWord(`--wrap=${inputs.wrap}`)] : [];
  const fluxStart = [...timed('fluxstart'), '"${as_flux[@]}"', 'flux start', ...wrap, `-o --config ${CONFIG_DIR}`, '"${brokerOptions[@]}"'];

  if (inputs.diagnostics) {
    // Each check runs even when an earlier one fails: their output is the point.
    L.push('# Diagnostics (containers[i].diagnostics): every rank runs them, then waits.');
    for (const check of ['flux overlay status', 'flux lsattr -v', 'flux dmesg']) {
      L.push(...say(`Running ${check}`), `"\${as_flux[@]}" flux start -o --config ${CONFIG_DIR} "\${brokerOptions[@]}" ${check} || true`);
    }
    L.push(...say('Diagnostics done; sleeping so that the pod can be inspected.'), 'sleep infinity', '');
    return L.join('\n');
  }
  L.push('flux_status=0');

  L.push('if [[ "$(hostname)" == "${mainHost}" ]]; then');
  L.push(...indent(rankZero(inputs, { say, sayValue, fluxStart, prefixWords, hasCommand })));
  L.push('else');
  L.push(...indent(snippetLines('commands.workerPre', inputs.commands.workerPre, quiet ? '>/dev/null 2>&1' : '')));
  const follower = continued([...timed('fluxstart'), `"\${as_flux[@]}" ${prefixWords}flux start`, ...wrap, `-o --config ${CONFIG_DIR}`, '"${brokerOptions[@]}"']);
  L.push(
    ...indent(say(`Follower broker: \${as_flux[*]} flux start -o --config ${CONFIG_DIR} \${brokerOptions[*]}`)),
    '  while true; do',
    '    flux_status=0',
    ...indent(indent([`${follower} || flux_status=$?`])),
    '    if [[ ${flux_status} -eq 0 ]]; then',
    ...indent(indent(indent(say('Follower broker finished; goodbye.')))),
    '      break',
    '    fi',
    ...indent(indent(say(`Follower broker exited with status \${flux_status}; retrying in ${V1A1_FOLLOWER_RETRY_SECONDS} seconds.`))),
    `    sleep ${V1A1_FOLLOWER_RETRY_SECONDS}`,
    '  done',
    'fi',
    '',
  );
  L.push(...snippetLines('commands.post', inputs.commands.post, ''));
  L.push('exit "${flux_status}"', '');
  return L.join('\n');
}

interface RankZeroContext {
  say: (...messages: string[]) => string[];
  sayValue: (message: string, value: string) => string[];
  fluxStart: string[];
  prefixWords: string;
  hasCommand: boolean;
}

function rankZero(inputs: WaitScriptInputs, ctx: RankZeroContext): string[] {
  const { quiet } = inputs;
  const { say, sayValue, prefixWords } = ctx;
  const timed2 = inputs.timed ? [`${TIME} -f ${shellWord('FLUXTIME fluxsubmit wall time %E')}`] : [];
  const L: string[] = [];
  if (inputs.batch && ctx.hasCommand) {
    L.push(
      '# The batch script, one job per command line (written as it is: nothing expands now).',
      `rm -f ${BATCH_FILE}`,
      quotedHereDoc(`cat > ${BATCH_FILE}`, v1alpha1BatchFile(inputs.command, inputs.batchRaw, inputs.outputDir, inputs.submitCommand)),
      `chmod +x ${BATCH_FILE}`,
    );
    if (!inputs.runFluxAsRoot) L.push(`chown "\${fluxuid}" ${BATCH_FILE}`);
  }
  L.push(...snippetLines('commands.brokerPre', inputs.commands.brokerPre, quiet ? '>/dev/null 2>&1' : ''));
  if (ctx.hasCommand) L.push(...sayValue('Command: ', inputs.command));
  const broker = (extra: string) => `"\${as_flux[@]}" ${prefixWords}flux broker --config-path ${CONFIG_DIR} "\${brokerOptions[@]}"${extra} || flux_status=$?`;

  if (!ctx.hasCommand) {
    if (inputs.interactive) {
      L.push(...say('Interactive: the lead broker stays up with no initial program.'), broker(''));
      return L;
    }
    const rest = inputs.rest;
    // The REST API clone, the token and the user passwords are printed even in quiet mode:
    // they are what a user needs to reach the server.
    L.push(
      `printf '%s\\n' ${shellWord(`Cloning ${REST_REPO} (branch ${rest.branch}) for the Flux RESTful API server`)}`,
      `git clone -q -b ${shellWord(rest.branch)} --depth 1 ${REST_REPO} /flux-restful-api`,
      'cd /flux-restful-api || exit 1',
      `export FLUX_USER=${shellWord(rest.username)}`,
      `export FLUX_TOKEN=${shellWord(rest.token)}`,
      `printf '%s\\n' "FLUX_USER=\${FLUX_USER}" "FLUX_TOKEN=\${FLUX_TOKEN}"`,
      'mcs_python=python3',
      'if ! command -v python3 >/dev/null 2>&1; then',
      '  mcs_python=python',
      'fi',
      '"${mcs_python}" -m pip install -r requirements.txt >/dev/null 2>&1',
      'alembic revision --autogenerate -m "Create intital tables"',
      'alembic upgrade head',
      '"${mcs_python}" ./app/db/init_db.py init',
    );
    for (const user of inputs.users) {
      L.push(
        `printf '%s\\n' ${shellWord(`Adding user ${user.name} to the REST API`)}`,
        `"\${mcs_python}" ./app/db/init_db.py add-user ${shellWord(user.name)} ${shellWord(user.password)}`,
      );
    }
    const uvicorn = ` uvicorn app.main:app --host=0.0.0.0 --port=${rest.port}`;
    L.push(
      'export FLUX_REQUIRE_AUTH=true',
      `export FLUX_SECRET_KEY=${shellWord(rest.secretKey)}`,
      `export FLUX_NUMBER_NODES=${inputs.size}`,
      `printf '%s\\n' "The Flux RESTful API listens on port ${rest.port} of this pod (log in with FLUX_USER and FLUX_TOKEN)."`,
      `printf '%s\\n' "Running: \${as_flux[*]} flux broker --config-path ${CONFIG_DIR} \${brokerOptions[*]}${uvicorn}"`,
      broker(uvicorn),
    );
    return L;
  }

  if (inputs.batch) {
    if (!quiet) L.push(`cat ${BATCH_FILE}`);
    const flags = [inputs.nodeFlags, inputs.optionFlags, inputs.debug ? '-vvv' : ''].filter(Boolean).join(' ');
    L.push(...say('Batch mode: the command lines run as jobs of flux batch.'));
    const run = [...ctx.fluxStart, ...timed2, ...(prefixWords ? [prefixWords.trim()] : []), `sh -c ${shellWord(batchProgram(flags))}`];
    L.push(`${continued(run)}${quiet ? ' >/dev/null 2>&1' : ''} || flux_status=$?`);
    return L;
  }

  L.push('# containers[i].command: shell words, split when it runs.', ...assignTextLines('command', inputs.command), ...splitLines('command_words', 'command', 'the command'));
  const run = [...ctx.fluxStart, ...timed2];
  if (prefixWords) run.push(prefixWords.trim());
  if (inputs.launcher) {
    L.push(...say('Launcher mode: the command is given to flux start directly.'));
  } else {
    const submit = [inputs.submitCommand, inputs.nodeFlags, '--quiet', inputs.optionFlags, '--watch', inputs.debug ? '-vvv' : ''].filter(Boolean).join(' ');
    L.push(...sayValue('Submit command: ', submit), ...assignTextLines('submit', submit), ...splitLines('submit_words', 'submit', 'the submit command'));
    run.push('"${submit_words[@]}"');
  }
  run.push('"${command_words[@]}"');
  L.push(
    '# A command that expands to no words at all leaves an interactive broker, as with no command.',
    'if [[ ${#command_words[@]} -eq 0 ]]; then',
    `  ${broker('')}`,
    'else',
    ...indent([`${continued(run)} || flux_status=$?`]),
    'fi',
  );
  return L;
}
