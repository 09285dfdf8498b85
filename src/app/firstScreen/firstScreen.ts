/**
 * The first screen of a spec, made the way the app makes its output (the same `respond` the
 * generator worker runs), with the certificate's keys left as a placeholder. Runs at build time.
 */
import { ALL_INCLUDES, type IncludeLetter } from '../../core/kinds.ts';
import { respond } from '../generation/respond.ts';
import { DEFAULT_PREFS } from '../state/storage.ts';
import { includedManifests } from '../preview/bundle.ts';
import { summaryLine } from '../preview/summary.ts';
import { includeToggles } from '../preview/toggles.ts';
import { PLACEHOLDER_KEY, firstScreenHtml, type FirstScreenInput } from './firstScreenHtml.ts';

// Stand-ins of a key's length, replaced by the placeholder in the output's text.
const STAND_IN = { publicKey: 'first-screen-public-key'.padEnd(40, '-'), secretKey: 'first-screen-secret-key'.padEnd(40, '-') };

/** The spec's objects as the first screen shows them (every include letter on, placeholder keys), and the rest of its page. */
export function firstScreenParts(specText: string, exampleTitles: readonly string[]): FirstScreenInput {
  const response = respond({ id: 0, text: specText, defaultNamespace: DEFAULT_PREFS.defaultNamespace, keys: STAND_IN });
  const { manifests } = response;
  if (!manifests) throw new Error(`the first screen's spec does not generate: ${JSON.stringify(response.diagnostics)}`);
  const include = new Set([...ALL_INCLUDES] as IncludeLetter[]);
  const objects = includedManifests(manifests, include).map(({ kind, name, yaml }) => ({
    kind,
    name,
    yaml: yaml.replaceAll(STAND_IN.publicKey, PLACEHOLDER_KEY).replaceAll(STAND_IN.secretKey, PLACEHOLDER_KEY),
  }));
  // As the preview draws them: a kind that cannot be made is shown off.
  const toggles = includeToggles(manifests, response.version === 'v1alpha1').map((toggle) => ({ ...toggle, checked: !toggle.disabled && include.has(toggle.letter) }));
  return { specText, objects, summary: summaryLine(manifests, include, response.pods), toggles, exampleTitles };
}

export const firstScreenOf = (specText: string, exampleTitles: readonly string[]): string => firstScreenHtml(firstScreenParts(specText, exampleTitles));
