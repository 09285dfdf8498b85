// The app's start, loaded by the entry (main.tsx). The generator worker is already on its way;
// React and the app load while this page loads libsodium and makes the keypair: the app's first
// output waits for those, not for the app.
import './zodUnderPolicy.ts';
import { startServices } from './services/startServices.ts';
import { startOfflineSupport } from './offline/registerServiceWorker.ts';
import type { EarlyWorker } from './worker/earlyWorker.ts';

export function boot(firstWorker?: EarlyWorker): void {
  const services = startServices(firstWorker);
  void import('./render.tsx').then(({ renderApp }) => renderApp(services));
  startOfflineSupport();
}
