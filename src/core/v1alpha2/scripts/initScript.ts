/**
 * The init script `flux-init.sh`, run by the flux-view init container before the
 * application containers start: it writes the hostlist and broker.toml to the shared volume and
 * copies the Flux view and its spack software there.
 */
import { headerLines } from '../../common/scripts/lines.ts';
import type { InitScriptInputs } from './inputs.ts';
import { certificatePath, systemPathsOf } from './paths.ts';
import { quotedHereDoc, shellWord } from '../../common/scripts/shellQuote.ts';

export function initScript(inputs: InitScriptInputs): string {
  const paths = systemPathsOf(inputs.systemPaths);
  const certPath = certificatePath(paths, inputs.certificateInSecret);
  const cert = shellWord(certPath);
  const views = shellWord(paths.viewsDir);
  const software = shellWord(paths.softwareDir);
  const L: string[] = [];
  L.push(
    ...headerLines(`Flux view init script (flux-init.sh) of MiniCluster ${inputs.name}.`, [
      'Writes the Flux configuration to <mount>/config and copies the Flux view to <mount>/view.',
    ]),
  );
  L.push(
    `fluxroot=${shellWord(paths.viewSource)}`,
    `viewbase=${shellWord(inputs.mountPath)}`,
    // Under the mount path: the operator always wrote to /mnt/flux/config, outside the shared
    // volume when mountPath was changed.
    'installroot="${viewbase}/config"',
    `printf '%s\\n' "Hello, I am $(hostname), setting up Flux from \${fluxroot} in \${viewbase}"`,
    'export fluxroot',
    'export PATH="${fluxroot}/bin:${PATH}"',
    'mkdir -p "${fluxroot}/bin"',
    '',
    'mkdir -p "${installroot}/etc/flux/system/cron.d" "${installroot}/var/lib/flux" "${installroot}/etc/flux/system"',
    `printf '%s\\n' ${shellWord(inputs.hostlist)} > "\${installroot}/etc/flux/system/hostlist"`,
    '',
    // `>` replaces the file (the operator appended), so a second run of the init container does
    // not duplicate tables. A quoted here-document (the operator's was unquoted), so `$`, backticks
    // and backslashes of a custom brokerConfig are written as they are.
    'mkdir -p "${installroot}/etc/flux/config"',
    quotedHereDoc('cat > "${installroot}/etc/flux/config/broker.toml"', inputs.brokerConfig),
    `printf '%s\\n' "Broker configuration \${installroot}/etc/flux/config/broker.toml:"`,
    'cat "${installroot}/etc/flux/config/broker.toml"',
    '',
    'mkdir -p "${installroot}/run/flux" "${installroot}/etc/curve"',
    // The certificate holds the secret key (the operator printed it), so only its presence is logged.
    `if [[ -s ${cert} ]]; then`,
    `  printf '%s\\n' "CURVE certificate present (contents not printed)."`,
    'else',
    `  printf '%s\\n' ${shellWord(`CURVE certificate ${certPath} is missing or empty.`)} >&2`,
    'fi',
    '',
    'mkdir -p "${viewbase}/view"',
  );
  if (inputs.viewEnabled) {
    L.push(
      // /opt/view is a symlink into /opt/views/._view/<hash>; copy the real directory so the
      // copy holds files, not a link that is dangling in the application containers.
      'mcs_view=""',
      `for mcs_entry in ${views}/*; do`,
      '  if [[ -d ${mcs_entry} ]]; then',
      '    mcs_view=${mcs_entry}',
      '    break',
      '  fi',
      'done',
      'if [[ -n ${mcs_view} ]]; then',
      '  cp -R "${mcs_view}"/. "${viewbase}/view/"',
      'else',
      `  printf '%s\\n' ${shellWord(`No Flux view found under ${paths.viewsDir}: is the init image a flux-view image?`)} >&2`,
      'fi',
      'mkdir -p "${viewbase}/software"',
      `cp -R ${software}/. "\${viewbase}/software/"`,
    );
  } else {
    L.push(
      '# View disabled: the application image brings its own Flux; this copy normally finds nothing.',
      'mkdir -p "${viewbase}/software"',
      'cp -R "${fluxroot}"/* "${viewbase}/view/" 2>/dev/null || true',
    );
  }
  L.push('', 'touch "${viewbase}/flux-operator-done.txt"', `printf '%s\\n' "Flux view setup is done."`, '');
  return L.join('\n');
}
