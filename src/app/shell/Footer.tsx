/** The page's footer: the status line and the page-wide keyboard shortcuts. */
import { Fragment } from 'react';
import { keysOf, SHORTCUTS } from './shortcuts.ts';

const PAGE_SHORTCUTS = SHORTCUTS.filter((s) => s.scope === 'page');

export function Footer({ status }: { status: string }) {
  return (
    <footer className="mcs-footer">
      <span role="status" aria-live="polite">
        {status}
      </span>{' '}
      Shortcuts:{' '}
      {PAGE_SHORTCUTS.map((shortcut, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          {keysOf(shortcut).map((key, k) => (
            <Fragment key={key}>
              {k > 0 && '+'}
              <kbd>{key}</kbd>
            </Fragment>
          ))}{' '}
          {shortcut.description}
        </Fragment>
      ))}
      . Everything runs in this page; nothing is sent anywhere.
    </footer>
  );
}
