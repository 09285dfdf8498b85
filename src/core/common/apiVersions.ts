/** The MiniCluster's identity: its kind, and the API versions this project reads. */
export const KIND = 'MiniCluster';

export type MiniClusterVersion = 'v1alpha2' | 'v1alpha1';

export const API_VERSIONS: Readonly<Record<MiniClusterVersion, string>> = {
  v1alpha2: 'flux-framework.org/v1alpha2',
  v1alpha1: 'flux-framework.org/v1alpha1',
};
