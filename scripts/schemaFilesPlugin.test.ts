/** The build and the dev server serve the core's schema files, byte for byte, below the base. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, schemaFilePath, schemaFileText } from '../src/core/schemaFile.ts';
import { schemaFilesPlugin } from './schemaFilesPlugin.ts';

/** A page with nothing but its HTML, so a build takes a moment. */
function emptyApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'mcs-schema-plugin-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>\n');
  return root;
}

describe('schemaFilesPlugin', () => {
  it('writes each file into the build, as the core writes it', async () => {
    const root = emptyApp();
    const outDir = join(root, 'dist');
    await build({ configFile: false, root, base: './', logLevel: 'silent', plugins: [schemaFilesPlugin()], build: { outDir } });
    for (const version of SCHEMA_VERSIONS) {
      expect(readFileSync(join(outDir, schemaFilePath(version)), 'utf8')).toBe(schemaFileText(version));
    }
    expect(schemaFilePath('v1alpha2')).toBe('schemas/flux-framework.org/minicluster_v1alpha2.json');
  });

  it.each(['/', '/tools/studio/'])('serves each file as JSON from the dev server with base %s', async (base) => {
    const server = await createServer({ configFile: false, root: emptyApp(), base, logLevel: 'silent', plugins: [schemaFilesPlugin()], server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    try {
      const { port } = server.httpServer?.address() as AddressInfo;
      for (const version of SCHEMA_VERSIONS) {
        const response = await fetch(`http://127.0.0.1:${port}${base}${schemaFilePath(version)}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(await response.text()).toBe(schemaFileText(version));
      }
      // A version that has no schema is left to the server (its page fallback), not answered as JSON.
      const other = await fetch(`http://127.0.0.1:${port}${base}schemas/flux-framework.org/minicluster_v1beta1.json`);
      expect(other.headers.get('content-type')).not.toBe('application/json');
    } finally {
      await server.close();
    }
  });
});
