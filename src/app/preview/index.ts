/** The output side of the app. See Preview.tsx for the component and its ref (shortcuts). */
export { Preview, type PreviewHandle, type PreviewProps } from './Preview.tsx';
export { bundleFileName, bundleText, includedManifests, specFileName, zipFileName } from './bundle.ts';
export { zipManifests } from './zip.ts';
export { summaryLine } from './summary.ts';
export { downloadFile, writeClipboard } from './browser.ts';
