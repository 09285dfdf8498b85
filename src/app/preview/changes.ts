/**
 * What changed in each card since the output shown before this one.
 *
 * "The output before" is the previous output the preview showed: marks last until the next output,
 * so a card an edit did not touch loses its marks with that edit. An output with errors is not
 * shown (the preview keeps the last good one), and an output equal to the one shown is not a new
 * one (the edit changed a comment or a blank line): neither marks nor clears anything. Nothing is
 * marked when there is no comparable output before: the first output after the page loads, and an
 * output of another spec (an example loaded, a reset, another MiniCluster of a file of several
 * under the cursor), which the caller tells by changing `base`.
 *
 * Switching an include toggle is not a new output: the cards that stay keep their marks, and the
 * cards it brings say that they are new.
 */
import type { IncludeLetter, RenderedManifest } from '../worker/protocol.ts';
import { lineChanges, OUTPUT_DIFF_BUDGET, type DiffBudget, type LineChanges } from './lineDiff.ts';

export type CardChange =
  /** Not shown in the output before (a kind switched on, a new object). */
  | { kind: 'new' }
  | { kind: 'changed'; lines: LineChanges }
  /** Changed too much to mark lines within the budget. */
  | { kind: 'unmarked' };

export interface ShownOutput {
  manifests: readonly RenderedManifest[] | undefined;
  include: ReadonlySet<IncludeLetter>;
  /** Outputs of different bases are not compared. */
  base: string;
  /** The cards that changed, by card key; a card that is not here did not change. */
  changes: ReadonlyMap<string, CardChange>;
}

/** The cards' keys, in order: `kind/name`, with `#2`, `#3` for a repeated one. */
export function cardKeys(manifests: readonly RenderedManifest[]): string[] {
  const seen = new Map<string, number>();
  return manifests.map(({ kind, name }) => {
    const base = `${kind}/${name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

const NONE: ReadonlyMap<string, CardChange> = new Map();

function shown(manifests: readonly RenderedManifest[], include: ReadonlySet<IncludeLetter>): Array<{ key: string; manifest: RenderedManifest }> {
  const keys = cardKeys(manifests);
  return manifests.flatMap((manifest, i) => (include.has(manifest.letter) ? [{ key: keys[i] as string, manifest }] : []));
}

/** The output now shown, with its changes against `previous`, the output shown before it. */
export function nextShown(
  previous: ShownOutput | undefined,
  manifests: readonly RenderedManifest[] | undefined,
  include: ReadonlySet<IncludeLetter>,
  base: string,
  budget: DiffBudget = { left: OUTPUT_DIFF_BUDGET },
): ShownOutput {
  if (previous && previous.manifests === manifests && previous.include === include && previous.base === base) return previous;
  const now = { manifests, include, base };
  if (!previous?.manifests || !manifests || previous.base !== base) return { ...now, changes: NONE };
  const before = shown(previous.manifests, previous.include);
  const after = shown(manifests, include);
  const changes = new Map<string, CardChange>();
  if (manifests === previous.manifests) {
    // Only the include set changed: no new output, so the cards that stay keep their marks.
    const wasShown = new Set(before.map(({ key }) => key));
    for (const { key } of after) {
      const change = wasShown.has(key) ? previous.changes.get(key) : { kind: 'new' as const };
      if (change) changes.set(key, change);
    }
    return { ...now, changes };
  }
  for (const [key, manifest, old] of pairs(before, after)) {
    if (!old) changes.set(key, { kind: 'new' });
    else if (old.yaml !== manifest.yaml) {
      const lines = lineChanges(old.yaml, manifest.yaml, budget);
      if (!lines) changes.set(key, { kind: 'unmarked' });
      // A difference in the final line break alone changes no line.
      else if (lines.count > 0) changes.set(key, { kind: 'changed', lines });
    }
  }
  // An edit that changes no object (a comment, a blank line) is not a new output to compare with.
  if (changes.size === 0 && before.length === after.length) return { ...now, changes: previous.changes };
  return { ...now, changes };
}

/**
 * Each card now shown with the card shown before that it follows: the one of the same key, else
 * (a renamed MiniCluster renames its objects) the next one of the same kind that no card took.
 */
function pairs(
  before: ReadonlyArray<{ key: string; manifest: RenderedManifest }>,
  after: ReadonlyArray<{ key: string; manifest: RenderedManifest }>,
): Array<[string, RenderedManifest, RenderedManifest | undefined]> {
  const byKey = new Map(before.map(({ key, manifest }) => [key, manifest]));
  const taken = new Set(after.filter(({ key }) => byKey.has(key)).map(({ key }) => key));
  const left = before.filter(({ key }) => !taken.has(key));
  return after.map(({ key, manifest }) => {
    const same = byKey.get(key);
    if (same) return [key, manifest, same];
    const i = left.findIndex((card) => card.manifest.kind === manifest.kind);
    if (i < 0) return [key, manifest, undefined];
    const [other] = left.splice(i, 1);
    return [key, manifest, other?.manifest];
  });
}

/** A place to jump to: a card and a line of it (0 is the first). */
export interface ChangeStop {
  key: string;
  line: number;
}

/** Where "next change" stops, in the order of the cards: each run of changed lines, and the first line of a new or unmarked card. */
export function changeStops(keys: readonly string[], changes: ReadonlyMap<string, CardChange>): ChangeStop[] {
  return keys.flatMap((key) => {
    const change = changes.get(key);
    if (!change) return [];
    if (change.kind !== 'changed') return [{ key, line: 0 }];
    return change.lines.stops.map((line) => ({ key, line }));
  });
}

/** What the card's header says of its change; undefined when it did not change. */
export function changeLabel(change: CardChange | undefined): string | undefined {
  if (!change) return undefined;
  if (change.kind === 'new') return 'New';
  if (change.kind === 'unmarked') return 'Changed (too many lines to mark)';
  const { count } = change.lines;
  return count === 1 ? '1 line changed' : `${count} lines changed`;
}

/** The output's changes in one line, for the preview's bar. */
export function changesSummary(changes: ReadonlyMap<string, CardChange>): string {
  if (changes.size === 0) return 'No changes since the last output';
  return changes.size === 1 ? '1 object changed' : `${changes.size} objects changed`;
}
