// The app's start, loaded by the entry (main.tsx). The generator worker starts before React and
// the app are even parsed, while this page loads libsodium and makes the keypair: the app's first
// output waits for those two, not for the app.
import './zodUnderPolicy.ts';
import { startServices } from './services/startServices.ts';
import { startOfflineSupport } from './offline/registerServiceWorker.ts';

const services = startServices();
void import('./render.tsx').then(({ renderApp }) => renderApp(services));
startOfflineSupport();
