/** What the preview shows and exports, as pure functions of the manifests and the toggles. */
import type { IncludeLetter, RenderedManifest } from '../worker/protocol.ts';

export function includedManifests(
  manifests: readonly RenderedManifest[],
  include: ReadonlySet<IncludeLetter>,
): RenderedManifest[] {
  return manifests.filter((manifest) => include.has(manifest.letter));
}

/**
 * The included objects as one multi-document stream for `kubectl apply -f`. Each manifest's YAML
 * already starts with `---`; a missing final line break is added so documents never run together.
 */
export function bundleText(manifests: readonly RenderedManifest[], include: ReadonlySet<IncludeLetter>): string {
  return includedManifests(manifests, include)
    .map((manifest) => (manifest.yaml.endsWith('\n') ? manifest.yaml : `${manifest.yaml}\n`))
    .join('');
}

/**
 * A file-name-safe form of a name. Kubernetes names already are; this guards the spec's name
 * when it is odd (the last good output can come from any text) and keeps names on one segment.
 */
export function safeFileStem(name: string): string {
  const stem = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '');
  return stem.slice(0, 120);
}

function stemOr(name: string | undefined, fallback: string): string {
  const stem = name === undefined ? '' : safeFileStem(name);
  return stem === '' ? fallback : stem;
}

/** `NAME.yaml`: the bundle. */
export function bundleFileName(clusterName: string | undefined): string {
  return `${stemOr(clusterName, 'minicluster-objects')}.yaml`;
}

/** `NAME-manifests.zip`: one file per object. */
export function zipFileName(clusterName: string | undefined): string {
  const stem = clusterName === undefined ? '' : safeFileStem(clusterName);
  return stem === '' ? 'manifests.zip' : `${stem}-manifests.zip`;
}

/** `NAME-minicluster.yaml`, or `minicluster.yaml` without a name: the spec itself. */
export function specFileName(clusterName: string | undefined): string {
  const stem = clusterName === undefined ? '' : safeFileStem(clusterName);
  return stem === '' ? 'minicluster.yaml' : `${stem}-minicluster.yaml`;
}

/**
 * `01-configmap-flux-sample-entrypoint.yaml`: the number keeps the creation order when the files
 * are applied as a directory (`kubectl apply -f dir/` goes alphabetically).
 */
export function manifestFileName(manifest: Pick<RenderedManifest, 'kind' | 'name'>, index: number, total: number): string {
  const width = Math.max(2, String(total).length);
  const number = String(index + 1).padStart(width, '0');
  const kind = safeFileStem(manifest.kind.toLowerCase()) || 'object';
  const name = safeFileStem(manifest.name) || 'unnamed';
  return `${number}-${kind}-${name}.yaml`;
}

/** `job-flux-sample.yaml`: one card's own download. */
export function singleManifestFileName(manifest: Pick<RenderedManifest, 'kind' | 'name'>): string {
  const kind = safeFileStem(manifest.kind.toLowerCase()) || 'object';
  const name = safeFileStem(manifest.name) || 'unnamed';
  return `${kind}-${name}.yaml`;
}
