/** Hands the page from the first screen to the app once the app has something of its own to show. */
import { useLayoutEffect } from 'react';
import { revealApp } from './reveal.ts';

/** `ready`: the first output, or the reason there is none (a failure, a spec held back). */
export function useRevealApp(ready: boolean): void {
  // A layout effect runs in the commit that shows the output, before the browser paints it.
  useLayoutEffect(() => {
    if (ready) revealApp();
  }, [ready]);
}
