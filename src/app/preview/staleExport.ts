/** What the preview asks before it hands out an output that is out of date. */

/** How the output leaves the page. */
export type StaleVerb = 'Copy' | 'Download';

/** The question of the confirm dialog, naming why the output is old. */
export function staleQuestion(verb: StaleVerb, cause: 'spec' | 'options'): string {
  const why =
    cause === 'options'
      ? 'The output options have errors; this is the last good output, from before your last changes.'
      : 'The spec has errors; this is the last good output, from before your last edits.';
  return `${why} ${verb} it anyway?`;
}
