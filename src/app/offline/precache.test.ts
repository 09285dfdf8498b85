import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPrecache, cacheName, isOutdatedCache, isPrecached } from './precache.ts';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');
const file = (path: string, sha256 = `hash-of-${path}`) => ({ path, sha256 });

describe('isPrecached', () => {
  it('keeps the page, chunks, workers, styles, fonts, icons, the manifest and schema files', () => {
    for (const path of [
      'index.html',
      'assets/index-C3hIxg2s.js',
      'assets/yaml.worker-IrmU8F9u.js',
      'assets/editor-oQsEJ1Ay.css',
      'assets/codicon-B_Z2XQ3P.ttf',
      'icons/icon-192.png',
      'manifest.webmanifest',
      'schemas/flux-framework.org/minicluster_v1alpha2.json',
    ]) {
      expect(isPrecached(path), path).toBe(true);
    }
  });

  it('leaves out source maps, the service worker itself and dot files', () => {
    for (const path of ['assets/index-C3hIxg2s.js.map', 'sw.js', '.vite/manifest.json', 'assets/.DS_Store']) {
      expect(isPrecached(path), path).toBe(false);
    }
  });

  it('keeps a file named sw.js that is not the worker at the root', () => {
    expect(isPrecached('assets/sw.js')).toBe(true);
  });
});

describe('buildPrecache', () => {
  const build = [file('index.html'), file('assets/b.js'), file('assets/a.js'), file('assets/a.js.map'), file('sw.js')];

  it('lists the kept files in path order, the page as its folder, each with its integrity', () => {
    expect(buildPrecache(build, hex).entries).toEqual([
      { url: 'assets/a.js', integrity: 'sha256-hash-of-assets/a.js' },
      { url: 'assets/b.js', integrity: 'sha256-hash-of-assets/b.js' },
      { url: './', integrity: 'sha256-hash-of-index.html' },
    ]);
  });

  it('gives the same version for the same files in any order, and with or without what it leaves out', () => {
    const version = buildPrecache(build, hex).version;
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildPrecache([...build].reverse(), hex).version).toBe(version);
    expect(buildPrecache([file('index.html'), file('assets/a.js'), file('assets/b.js')], hex).version).toBe(version);
  });

  it('changes the version when a file changes, is added or is renamed', () => {
    const version = buildPrecache(build, hex).version;
    const changed = build.map((f) => (f.path === 'assets/a.js' ? file(f.path, 'other') : f));
    expect(buildPrecache(changed, hex).version).not.toBe(version);
    expect(buildPrecache([...build, file('assets/c.js')], hex).version).not.toBe(version);
    const renamed = build.map((f) => (f.path === 'assets/a.js' ? file('assets/a2.js', f.sha256) : f));
    expect(buildPrecache(renamed, hex).version).not.toBe(version);
  });

  it('refuses a build without its page or with a path twice', () => {
    expect(() => buildPrecache([file('assets/a.js')], hex)).toThrow(/no index\.html/);
    expect(() => buildPrecache([file('index.html'), file('assets/a.js'), file('assets/a.js', 'x')], hex)).toThrow(/assets\/a\.js twice/);
  });
});

describe('cache names', () => {
  const scope = 'https://example.org/tools/studio/';

  it('name the scope and the version', () => {
    expect(cacheName(scope, 'abc')).toBe('mcs-precache https://example.org/tools/studio/ abc');
    expect(cacheName(scope, 'abc')).not.toBe(cacheName(scope, 'abd'));
    expect(cacheName(scope, 'abc')).not.toBe(cacheName('https://example.org/', 'abc'));
  });

  it('count an earlier build of the same scope as outdated, and nothing else', () => {
    expect(isOutdatedCache(cacheName(scope, 'old'), scope, 'new')).toBe(true);
    expect(isOutdatedCache(cacheName(scope, 'new'), scope, 'new')).toBe(false);
    // Another copy of the app on the same site, above or below this one, keeps its cache.
    expect(isOutdatedCache(cacheName('https://example.org/tools/', 'old'), scope, 'new')).toBe(false);
    expect(isOutdatedCache(cacheName('https://example.org/tools/studio/beta/', 'old'), scope, 'new')).toBe(false);
    expect(isOutdatedCache('some-other-cache', scope, 'new')).toBe(false);
  });
});
