/**
 * Writes the default example's first screen into the built index.html (src/app/firstScreen/), with
 * the inline script that decides whether it may show, and that script's hash for the page's
 * Content-Security-Policy. Build only: the dev server shows the app as it loads.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { firstScreenOf } from '../src/app/firstScreen/firstScreen.ts';
import { gateScript } from '../src/app/firstScreen/gateScript.ts';
import { DEFAULT_PRESET_ID, PRESET_CATALOG } from '../src/app/presets/catalog.ts';

/** The CSP source that allows exactly `script` inline. */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** The HTML of the body: the first screen before the app's root, the script right after it. */
export function withFirstScreen(html: string, firstScreen: string, gate: string): string {
  const root = /<div id="root">[\s\S]*?<\/div>/.exec(html);
  if (!root) throw new Error('index.html has no <div id="root">…</div> to put the first screen before');
  const at = root.index;
  const end = at + root[0].length;
  return `${html.slice(0, at)}${firstScreen}${root[0]}<script>${gate}</script>${html.slice(end)}`;
}

/**
 * The page's own stylesheet (the first screen's styles, main.tsx) written into the page: one
 * request less before the first paint. `css` maps a stylesheet's path in the page to its text.
 */
export function withInlineStyles(html: string, css: (href: string) => string | undefined): string {
  return html.replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (link, href: string) => {
    const text = css(href);
    return text === undefined ? link : `<style>${text.replaceAll('</style', '<\\/style')}</style>`;
  });
}

export function firstScreenPlugin(): Plugin {
  return {
    name: 'mcs-first-screen',
    apply: 'build',
    transformIndexHtml: {
      // After Vite has linked the entry's stylesheet into the page.
      order: 'post',
      handler(html, { bundle }) {
        const specFile = fileURLToPath(new URL(`../src/app/presets/${DEFAULT_PRESET_ID}.yaml`, import.meta.url));
        const page = withFirstScreen(html, firstScreenOf(readFileSync(specFile, 'utf8'), PRESET_CATALOG.map((entry) => entry.title)), gateScript());
        return withInlineStyles(page, (href) => {
          const asset = bundle?.[href.replace(/^\.\//, '')];
          return asset?.type === 'asset' && typeof asset.source === 'string' ? asset.source : undefined;
        });
      },
    },
  };
}

/** The hash of the gate script, for the Content-Security-Policy of the built page. */
export const firstScreenScriptSource = (): string => scriptHashSource(gateScript());
