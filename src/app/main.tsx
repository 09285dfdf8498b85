// The generator worker starts before React and the app are even parsed: the first output waits
// for the worker (it loads the core and libsodium and makes the keypair), not for the app.
import './startup.ts';

void import('./render.tsx');
