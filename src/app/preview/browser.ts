/** The two browser side effects of the preview: the clipboard and file downloads. */

/**
 * Writes text to the clipboard. Resolves to false instead of throwing when the API is missing
 * (plain-http pages are not a secure context) or refuses (no permission, no user activation),
 * so the caller can offer the select-and-press-Ctrl+C fallback.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// Revoking right after `click()` can cancel the download in some browsers (the fetch of the blob
// URL starts asynchronously); a few seconds is plenty and the blobs are small.
const REVOKE_AFTER_MS = 10_000;

/** Saves data as a file through a temporary `<a download>` on a blob URL. */
export function downloadFile(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

export const YAML_TYPE = 'application/yaml;charset=utf-8';
export const ZIP_TYPE = 'application/zip';
