import type { PathSegment } from '../diagnostics.ts';

/** The value at `path` in a parsed spec, or undefined when any step is missing. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      if (typeof segment !== 'number') return undefined;
      node = node[segment];
    } else {
      if (typeof segment !== 'string' || !Object.hasOwn(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return node;
}
