/**
 * The Content-Security-Policy of the built page. The app promises that nothing leaves the page;
 * this makes the browser hold it to that: everything comes from the page's own origin, and the
 * page can talk to no other. Vite writes it into the built index.html (vite.config.ts); the dev
 * server goes without, since its hot reload needs inline scripts and a WebSocket.
 */
export const CONTENT_SECURITY_POLICY: ReadonlyArray<readonly [directive: string, ...sources: string[]]> = [
  ['default-src', "'self'"],
  // libsodium compiles its WebAssembly module from bytes it carries (no eval of JavaScript).
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  // The generator, Monaco's editor and monaco-yaml's workers are files of the build.
  ['worker-src', "'self'"],
  // The web app manifest, which makes the app installable (default-src would allow it too; said here on purpose).
  ['manifest-src', "'self'"],
  // Monaco writes its theme and decorations as <style> elements, and renders lines with style attributes.
  ['style-src', "'self'", "'unsafe-inline'"],
  ['font-src', "'self'"],
  // Monaco's CSS draws a few icons as data: SVG images.
  ['img-src', "'self'", 'data:'],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['child-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/**
 * The policy as the content of a `<meta http-equiv="Content-Security-Policy">`. `inlineScripts`
 * are the hash sources of the page's own inline scripts (the first screen's, in the build), the
 * only inline scripts it allows.
 */
export function contentSecurityPolicy(inlineScripts: readonly string[] = []): string {
  return CONTENT_SECURITY_POLICY.map((parts) => (parts[0] === 'script-src' ? [...parts, ...inlineScripts] : parts).map(String).join(' ')).join('; ');
}
