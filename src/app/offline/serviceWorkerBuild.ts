/**
 * Build time: once Vite has written the build, list its files, hash them, and write `sw.js` (the
 * service worker bundled with that list). Listing the written folder rather than Vite's bundle
 * also catches what is copied in beside it (public/, schema files).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Logger, Plugin } from 'vite';
import { buildPrecache, SERVICE_WORKER_FILE, type BuiltFile, type Precache } from './precache.ts';

const WORKER_SOURCE = fileURLToPath(new URL('./serviceWorker.ts', import.meta.url));

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Every file of the build folder with its SHA-256 (the worker is listed too; buildPrecache leaves it out). */
async function builtFiles(outDir: string): Promise<BuiltFile[]> {
  const paths = await listFiles(outDir);
  return Promise.all(paths.map(async (path) => ({ path, sha256: createHash('sha256').update(await readFile(join(outDir, path))).digest('base64') })));
}

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The precache list of a finished build folder. */
export async function precacheOfBuild(outDir: string): Promise<Precache> {
  return buildPrecache(await builtFiles(outDir), hex);
}

/** Writes `sw.js` into a finished build folder and returns the list it holds. */
export async function writeServiceWorker(outDir: string): Promise<Precache> {
  const precache = await precacheOfBuild(outDir);
  const bundled = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    // A classic script: every browser with service workers runs it, and it imports nothing at run time.
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
    define: { __MCS_PRECACHE__: JSON.stringify(precache) },
    banner: { js: `// MiniCluster Studio service worker, build ${precache.version}` },
  });
  const [output] = bundled.outputFiles;
  if (!output) throw new Error('esbuild wrote no service worker');
  await writeFile(join(outDir, SERVICE_WORKER_FILE), output.contents);
  return precache;
}

/** The Vite plugin: writes the worker after every production build (the dev server has none). */
export function serviceWorkerPlugin(): Plugin {
  let outDir = '';
  let logger: Logger | undefined;
  return {
    name: 'mcs-service-worker',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
      logger = config.logger;
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler: async (error?: Error) => {
        if (error) return;
        const precache = await writeServiceWorker(outDir);
        logger?.info(`${SERVICE_WORKER_FILE}: ${precache.entries.length} files kept for offline use, build ${precache.version}`);
      },
    },
  };
}
