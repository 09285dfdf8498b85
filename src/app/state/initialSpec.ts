/**
 * Which spec the editor opens with. A share link wins (whoever opens a link wants to see that
 * spec), then the autosaved spec (the user's own work), then the default preset. The output
 * options come with the spec they were shared or saved with; a link or a save without them (or
 * from before there were options) opens with every option off.
 */
import { isDefaultOutput, type OutputOptions } from '../../core/page.ts';
import { decodeOutputParams, sameOptions } from '../output/outputOptions.ts';
import type { Preset } from '../presets/index.ts';
import { DEFAULT_PRESET_ID } from '../presets/index.ts';
import { loadSaved, type SavedSpec, type StorageLike } from './storage.ts';
import { HASH_PARAM, decodeSpecHash } from './specHash.ts';

export type InitialSource = 'link' | 'autosave' | 'default';

export interface InitialSpec {
  text: string;
  source: InitialSource;
  /** The output options to open with; absent when all are off. */
  output?: OutputOptions;
  /** The link's output options that were left out because their values are not valid, and why. */
  optionProblems?: string[];
  /**
   * When a link wins over an autosaved spec that differs from it: the saved spec, so the UI can
   * offer it back (the first autosave after opening the link replaces it).
   */
  displaced?: SavedSpec;
  /** The hash carried a spec that could not be read (truncated or altered link). */
  linkProblem?: string;
}

export interface InitialSpecInput {
  /** `location.hash`. */
  hash: string;
  storage: StorageLike | undefined;
  /** This tab's copy of its autosave (a reload brings back this tab's spec, not another tab's). */
  tab?: StorageLike | undefined;
  presets: readonly Preset[];
  defaultPresetId?: string;
}

export function chooseInitialSpec({ hash, storage, tab, presets, defaultPresetId = DEFAULT_PRESET_ID }: InitialSpecInput): InitialSpec {
  const saved = loadSaved(tab) ?? loadSaved(storage);
  const linked = decodeSpecHash(hash);
  if (linked !== undefined) {
    const { options, problems } = decodeOutputParams(hash);
    const opened: InitialSpec = {
      text: linked,
      source: 'link',
      ...(isDefaultOutput(options) ? {} : { output: options }),
      ...(problems.length > 0 ? { optionProblems: problems } : {}),
    };
    return saved && (saved.text !== linked || !sameOptions(saved.output, options)) ? { ...opened, displaced: saved } : opened;
  }
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const hadLink = body.split('&').some((part) => part.startsWith(`${HASH_PARAM}=`));
  const problem = (instead: string) =>
    hadLink ? { linkProblem: `The spec in this link could not be read (the link may be cut short or altered); showing ${instead} instead.` } : {};

  if (saved) return { text: saved.text, source: 'autosave', ...(saved.output ? { output: saved.output } : {}), ...problem('your last saved spec') };
  const preset = presets.find((p) => p.id === defaultPresetId) ?? presets[0];
  return { text: preset?.text ?? '', source: 'default', ...problem('the default example') };
}
