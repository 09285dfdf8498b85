/**
 * The CURVE certificate as a Secret: a ConfigMap is readable by anyone who may read ConfigMaps in
 * the namespace and is never encrypted at rest, and this certificate holds the brokers' secret key.
 */
import type { KObject, Manifest } from '../common/kobject.ts';

export const CURVE_KEY = 'curve.cert';

/** The Secret's name, `NAME-curve`. */
export const curveSecretName = (name: string): string => `${name}-curve`;

/** Where the v1alpha2 pods mount the Secret (read-only); the scripts copy the certificate from here. */
export const CURVE_SECRET_DIR = '/curve';

/** Owner read only: flux-core refuses a certificate that group or others can read. */
export const CURVE_SECRET_MODE = 0o400;

export function curveSecret(name: string, namespace: string, certificate: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: curveSecretName(name), namespace },
    type: 'Opaque',
    // stringData, not base64 data: the bundle stays readable, and the API server stores it as data.
    stringData: { [CURVE_KEY]: certificate },
  };
}

/** The pod volume that holds the Secret's certificate, mode 0400. */
export function curveSecretVolume(volumeName: string, name: string): KObject {
  return {
    name: volumeName,
    secret: { secretName: curveSecretName(name), defaultMode: CURVE_SECRET_MODE, items: [{ key: CURVE_KEY, path: CURVE_KEY }] },
  };
}
