import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './src/app/contentSecurityPolicy.ts';
import { firstScreenPlugin, firstScreenScriptSource } from './scripts/firstScreenPlugin.ts';
import { schemaFilesPlugin } from './scripts/schemaFilesPlugin.ts';
import { serviceWorkerPlugin } from './src/app/offline/serviceWorkerBuild.ts';

/**
 * monaco-yaml's worker imports Prettier for its formatter, which the editor turns off; a stub
 * keeps about 130 KB (gzip) of Prettier out of the yaml worker.
 */
function noPrettierInWorkers(): Plugin {
  const stub = '\0mcs-prettier-stub';
  return {
    name: 'mcs-no-prettier-in-workers',
    enforce: 'pre',
    resolveId: (id) => (id === 'prettier/standalone' || id.startsWith('prettier/plugins/') ? stub : undefined),
    load: (id) => (id === stub ? 'export function format() { throw new Error("YAML formatting is disabled"); }\nexport default {};\n' : undefined),
  };
}

/** The built page carries its Content-Security-Policy (the dev server's hot reload could not run under it). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'mcs-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy([firstScreenScriptSource()]) }, injectTo: 'head-prepend' }],
  };
}

// Relative base so the static build works from any sub-path (a project page, a file server folder).
export default defineConfig({
  base: './',
  // The service worker's plugin lists the finished build, so it comes after every plugin that writes files.
  plugins: [react(), contentSecurityPolicyMeta(), firstScreenPlugin(), schemaFilesPlugin(), serviceWorkerPlugin()],
  // ES module workers can split: libsodium is its own file, fetched while the core is evaluated.
  worker: { format: 'es', plugins: () => [noPrettierInWorkers()] },
  // Dev server only: pre-bundling the yaml worker avoids a reload on the first cold start.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  // Monaco is one large lazily loaded chunk by nature.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 3500 },
});
