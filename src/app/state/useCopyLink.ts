/** "Copy link": the spec (and the output options) as a share link on the clipboard, or in a dialog when the clipboard refuses. */
import { useCallback, useState } from 'react';
import type { OutputOptions } from '../../core/page.ts';
import { OPTION_NOUNS } from '../output/outputOptions.ts';
import { writeClipboard } from '../preview/browser.ts';
import { shareUrl } from './shareLink.ts';

export interface LinkFallback {
  url: string;
  /** What to say once the user has copied it from the dialog. */
  copied: string;
}

/** `getOutput` gives the output options now (read when the link is made). */
export function useCopyLink(getText: () => string, getOutput: () => OutputOptions, say: (message: string) => void) {
  const [fallback, setFallback] = useState<LinkFallback>();
  const copyLink = useCallback(async () => {
    const url = shareUrl(window.location, getText(), getOutput());
    if (!url.ok) {
      say(url.reason);
      return;
    }
    const leftOut = [
      ...(url.removed ? ['the certificate is left out'] : []),
      ...url.leftOut.map((p) => `${OPTION_NOUNS[p.option]} is left out: its value is not valid`),
    ];
    const copied = leftOut.length > 0 ? `Link copied (${leftOut.join('; ')}).` : 'Link copied.';
    if (await writeClipboard(url.url)) say(copied);
    else setFallback({ url: url.url, copied });
  }, [getText, getOutput, say]);
  const closeFallback = useCallback(() => setFallback(undefined), []);
  return { copyLink, fallback, closeFallback };
}
