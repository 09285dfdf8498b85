// The page's entry: the styles of the page's first screen, and the app's start (boot.ts).
// The styles are in the page's head, so the first screen (written into index.html at build time)
// is painted styled; the app's other styles load with the app.
import './app.css';
import './form/tabs.css';
import './editor/editor.css';
import './shell/disclosure.css';
import './preview/preview.css';
import './firstScreen/firstScreen.css';
import { afterFirstContentfulPaint } from './afterPaint.ts';
import { FIRST_SCREEN_ID } from './firstScreen/ids.ts';
import { newGeneratorWorker } from './worker/newWorker.ts';

// The worker is the longest wait of the app's first output, and runs on a thread of its own.
const worker = newGeneratorWorker();
const boot = () => void import('./boot.ts').then((app) => app.boot(worker));

// On a machine of two cores, the worker, libsodium and the app's scripts starting at once held the
// first screen's paint back by over 100 ms, also after the page had drawn it (it is shown by
// another process, which needs a core too): when there is a first screen, it is on screen first.
// The entry is kept this small for the same reason: it runs before the first paint.
if (document.getElementById(FIRST_SCREEN_ID)) afterFirstContentfulPaint(boot, 500);
else boot();
