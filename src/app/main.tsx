// The page's entry: the styles of the page's first screen, the generator worker, and the app's
// start (boot.ts). The styles are in the page's head, so the first screen (written into index.html
// at build time) is painted styled; the app's other styles load with the app.
import './app.css';
import './form/tabs.css';
import './editor/editor.css';
import './shell/disclosure.css';
import './preview/preview.css';
import './firstScreen/firstScreen.css';
import { afterFirstContentfulPaint } from './afterPaint.ts';
import { FIRST_SCREEN_ID } from './firstScreen/ids.ts';
import { revealApp } from './firstScreen/reveal.ts';
import { newGeneratorWorker } from './worker/newWorker.ts';
import { startEarlyWorker } from './worker/earlyWorker.ts';

/**
 * How long the first screen may stand in for the app at most: the app reveals itself with its
 * first output, but an app that cannot make one (its keypair did not load) or that failed to
 * render must not stay hidden behind a screen that says it is loading.
 */
const FIRST_SCREEN_AT_MOST_MS = 5000;

// The worker is the longest wait of the app's first output, and runs on a thread of its own.
const worker = startEarlyWorker(newGeneratorWorker());

function boot(): void {
  import('./boot.ts').then(
    (app) => app.boot(worker),
    (error: unknown) => {
      revealApp();
      const root = document.getElementById('root');
      if (root) root.textContent = 'MiniCluster Studio could not load its scripts. Reload the page to try again.';
      throw error;
    },
  );
  setTimeout(revealApp, FIRST_SCREEN_AT_MOST_MS);
}

// On a machine of two cores, the worker, libsodium and the app's scripts starting at once held the
// first screen's paint back by over 100 ms, also after the page had drawn it (it is shown by
// another process, which needs a core too): when the first screen shows, it is on screen first.
// The entry is kept this small for the same reason: it runs before the first paint.
const screen = document.getElementById(FIRST_SCREEN_ID);
if (screen && !screen.hidden) afterFirstContentfulPaint(boot, 500);
else boot();
