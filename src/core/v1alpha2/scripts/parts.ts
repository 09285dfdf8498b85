/**
 * Pieces the v1alpha2 runner (`wait-i.sh`) and sidecar (`start-i.sh`) scripts share: the Flux
 * view's variables and software copy, the "paths" setup and helper files, and `commands.script`.
 */
import type { SystemPaths, ViewInputs } from './inputs.ts';
import { quotedHereDoc, shellQuote, shellWord } from '../../common/scripts/shellQuote.ts';
import { FLUX_VIEW_FILE, fluxViewScript } from './paths.ts';

/** Valid names for `export NAME=...`; anything else would be shell code in the name position. */
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isShellName(name: string): boolean {
  return SHELL_NAME.test(name);
}

/**
 * Upstream writes `commands.script` through an unquoted here-document, so the published examples
 * escape `$` as `\$` (e.g. `\${FLUX_TASK_RANK}`) and may rely on `\\` meaning `\`. We write the
 * script with a quoted here-document (nothing is expanded or executed at write time, where
 * upstream's `$1` or `$i` silently became empty) and apply only the backslash rules of an
 * unquoted here-document: `\$` → `$`, `` \` `` → `` ` ``, `\\` → `\`, backslash-newline removed.
 * So every existing script that did not depend on write-time expansion yields the very file it
 * yielded upstream, and unescaped `$VAR` now expands when the script runs instead of when it is
 * written (same value for exported variables, which Flux passes to the job).
 */
