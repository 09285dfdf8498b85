/** Says that a new build of the app has been fetched and offers to switch to it. */
import { useSyncExternalStore } from 'react';
import './offline.css';
import { applyUpdate, subscribeToUpdate, updateReady } from './registerServiceWorker.ts';

export function UpdateNotice() {
  const ready = useSyncExternalStore(subscribeToUpdate, updateReady);
  if (!ready) return null;
  return (
    <p className="mcs-update-notice" role="status">
      A new version of MiniCluster Studio is ready.{' '}
      <button type="button" onClick={applyUpdate}>
        Reload
      </button>
    </p>
  );
}
