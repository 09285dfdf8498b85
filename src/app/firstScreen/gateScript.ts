/**
 * The small script written inline after the first screen (firstScreenHtml.ts), which runs before
 * the browser first paints the page. The first screen arrives hidden: this script shows it only
 * for a visitor who will open the default example with the default output: no link in the address
 * (a share link carries its own spec), no autosaved spec other than the example (a returning
 * user's own work), no stored preference that changes the objects. For anyone else it removes the
 * screen, never shown, and the app shows as it always did; a page that arrives in pieces, or a
 * script that is blocked, shows nothing of it either. When the first screen shows, the app's root
 * is hidden under it until the app takes over.
 *
 * It also sets the theme the app would choose, so the first paint already has the right colours.
 * Anything it cannot read (blocked storage, unreadable JSON) counts against the first screen.
 *
 * Its text is hashed into the page's Content-Security-Policy (scripts/firstScreenPlugin.ts), which
 * allows no other inline script.
 */
import { ALL_INCLUDES } from '../../core/kinds.ts';
import { DEFAULT_PREFS, PREFS_KEY, SPEC_KEY } from '../state/storage.ts';
import { FIRST_SCREEN_ID } from './ids.ts';

const json = (value: unknown) => JSON.stringify(value);

export function gateScript(): string {
  // Plain ES5 in one function: it runs before any module, in every browser the app supports.
  return `(function () {
  var d = document, screen = d.getElementById(${json(FIRST_SCREEN_ID)}), root = d.getElementById('root'), show = false;
  function read(storage, key) {
    var raw = storage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  }
  try {
    var prefs = read(localStorage, ${json(PREFS_KEY)});
    if (prefs === undefined || prefs === null || typeof prefs !== 'object') prefs = {};
    d.documentElement.dataset.theme = prefs.theme === 'light' || prefs.theme === 'dark' ? prefs.theme
      : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    // A saved spec as the app reads one (state/storage.ts): any other value is passed over, as the app does.
    function savedIn(storage) {
      var value = read(storage, ${json(SPEC_KEY)});
      return value !== null && typeof value === 'object' && typeof value.text === 'string'
        && typeof value.savedAt === 'number' && isFinite(value.savedAt) ? value : undefined;
    }
    var saved = savedIn(sessionStorage);
    if (saved === undefined) saved = savedIn(localStorage);
    var spec = screen && screen.querySelector('[data-spec]');
    show = Boolean(spec) && location.hash === ''
      && (prefs.include === undefined || prefs.include === ${json(ALL_INCLUDES)})
      && (prefs.defaultNamespace === undefined || prefs.defaultNamespace === ${json(DEFAULT_PREFS.defaultNamespace)})
      && prefs.outputView !== 'cluster'
      && (saved === undefined || (saved.text === spec.textContent && saved.output === undefined));
  } catch (e) {
    show = false;
  }
  if (show && root) {
    root.hidden = true;
    screen.hidden = false;
  } else if (screen) screen.remove();
})();`;
}
