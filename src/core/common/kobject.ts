/** A Kubernetes object as plain JSON data, built in the key order it is rendered in. */
export type KObject = { [key: string]: unknown };

export interface Manifest extends KObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
}

export function objectMeta(name: string, namespace: string, extra: KObject = {}): Manifest['metadata'] {
  return { name, namespace, ...extra };
}
