/**
 * What the page does with a file the user opens or drops, as pure decisions: which of the dropped
 * things to take, and whether a file's bytes are a spec it can show. Anything refused gets a
 * message that names the file and says what to do; the editor's text is never touched by a refusal.
 */
import { DEFAULT_MAX_BYTES, tooLargeMessage } from '../../core/page.ts';

/** One thing dropped (or chosen), as the page sees it before reading it. */
export interface OfferedFile {
  name: string;
  /** Bytes, from `File.size`. */
  size: number;
  /** A folder (DataTransferItem.webkitGetAsEntry().isDirectory). */
  folder: boolean;
}

export type Choice = { take: number } | { problem: string };

/** How many dropped names a message lists before it says "and N more". */
const NAMES_LISTED = 3;

/**
 * The one file to open among those offered. Several at once open none, since which one was meant
 * is a guess and opening one replaces the spec: the message lists them and asks for one.
 */
export function chooseFile(offered: readonly OfferedFile[]): Choice {
  if (offered.length === 0) return { problem: 'Nothing to open: what was dropped is not a file. Drop a YAML file, or use "Open file…".' };
  if (offered.length > 1) {
    const names = offered.slice(0, NAMES_LISTED).map((f) => quoted(f.name));
    const more = offered.length - NAMES_LISTED;
    const listed = more > 0 ? `${names.join(', ')} and ${more} more` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    return { problem: `${offered.length} files were dropped (${listed}); none was opened. Drop one file at a time.` };
  }
  const [file] = offered as [OfferedFile];
  if (file.folder) return { problem: `${quoted(file.name)} is a folder; none of its files was opened. Drop one YAML file from it.` };
  if (file.size > DEFAULT_MAX_BYTES) return { problem: `${quoted(file.name)} was not opened: ${tooLargeMessage(DEFAULT_MAX_BYTES, file.size)}` };
  return { take: 0 };
}

export type ReadOutcome = { text: string } | { problem: string };

/**
 * The text of a file's bytes, when it is a text file: UTF-8 (a byte-order mark is dropped) without
 * NUL characters. A NUL or a byte sequence that is not UTF-8 means a binary file (an image, an
 * archive) or another encoding, which would show as noise in the editor.
 */
export function textOfFile(name: string, bytes: Uint8Array): ReadOutcome {
  if (bytes.length > DEFAULT_MAX_BYTES) return { problem: `${quoted(name)} was not opened: ${tooLargeMessage(DEFAULT_MAX_BYTES, bytes.length)}` };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: `${quoted(name)} was not opened: it is not a text file (it has a NUL byte at offset ${nul}). Open the MiniCluster's YAML file.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { problem: `${quoted(name)} was not opened: it is not UTF-8 text (the byte at offset ${at} is not valid UTF-8). Save it as UTF-8, or open the MiniCluster's YAML file.` };
  }
  return { text };
}

/** A file that could not be read at all (a folder in some browsers, a file removed meanwhile). */
export function unreadableProblem(name: string, reason: string): string {
  return `${quoted(name)} could not be read (${reason}). If it is a folder, drop one YAML file from it.`;
}

/** The file's name as the page shows it and downloads the spec as: its last path part, without control characters. */
export function shownFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = (name.split(/[\\/]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned === '' ? 'minicluster.yaml' : cleaned;
}

function quoted(name: string): string {
  return `"${shownFileName(name)}"`;
}

/**
 * The offset of the first byte that does not continue a valid UTF-8 sequence: a binary search on
 * the longest prefix a streaming decoder accepts (it allows a sequence cut at the end, so every
 * shorter prefix of an accepted one is accepted too).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return startOfCutSequence(bytes, low) ?? low;
}

/** Where a character that `end` cuts short starts: the accepted prefix may end inside one. */
function startOfCutSequence(bytes: Uint8Array, end: number): number | undefined {
  let lead = end - 1;
  while (lead >= 0 && end - lead <= 3 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  const first = bytes[lead] ?? 0;
  if (lead < 0 || first < 0xc0) return undefined;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : 2;
  return end - lead < length ? lead : undefined;
}
