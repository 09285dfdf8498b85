/**
 * The app takes the page over from the first screen (firstScreenHtml.ts): called in the same
 * commit that shows the app's first output (or its reason for having none), before the browser
 * paints, so no frame shows neither of the two, or both.
 */
import { FIRST_SCREEN_ID } from './ids.ts';

export function revealApp(doc: Document = document): void {
  doc.getElementById(FIRST_SCREEN_ID)?.remove();
  const root = doc.getElementById('root');
  if (root?.hidden) root.hidden = false;
}
