/**
 * The built app serves the JSON Schema files (for editors and kubeconform) below its base, as JSON,
 * under a sub-path too, and the page's Content-Security-Policy lets the page itself read them.
 */
import { resolve } from 'node:path';
import { expect, test } from './guard.ts';
import { SCHEMA_VERSIONS, schemaFilePath, schemaFileText } from '../src/core/schemaFile.ts';
import { serveStatic } from './staticServer.ts';

test('the build serves each schema file as JSON, from a sub-path and to the page under its policy', async ({ page, request }) => {
  const server = await serveStatic(resolve('dist'), '/tools/minicluster-studio/');
  try {
    for (const version of SCHEMA_VERSIONS) {
      for (const base of [server.url, new URL('/', test.info().project.use.baseURL).href]) {
        const response = await request.get(`${base}${schemaFilePath(version)}`);
        expect(response.status(), `${base} ${version}`).toBe(200);
        expect(response.headers()['content-type'], `${base} ${version}`).toMatch(/^application\/json\b/);
        expect(await response.text()).toBe(schemaFileText(version));
      }
    }
    await page.goto(server.url);
    const read = await page.evaluate(async (paths) => Promise.all(paths.map(async (path) => {
      const response = await fetch(path);
      return { type: response.headers.get('content-type'), id: ((await response.json()) as { $id: string }).$id };
    })), SCHEMA_VERSIONS.map(schemaFilePath));
    expect(read).toEqual(SCHEMA_VERSIONS.map((version) => ({ type: expect.stringMatching(/^application\/json\b/) as unknown, id: expect.stringContaining(version) as unknown })));
  } finally {
    server.close();
  }
});
