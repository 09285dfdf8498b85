/**
 * What the service worker keeps for offline use, and under which cache name. Pure: the build
 * (serviceWorkerBuild.ts) makes the list from the files it wrote, and the worker (serviceWorker.ts)
 * names and cleans its caches with the same functions.
 */

/** The worker's own file, at the root of the build beside index.html (its scope is that folder). */
export const SERVICE_WORKER_FILE = 'sw.js';

export interface PrecacheEntry {
  /** Relative to the worker's own URL, so the build works from any sub-path. */
  url: string;
  /** Subresource Integrity of the file as built (`sha256-…`): a file of another build is refused. */
  integrity: string;
}

export interface Precache {
  /** Changes whenever any file's name or content changes; names the cache. */
  version: string;
  entries: PrecacheEntry[];
}

export interface BuiltFile {
  /** Relative to the build's folder, with `/` separators. */
  path: string;
  /** SHA-256 of the content, base64. */
  sha256: string;
}

/**
 * Every file of the build is kept except source maps (only developer tools read them, and they
 * are most of the build's size), the worker itself (the browser keeps that) and dot files.
 */
export function isPrecached(path: string): boolean {
  if (path === SERVICE_WORKER_FILE) return false;
  if (path.endsWith('.map')) return false;
  return !path.split('/').some((part) => part.startsWith('.'));
}

/**
 * The page is requested as its folder (`./`), as people open it: a server that redirects
 * `index.html` to the folder would otherwise hand the worker a redirect it cannot answer a
 * navigation with.
 */
export function precacheUrl(path: string): string {
  return path === 'index.html' ? './' : path;
}

/**
 * The precache list of a build, in a stable order. `digest` hashes text (hex); the version is a
 * digest of every kept file's path and content, so two builds with the same files share it.
 */
export function buildPrecache(files: readonly BuiltFile[], digest: (text: string) => string): Precache {
  const kept = files.filter((file) => isPrecached(file.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const duplicate = kept.find((file, i) => i > 0 && kept[i - 1]?.path === file.path);
  if (duplicate) throw new Error(`The build lists ${duplicate.path} twice.`);
  if (!kept.some((file) => file.path === 'index.html')) throw new Error('The build has no index.html at its root: the offline page would have nothing to show.');
  const version = digest(kept.map((file) => `${file.path} ${file.sha256}`).join('\n')).slice(0, 16);
  return { version, entries: kept.map((file) => ({ url: precacheUrl(file.path), integrity: `sha256-${file.sha256}` })) };
}

const CACHE_PREFIX = 'mcs-precache';

/**
 * The cache of one build at one place. Caches are shared by the whole origin, so the scope is part
 * of the name: two copies of the app under different paths of one site keep apart.
 */
export function cacheName(scope: string, version: string): string {
  return `${CACHE_PREFIX} ${scope} ${version}`;
}

/** A cache of an earlier build of this same copy of the app: the active worker deletes it. */
export function isOutdatedCache(name: string, scope: string, version: string): boolean {
  const own = `${CACHE_PREFIX} ${scope} `;
  return name.startsWith(own) && name !== cacheName(scope, version);
}
