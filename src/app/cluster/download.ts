/**
 * The picture as a file of its own: the SVG on the page, with a style sheet made from what the
 * page's styles compute for each class in the current theme (the page's colours are custom
 * properties, which a file opened elsewhere would not have), without the page's keyboard wiring.
 */

/** The properties the picture's classes set; only these are copied into the file. */
const PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight'] as const;

/** One CSS rule per class combination in `svg`, with the values computed for its first element. */
export function computedRules(svg: SVGSVGElement, style: (element: Element) => Pick<CSSStyleDeclaration, 'getPropertyValue'>): string {
  const rules = new Map<string, string>();
  const root = style(svg);
  rules.set('svg', declarations(root));
  for (const element of svg.querySelectorAll('[class]')) {
    const names = (element.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
    const selector = names.map((n) => `.${n}`).join('');
    if (selector === '' || rules.has(selector)) continue;
    rules.set(selector, declarations(style(element)));
  }
  return [...rules].map(([selector, body]) => `${selector}{${body}}`).join('\n');
}

function declarations(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): string {
  return PROPERTIES.map((p) => [p, style.getPropertyValue(p).trim()] as const)
    .filter(([, v]) => v !== '')
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
}

/** The standalone SVG text of `svg` (a copy: the page's element is not changed). */
export function standaloneSvg(svg: SVGSVGElement, title: string, style: (element: Element) => Pick<CSSStyleDeclaration, 'getPropertyValue'> = getComputedStyle): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    element.removeAttribute('tabindex');
    element.removeAttribute('aria-describedby');
    element.removeAttribute('aria-labelledby');
    element.removeAttribute('data-cl-link');
    if (element.getAttribute('role') === 'button') element.removeAttribute('role');
  }
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('role', 'img');
  const sheet = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  sheet.textContent = computedRules(svg, style);
  copy.insertBefore(sheet, copy.firstChild);
  const heading = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  heading.textContent = title;
  copy.insertBefore(heading, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

export const SVG_TYPE = 'image/svg+xml;charset=utf-8';

/** `NAME-cluster.svg`, or `minicluster-cluster.svg` before there is a name. */
export function svgFileName(name: string | undefined): string {
  return `${name || 'minicluster'}-cluster.svg`;
}
