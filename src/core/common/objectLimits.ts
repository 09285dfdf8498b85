/**
 * The API server refuses a ConfigMap or Secret whose data (keys and values, counted in bytes)
 * passes 1 MiB. A spec under the 1 MiB this tool reads can still make one, with a value that is
 * written into several of the entrypoint's scripts. Generation checks every object it makes and
 * refuses instead of handing out one the cluster would refuse.
 */
import { quote } from './quoteText.ts';
import type { Manifest } from './kobject.ts';
import { formatBytes, utf8ByteLength } from '../parse/utf8.ts';

export const DATA_LIMIT_BYTES = 1024 * 1024;

/** A generated object whose data passes the limit: what generation throws. */
export class ObjectTooLarge extends Error {
  constructor(
    readonly kind: string,
    readonly objectName: string,
    readonly bytes: number,
    /** The largest entry of its data, which says where the size comes from. */
    readonly largest: { key: string; bytes: number },
  ) {
    super(
      `The ${kind} ${quote(objectName)} would hold ${formatBytes(bytes)} of data, more than the 1 MiB the Kubernetes API server accepts; ` +
        `its largest entry is ${quote(largest.key)}, ${formatBytes(largest.bytes)}. Make what goes into it smaller: each container's commands go into a script of their own there, and long host lists or addresses into several.`,
    );
    this.name = 'ObjectTooLarge';
  }
}

const DATA_FIELDS = ['data', 'binaryData', 'stringData'] as const;

/** Throws ObjectTooLarge for the first object whose data passes the limit. */
export function checkObjectSizes(manifests: readonly Manifest[]): void {
  for (const manifest of manifests) {
    const entries = DATA_FIELDS.flatMap((field) => {
      const data = manifest[field];
      return data !== null && typeof data === 'object' ? Object.entries(data as Record<string, unknown>) : [];
    });
    // UTF-8 takes at most 3 bytes per UTF-16 unit: most objects are far below the limit by that alone.
    let units = 0;
    for (const [key, value] of entries) units += key.length + String(value).length;
    if (units * 3 <= DATA_LIMIT_BYTES) continue;
    let bytes = 0;
    let largest = { key: '', bytes: -1 };
    for (const [key, value] of entries) {
      const size = utf8ByteLength(key) + utf8ByteLength(String(value));
      bytes += size;
      if (size > largest.bytes) largest = { key, bytes: size };
    }
    if (bytes > DATA_LIMIT_BYTES) throw new ObjectTooLarge(manifest.kind, manifest.metadata.name, bytes, largest);
  }
}
