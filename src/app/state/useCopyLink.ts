/** "Copy link": the spec as a share link on the clipboard, or in a dialog when the clipboard refuses. */
import { useCallback, useState } from 'react';
import { writeClipboard } from '../preview/browser.ts';
import { shareUrl } from './shareLink.ts';

export interface LinkFallback {
  url: string;
  /** What to say once the user has copied it from the dialog. */
  copied: string;
}

export function useCopyLink(getText: () => string, say: (message: string) => void) {
  const [fallback, setFallback] = useState<LinkFallback>();
  const copyLink = useCallback(async () => {
    const url = shareUrl(window.location, getText());
    if (!url.ok) {
      say(url.reason);
      return;
    }
    const copied = url.removed ? 'Link copied (the certificate is left out).' : 'Link copied.';
    if (await writeClipboard(url.url)) say(copied);
    else setFallback({ url: url.url, copied });
  }, [getText, say]);
  const closeFallback = useCallback(() => setFallback(undefined), []);
  return { copyLink, fallback, closeFallback };
}
