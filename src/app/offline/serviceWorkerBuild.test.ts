/**
 * The build's service worker: the list it writes from a build folder, and the written `sw.js` run
 * against stand-ins for the browser's caches and network.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVATE_UPDATE } from './messages.ts';
import { cacheName } from './precache.ts';
import { writeServiceWorker } from './serviceWorkerBuild.ts';

const SCOPE = 'https://example.org/tools/studio/';

const BUILD: Record<string, string> = {
  'index.html': '<!doctype html><title>Studio</title>',
  'assets/index-abc.js': 'console.log("app");',
  'assets/index-abc.js.map': '{"version":3}',
  'assets/yaml.worker-def.js': 'self.onmessage = () => {};',
  'manifest.webmanifest': '{"name":"Studio"}',
  'schemas/flux-framework.org/minicluster_v1alpha2.json': '{"type":"object"}',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

let dir: string;

async function writeBuild(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mcs-sw-'));
  await writeBuild(BUILD);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeServiceWorker', () => {
  it('lists every file but the source maps, with the integrity of its content', async () => {
    const precache = await writeServiceWorker(dir);
    expect(precache.entries).toEqual([
      { url: 'assets/index-abc.js', integrity: `sha256-${sha256(BUILD['assets/index-abc.js']!)}` },
      { url: 'assets/yaml.worker-def.js', integrity: `sha256-${sha256(BUILD['assets/yaml.worker-def.js']!)}` },
      { url: './', integrity: `sha256-${sha256(BUILD['index.html']!)}` },
      { url: 'manifest.webmanifest', integrity: `sha256-${sha256(BUILD['manifest.webmanifest']!)}` },
      { url: 'schemas/flux-framework.org/minicluster_v1alpha2.json', integrity: `sha256-${sha256(BUILD['schemas/flux-framework.org/minicluster_v1alpha2.json']!)}` },
    ]);
    const worker = await readFile(join(dir, 'sw.js'), 'utf8');
    expect(worker).toContain(precache.version);
    expect(worker).not.toContain('index-abc.js.map');
  });

  it('writes the same worker again for the same build, and another one when a file changes', async () => {
    const first = await writeServiceWorker(dir);
    const firstWorker = await readFile(join(dir, 'sw.js'), 'utf8');
    // The worker of the previous run is in the folder now: it must not count.
    expect(await writeServiceWorker(dir)).toEqual(first);
    expect(await readFile(join(dir, 'sw.js'), 'utf8')).toBe(firstWorker);
    await writeBuild({ 'assets/index-abc.js': 'console.log("app, changed");' });
    const second = await writeServiceWorker(dir);
    expect(second.version).not.toBe(first.version);
    expect(await readFile(join(dir, 'sw.js'), 'utf8')).not.toBe(firstWorker);
  });
});

/** The browser around a service worker, as far as ours uses it. */
function browserFor(server: Record<string, string>) {
  const caches = new Map<string, Map<string, Response>>();
  const fetched: Request[] = [];
  const listeners = new Map<string, (event: unknown) => void>();
  let skippedWaiting = 0;
  let claimed = 0;
  const cacheStorage = {
    open: async (name: string) => {
      const cache = caches.get(name) ?? new Map<string, Response>();
      caches.set(name, cache);
      return {
        match: async (url: string) => cache.get(url)?.clone(),
        put: async (url: string, response: Response) => void cache.set(url, response),
      };
    },
    keys: async () => [...caches.keys()],
    delete: async (name: string) => caches.delete(name),
  };
  const fetchFromServer = async (request: Request) => {
    fetched.push(request);
    const path = new URL(request.url).pathname.replace('/tools/studio/', '') || 'index.html';
    const body = server[path];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  };
  const scope = {
    registration: { scope: SCOPE },
    location: new URL(`${SCOPE}sw.js`),
    clients: { claim: async () => void claimed++ },
    skipWaiting: async () => void skippedWaiting++,
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  return {
    caches,
    cacheStorage,
    fetched,
    skippedWaiting: () => skippedWaiting,
    claimed: () => claimed,
    async load(workerCode: string) {
      new Function('self', 'caches', 'fetch', workerCode)(scope, cacheStorage, fetchFromServer);
    },
    /** Dispatches an extendable event and waits for the work it was given. */
    async dispatch(type: 'install' | 'activate'): Promise<void> {
      let work: Promise<unknown> = Promise.resolve();
      listeners.get(type)?.({ waitUntil: (promise: Promise<unknown>) => (work = promise) });
      await work;
    },
    /** The worker's answer to a request, or undefined when it leaves the request to the browser. */
    async request(url: string, init: { mode?: RequestMode; method?: string } = {}): Promise<Response | undefined> {
      let answer: Promise<Response> | undefined;
      const request = { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' } as Request;
      listeners.get('fetch')?.({ request, respondWith: (response: Promise<Response>) => (answer = response) });
      return answer;
    },
    message(data: unknown) {
      listeners.get('message')?.({ data });
    },
  };
}

describe('the written worker', () => {
  /** The worker written for BUILD, in a browser whose server holds `served`. */
  async function workerFor(served = BUILD) {
    const precache = await writeServiceWorker(dir);
    return { precache, code: await readFile(join(dir, 'sw.js'), 'utf8'), browser: browserFor(served) };
  }

  it('installs by fetching exactly the listed files, past the HTTP cache and with their integrity, into its own cache', async () => {
    const { precache, code, browser } = await workerFor();
    await browser.load(code);
    await browser.dispatch('install');
    const cache = browser.caches.get(cacheName(SCOPE, precache.version));
    expect([...(cache?.keys() ?? [])].sort()).toEqual(
      [
        SCOPE,
        `${SCOPE}assets/index-abc.js`,
        `${SCOPE}assets/yaml.worker-def.js`,
        `${SCOPE}manifest.webmanifest`,
        `${SCOPE}schemas/flux-framework.org/minicluster_v1alpha2.json`,
      ].sort(),
    );
    expect(browser.fetched).toHaveLength(5);
    for (const request of browser.fetched) {
      expect(request.cache).toBe('no-cache');
      const entry = precache.entries.find((e) => new URL(e.url, SCOPE).href === request.url);
      expect(request.integrity).toBe(entry?.integrity);
    }
    expect(await cache?.get(SCOPE)?.clone().text()).toBe(BUILD['index.html']);
  });

  it('fails the install and keeps no part of the build when a file is missing on the server', async () => {
    const { ['assets/yaml.worker-def.js']: _missing, ...partial } = BUILD;
    const { code, browser } = await workerFor(partial);
    await browser.load(code);
    await expect(browser.dispatch('install')).rejects.toThrow(/yaml\.worker-def\.js answered 404/);
    expect([...browser.caches.keys()]).toEqual([]);
  });

  it('on activation deletes the earlier builds of its scope only, and takes over the open pages', async () => {
    const { precache, code, browser } = await workerFor();
    await browser.load(code);
    await browser.dispatch('install');
    for (const name of [cacheName(SCOPE, 'older'), cacheName('https://example.org/', 'older'), 'another-apps-cache']) await (await browser.cacheStorage.open(name)).put('x', new Response(''));
    await browser.dispatch('activate');
    expect([...browser.caches.keys()].sort()).toEqual([cacheName(SCOPE, precache.version), cacheName('https://example.org/', 'older'), 'another-apps-cache'].sort());
    expect(browser.claimed()).toBe(1);
  });

  it('answers the page (with any query) and its files from the cache, and leaves every other request alone', async () => {
    const { code, browser } = await workerFor();
    await browser.load(code);
    await browser.dispatch('install');
    const fetchedByInstall = browser.fetched.length;
    expect(await (await browser.request(`${SCOPE}?spec=abc#top`, { mode: 'navigate' }))?.text()).toBe(BUILD['index.html']);
    expect(await (await browser.request(`${SCOPE}index.html`, { mode: 'navigate' }))?.text()).toBe(BUILD['index.html']);
    expect(await (await browser.request(`${SCOPE}assets/index-abc.js`))?.text()).toBe(BUILD['assets/index-abc.js']);
    expect(await browser.request(`${SCOPE}assets/index-abc.js.map`)).toBeUndefined();
    expect(await browser.request(`${SCOPE}assets/index-abc.js`, { method: 'POST' })).toBeUndefined();
    expect(await browser.request(`${SCOPE}other/page`, { mode: 'navigate' })).toBeUndefined();
    expect(await browser.request('https://elsewhere.example/assets/index-abc.js')).toBeUndefined();
    expect(browser.fetched.length).toBe(fetchedByInstall);
  });

  it('takes over from the previous build only when the page asks', async () => {
    const { code, browser } = await workerFor();
    await browser.load(code);
    browser.message('something else');
    expect(browser.skippedWaiting()).toBe(0);
    browser.message(ACTIVATE_UPDATE);
    expect(browser.skippedWaiting()).toBe(1);
  });
});

