import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootPreloads, firstScreenScriptSource, withFirstScreen, withInlineStyles } from './firstScreenPlugin.ts';
import { gateScript } from '../src/app/firstScreen/gateScript.ts';

const PAGE = '<html><head><link rel="stylesheet" crossorigin href="./assets/index-1.css"></head><body><div id="root"><noscript>x</noscript></div></body></html>';

describe('the first screen in index.html', () => {
  it('goes before the app’s root, and its script right after the root, while the parser has not painted yet', () => {
    const html = withFirstScreen(PAGE, '<div id="first"></div>', 'gate()');
    expect(html).toContain('<body><div id="first"></div><div id="root"><noscript>x</noscript></div><script>gate()</script></body>');
  });

  it('says what is missing from a page without the app’s root', () => {
    expect(() => withFirstScreen('<body></body>', '', '')).toThrow(/no <div id="root">/);
  });

  it('allows exactly its inline script in the page’s policy', () => {
    const html = withFirstScreen(PAGE, '', gateScript());
    const inline = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(firstScreenScriptSource()).toBe(`'sha256-${hash}'`);
  });

  it('writes the page’s stylesheet into it, and leaves a stylesheet it does not have', () => {
    const css = (href: string) => (href === './assets/index-1.css' ? 'a{color:red}</style><script>x</script>' : undefined);
    const html = withInlineStyles(PAGE, css);
    expect(html).toContain('<style>a{color:red}<\\/style><script>x</script></style>');
    expect(html).not.toContain('<link rel="stylesheet"');
    expect(withInlineStyles(PAGE, () => undefined)).toBe(PAGE);
  });

  it('refuses a stylesheet with a url(), which would be read from another folder in the page', () => {
    expect(() => withInlineStyles(PAGE, () => '.a{background:url(./x.svg)}')).toThrow(/url\(\)/);
  });
});

describe('the preloads of the app’s start', () => {
  const chunk = (fileName: string, imports: string[], extra: object = {}) => ({ type: 'chunk', fileName, imports, ...extra });
  it('name the start’s chunk and every chunk it imports, once each, but not the page’s entry', () => {
    const bundle = {
      'assets/index.js': chunk('assets/index.js', ['assets/shared.js'], { isEntry: true }),
      'assets/boot.js': chunk('assets/boot.js', ['assets/shared.js', 'assets/index.js', 'assets/a.js'], { facadeModuleId: '/x/src/app/boot.ts' }),
      'assets/a.js': chunk('assets/a.js', ['assets/shared.js']),
      'assets/shared.js': chunk('assets/shared.js', []),
      'assets/late.js': chunk('assets/late.js', []),
    };
    const links = bootPreloads(bundle).match(/href="[^"]+"/g);
    expect(links).toEqual(['href="./assets/boot.js"', 'href="./assets/shared.js"', 'href="./assets/a.js"']);
  });

  it('says so when the build has no start to preload', () => {
    expect(() => bootPreloads({})).toThrow(/no chunk for src\/app\/boot.ts/);
  });
});
