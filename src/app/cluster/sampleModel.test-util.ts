/** Hand-made cluster models for the view's tests, of any size and shape. */
import type { ClusterModel, Wrapper } from '../../core/index.ts';

export const kary = (k: number) => (i: number) => (k === 0 ? 0 : Math.floor((i - 1) / k));
export const binomial = (i: number) => i & (i - 1);

export interface SampleOptions {
  size?: number;
  maxSize?: number;
  parentOf?: (i: number) => number;
  topology?: string;
  wrappers?: Wrapper[];
  hostOf?: (i: number) => string;
  servicesPod?: boolean;
}

export function sampleModel(options: SampleOptions = {}): ClusterModel {
  const size = options.size ?? 4;
  const maxSize = options.maxSize ?? size;
  const parentOf = options.parentOf ?? kary(256);
  const hostOf = options.hostOf ?? ((i: number) => `flux-sample-${i}`);
  return {
    name: 'flux-sample',
    namespace: 'default',
    size,
    maxSize,
    topology: { topology: { kind: 'kary', k: 256 }, text: options.topology ?? 'kary:256', from: options.topology ? 'spec' : 'operator' },
    ranks: Array.from({ length: maxSize }, (_, i) => ({ rank: i, host: hostOf(i), parent: i === 0 ? null : parentOf(i), offline: i >= size })),
    containers: [
      {
        name: 'flux-sample',
        image: 'ghcr.io/converged-computing/metric-lammps:latest',
        fluxRunner: true,
        mounts: [
          { name: 'data', mountPath: '/data', readOnly: false, field: ['spec', 'containers', 0, 'volumes', 'data'] },
          { name: 'flux-view', mountPath: '/mnt/flux', readOnly: false },
        ],
        field: ['spec', 'containers', 0],
      },
      { name: 'sidecar', image: 'busybox', fluxRunner: false, mounts: [], field: ['spec', 'containers', 1] },
    ],
    headlessService: { name: 'flux-service', hostPattern: 'flux-sample-{0..3}.flux-service.default.svc.cluster.local', ports: [], field: ['spec', 'network', 'headlessName'] },
    ...(options.servicesPod
      ? {
          servicesPod: {
            name: 'flux-sample-services',
            containers: [{ name: 'web', image: 'nginx', fluxRunner: false, mounts: [], field: ['spec', 'services', 0] }],
            services: [{ name: 'flux-sample-web', ports: [80], field: ['spec', 'services', 0, 'ports'] }],
          },
        }
      : {}),
    wrappers: options.wrappers ?? [],
    fields: { size: ['spec', 'size'], maxSize: ['spec', 'maxSize'], topology: ['spec', 'flux', 'topology'], name: ['metadata', 'name'] },
  };
}
