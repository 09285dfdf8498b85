/** The page's message to a waiting service worker: take over now (the page reloads when it has). */
export const ACTIVATE_UPDATE = 'mcs:activate-update';
