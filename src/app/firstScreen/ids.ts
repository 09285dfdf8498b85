/** The first screen's element id: shared by the build, its inline script and the page's entry. */
export const FIRST_SCREEN_ID = 'mcs-first-screen';