export function unescapeScriptText(script: string): string {
  return script.replace(/\\([$`\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

export function customScriptPath(paths: SystemPaths): string {
  return `${paths.tmpDir}/custom-entrypoint.sh`;
}

/** Lines writing `commands.script` to `/tmp/custom-entrypoint.sh` (see `unescapeScriptText`). */
export function customScriptLines(script: string, paths: SystemPaths): string[] {
  const file = shellWord(customScriptPath(paths));
  return [
    '# commands.script, used as the command. Written as is, except that \\$, \\` and \\\\ become $, ` and a single backslash',
    '# (and backslash-newline is removed), which is what the upstream here-document did.',
    quotedHereDoc(`cat > ${file}`, unescapeScriptText(script)),
    `chmod +x ${file}`,
    '',
  ];
}

/** The command that replaces `containers[i].command` when `commands.script` is set (shell words). */
export function customScriptCommand(paths: SystemPaths): string {
  return `/bin/bash ${shellWord(customScriptPath(paths))}`;
}

/**
 * The view variables and software copy, then (view enabled) the "paths" setup: Python, HOME,
 * and the helper files flux-view.sh, flux-connect.sh and load-fluxion.sh.
 * Variables that a script never reads are not emitted, so shellcheck stays quiet.
 */
export function viewLines(inputs: ViewInputs, paths: SystemPaths): string[] {
  const { quiet, viewEnabled } = inputs;
  const software = shellWord(paths.softwareDir);
  const lines = [
    '# View variables: the shared flux-view volume (MOUNT).',
    `viewbase=${shellWord(inputs.mountPath)}`,
    'configroot="${viewbase}/config"',
    'software="${viewbase}/software"',
  ];
  if (viewEnabled) {
    lines.push('viewroot="${viewbase}/view"', 'viewbin="${viewroot}/bin"');
    if (!quiet) lines.push(`printf '%s\\n' "Flux install root: \${viewroot}"`);
    // Appended, not prepended: a Flux installed in the application image wins over the view's.
    lines.push('export PATH="${PATH}:${viewbin}"');
  }
  lines.push(
    '',
    '# The view links into the spack tree under /opt/software; best effort, like upstream.',
    `if [[ -d ${software} ]]; then`,
    `  cp -R "\${software}"/. ${software}/ 2>/dev/null || true`,
    'else',
    `  cp -R "\${software}" ${software} 2>/dev/null || true`,
    'fi',
    '',
  );
  if (viewEnabled) lines.push(...pathsSetupLines(inputs, paths));
  return lines;
}

function pathsSetupLines(inputs: ViewInputs, paths: SystemPaths): string[] {
  const { quiet } = inputs;
  const pythonPathLine = inputs.pythonPath
    ? `export PYTHONPATH="\${PYTHONPATH:-}:"${shellWord(inputs.pythonPath)}`
    : 'export PYTHONPATH="${PYTHONPATH:-}:${pythonroot}/site-packages"';
  const tmp = (name: string) => shellWord(`${paths.tmpDir}/${name}`);
  const lines = [
    '# Paths setup (5.6): Python of the view, HOME fallback, helper files.',
    'pythonroot=""',
    'for mcs_dir in "${viewroot}"/lib/python3*; do',
    '  if [[ -d ${mcs_dir} ]]; then',
    '    pythonroot=${mcs_dir}',
    '    break',
    '  fi',
    'done',
    'pythonversion="${viewbin}/${pythonroot##*/}"',
  ];
  if (!quiet) lines.push(`printf '%s\\n' "Python root: \${pythonroot}" "Python binary: \${pythonversion}"`);
  lines.push(
    // Unset HOME is treated like `/`: both leave Flux and Python without a writable home.
    'if [[ ${HOME:-/} == / ]]; then',
    `  export HOME=${shellWord(paths.homeFallback)}`,
    '  export USER=flux-operator',
    'fi',
    // The view's python3/python links point into the init image (/opt/view/...), which does
    // not exist here; relink them, relative, next to the real binary in bin/ (the operator put
    // them in lib/, so python3 vanished from bin/).
    'if [[ -n ${pythonroot} && -x ${pythonversion} ]]; then',
    '  for mcs_link in python3 python; do',
    '    if [[ ${mcs_link} != "${pythonroot##*/}" ]]; then',
    '      ln -sfn "${pythonroot##*/}" "${viewbin}/${mcs_link}" 2>/dev/null || true',
    '    fi',
    '  done',
    'fi',
    pythonPathLine,
  );
  if (!quiet) {
    lines.push(
      `printf '%s\\n' "PYTHONPATH is \${PYTHONPATH}" "PATH is \${PATH}"`,
      'ls -l "${viewroot}"/lib/libpython*.so* ./libpython*.so* 2>/dev/null || true',
    );
  }
  if (!inputs.schedulerSimple) lines.push('export FLUX_RC_EXTRA="${viewroot}/etc/flux/rc1.d"');
  lines.push('');

  const loadFluxion = [
    'flux module remove sched-simple',
    'flux module load sched-fluxion-resource',
    'flux module load sched-fluxion-qmanager',
  ].join('\n');
  lines.push(
    '# Helper to switch a running instance to Fluxion.',
    quotedHereDoc(`cat > ${tmp('load-fluxion.sh')}`, loadFluxion),
    `mv -f ${tmp('load-fluxion.sh')} "\${viewbase}/load-fluxion.sh"`,
    '',
  );

  const envLines: string[] = [];
  for (const [key, value] of inputs.fluxEnvironment) {
    // flux.environment values are data: written single-quoted, so `$`, quotes, spaces and
    // newlines arrive unchanged when the file is sourced (upstream expanded them at write time).
    if (isShellName(key)) envLines.push(`export ${key}=${shellQuote(value)}`);
    else envLines.push('# (skipped a flux.environment entry whose name is not a valid shell variable name)');
  }
  lines.push(
    '# flux-view.sh: the environment of this view, for `. flux-view.sh; flux proxy $fluxsocket bash`.',
    '# Values are captured now and written single-quoted so they survive any character.',
    `mcs_quote() { local sq="'" esc="'\\\\''"; printf "'%s'" "\${1//"\${sq}"/"\${esc}"}"; }`,
    '{',
    "  echo '#!/bin/bash'",
    "  echo '# Flux view environment, written by the MiniCluster Studio entrypoint script.'",
    '  printf \'export PATH=%s\\n\' "$(mcs_quote "${PATH}")"',
    '  printf \'export PYTHONPATH=%s\\n\' "$(mcs_quote "${PYTHONPATH}")"',
    '  printf \'export LD_LIBRARY_PATH=%s\\n\' "$(mcs_quote "${LD_LIBRARY_PATH:-}:${viewroot}/lib")"',
    '  printf \'export fluxsocket=%s\\n\' "$(mcs_quote "local://${configroot}/run/flux/local")"',
  );
  if (envLines.length > 0) lines.push(quotedHereDoc('  cat', envLines.join('\n')));
  lines.push(`} > ${tmp(FLUX_VIEW_FILE)}`, `mv -f ${tmp(FLUX_VIEW_FILE)} "\${viewbase}/${FLUX_VIEW_FILE}"`, '');

  // The path is expanded now (the operator left `${viewbase}` in, undefined when the helper
  // runs); `${fluxsocket}` stays for flux-view.sh to define.
  const connect = [
    '#!/bin/bash',
    `. ${shellQuote(fluxViewScript(inputs.mountPath))}`,
    'flux proxy "${fluxsocket}" bash',
  ].join('\n');
  lines.push(
    quotedHereDoc(`cat > ${tmp('flux-connect.sh')}`, connect),
    `mv -f ${tmp('flux-connect.sh')} "\${viewbase}/flux-connect.sh"`,
    '',
  );
  return lines;
}
