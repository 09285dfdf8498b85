import { CURVE_SECRET_DIR } from '../../targets/curveSecret.ts';
import type { SystemPaths } from './inputs.ts';

/** The fixed in-container paths the operator's pods use; real pods always use these. */
export const DEFAULT_SYSTEM_PATHS: Readonly<SystemPaths> = Object.freeze({
  operatorDir: '/flux_operator',
  curveSecretDir: CURVE_SECRET_DIR,
  softwareDir: '/opt/software',
  tmpDir: '/tmp',
  homeFallback: '/home/flux-operator',
  timeBinary: '/usr/bin/time',
  viewSource: '/opt/view',
  viewsDir: '/opt/views/._view',
});

export function systemPathsOf(overrides: Partial<SystemPaths> | undefined): SystemPaths {
  return { ...DEFAULT_SYSTEM_PATHS, ...overrides };
}

/** The file the runner writes under the view's mount: the view's environment and `fluxsocket`, to source before `flux`. */
export const FLUX_VIEW_FILE = 'flux-view.sh';
export const fluxViewScript = (mountPath: string): string => `${mountPath}/${FLUX_VIEW_FILE}`;

/** Where the scripts read the CURVE certificate: the ConfigMap's mount, or the Secret's. */
export function certificatePath(paths: SystemPaths, inSecret: boolean): string {
  return `${inSecret ? paths.curveSecretDir : paths.operatorDir}/curve.cert`;
}
