/**
 * Vite plugin: the JSON Schema file of each MiniCluster API (`schemas/flux-framework.org/...`, see
 * src/core/schemaFile.ts), emitted into the build and served by the dev server, below the app's
 * base so that it is found under a sub-path too. The core writes the text, as for
 * `minicluster-gen --schema`, so the two cannot differ.
 */
import type { Plugin } from 'vite';
import { SCHEMA_VERSIONS, schemaFilePath, schemaFileText } from '../src/core/schemaFile.ts';

const schemaFiles = (): Map<string, string> => new Map(SCHEMA_VERSIONS.map((version) => [schemaFilePath(version), schemaFileText(version)]));

export function schemaFilesPlugin(): Plugin {
  return {
    name: 'mcs-schema-files',
    generateBundle() {
      for (const [fileName, source] of schemaFiles()) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const base = server.config.base;
        const text = path.startsWith(base) ? schemaFiles().get(path.slice(base.length)) : undefined;
        if (text === undefined) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'application/json');
        res.end(text);
      });
    },
  };
}
