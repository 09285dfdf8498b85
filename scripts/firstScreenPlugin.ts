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
    if (text === undefined) return link;
    // In the page, a relative url() would be read from the page's folder, not the stylesheet's.
    if (/url\(/.test(text)) throw new Error(`${href} has a url(), which would point elsewhere once it is written into the page: keep such styles out of the first screen's`);
    return `<style>${text.replaceAll('</style', '<\\/style')}</style>`;
  });
}

/**
 * `<link rel="modulepreload">` for the app's start (`boot.ts`) and every chunk it imports: the
 * entry imports it only once the first screen is on screen, and its files are then already here.
 */
export function bootPreloads(bundle: Record<string, { type: string; fileName: string; facadeModuleId?: string | null; imports?: string[]; isEntry?: boolean }>): string {
  const chunks = Object.values(bundle);
  const boot = chunks.find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('/src/app/boot.ts'));
  if (!boot) throw new Error('the build has no chunk for src/app/boot.ts to preload');
  const files = new Set<string>();
  const visit = (fileName: string) => {
    if (files.has(fileName)) return;
    files.add(fileName);
    for (const imported of bundle[fileName]?.imports ?? []) visit(imported);
  };
  visit(boot.fileName);
  // The entry is the page's own script, already loading.
  return [...files].filter((file) => !bundle[file]?.isEntry).map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`).join('');
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
        if (!bundle) throw new Error('the first screen is written into a built page only');
        const styled = withInlineStyles(page, (href) => {
          const asset = bundle[href.replace(/^\.\//, '')];
          return asset?.type === 'asset' && typeof asset.source === 'string' ? asset.source : undefined;
        });
        return styled.replace('</head>', `${bootPreloads(bundle)}</head>`);
      },
    },
  };
}

/** The hash of the gate script, for the Content-Security-Policy of the built page. */
export const firstScreenScriptSource = (): string => scriptHashSource(gateScript());
