import type { SystemPaths } from './inputs.ts';

/** The fixed in-container paths the operator's pods use; real pods always use these. */
export const DEFAULT_SYSTEM_PATHS: Readonly<SystemPaths> = Object.freeze({
  operatorDir: '/flux_operator',
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
