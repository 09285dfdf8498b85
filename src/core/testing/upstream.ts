/** Test helpers: the operator's example specs, read from ../shared (never copied into the project). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CERT_NAME, formatCurveCert } from '../curve/index.ts';

const projectRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const sharedDir = process.env['MINICLUSTER_SHARED'] ?? resolve(projectRoot, '..', 'shared');
export const v1alpha2ExamplesDir = join(sharedDir, 'upstream', 'v1alpha2', 'examples');
export const v1alpha1ExamplesDir = join(sharedDir, 'upstream', 'v1alpha1', 'examples');
/** Operator-equivalent Service, Job, PV and PVC objects of about half the v1alpha1 examples. */
export const v1alpha1GoldenDir = join(sharedDir, 'spec', 'v1alpha1-golden', 'operator');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

export interface Example {
  /** Path relative to the examples folder, e.g. `tests/hello-world/minicluster.yaml`. */
  name: string;
  text: string;
}

/** Every example spec below `dir`, sorted by path. */
function examplesIn(dir: string): Example[] {
  return walk(dir)
    .sort()
    .map((file) => ({ name: relative(dir, file), text: readFileSync(file, 'utf8') }));
}

export const v1alpha2Examples = (): Example[] => examplesIn(v1alpha2ExamplesDir);
export const v1alpha2Example = (name: string): string => readFileSync(join(v1alpha2ExamplesDir, name), 'utf8');
export const v1alpha1Examples = (): Example[] => examplesIn(v1alpha1ExamplesDir);
export const v1alpha1Example = (name: string): string => readFileSync(join(v1alpha1ExamplesDir, name), 'utf8');

/** A fixed keypair (libzmq's documented test server pair) so outputs are reproducible. */
export const TEST_KEYS = {
  publicKey: 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7',
  secretKey: 'JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6',
};

/** The certificate the operator's template makes from TEST_KEYS for pod `hostname`. */
export function testCertificate(hostname = 'flux-sample-0'): string {
  return formatCurveCert({ name: DEFAULT_CERT_NAME, hostname, ...TEST_KEYS });
}
