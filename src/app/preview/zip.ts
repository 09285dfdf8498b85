/**
 * The zip download: its own module because fflate is needed only when someone asks for a zip,
 * not for the first output.
 */
import { strToU8, zipSync } from 'fflate';
import type { IncludeLetter, RenderedManifest } from '../worker/protocol.ts';
import { includedManifests, manifestFileName } from './bundle.ts';

/** The included objects, one file each, as the bytes of a zip archive. */
export function zipManifests(
  manifests: readonly RenderedManifest[],
  include: ReadonlySet<IncludeLetter>,
  mtime: Date = new Date(),
): Uint8Array<ArrayBuffer> {
  const included = includedManifests(manifests, include);
  const files: Record<string, Uint8Array> = {};
  included.forEach((manifest, index) => {
    let fileName = manifestFileName(manifest, index, included.length);
    // Names are unique per kind in a namespace, so a clash is not expected; never overwrite one.
    while (fileName in files) fileName = fileName.replace(/\.yaml$/, '-1.yaml');
    files[fileName] = strToU8(manifest.yaml);
  });
  // fflate allocates plain ArrayBuffers; the narrower type is what `Blob` accepts.
  return zipSync(files, { level: 6, mtime }) as Uint8Array<ArrayBuffer>;
}
