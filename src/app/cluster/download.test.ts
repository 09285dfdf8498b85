import { describe, expect, it } from 'vitest';
import { computedRules, svgFileName } from './download.ts';

/** An element of the picture as computedRules reads it: its class and its computed style. */
function element(className: string | null, style: Record<string, string>) {
  return { getAttribute: () => className, style: { getPropertyValue: (p: string) => style[p] ?? '' } };
}

describe('the standalone SVG', () => {
  it('has one rule per class combination, with the values computed for its first element', () => {
    const elements = [
      element('mcs-cl-node', { fill: 'rgb(255, 255, 255)', stroke: 'rgb(11, 92, 173)' }),
      element('mcs-cl-node mcs-cl-offline', { fill: 'rgb(244, 246, 248)', 'stroke-dasharray': '4px, 3px' }),
      element('mcs-cl-node', { fill: 'rgb(0, 0, 0)' }),
      element('  ', { fill: 'red' }),
    ];
    const root = element(null, { 'font-family': 'monospace', 'font-size': '12px' });
    const svg = { querySelectorAll: () => elements } as unknown as SVGSVGElement;
    const styleOf = (e: Element) => (e === (svg as unknown as Element) ? root.style : (e as unknown as ReturnType<typeof element>).style);
    expect(computedRules(svg, styleOf).split('\n')).toEqual([
      'svg{font-family:monospace;font-size:12px}',
      '.mcs-cl-node{fill:rgb(255, 255, 255);stroke:rgb(11, 92, 173)}',
      '.mcs-cl-node.mcs-cl-offline{fill:rgb(244, 246, 248);stroke-dasharray:4px, 3px}',
    ]);
  });

  it('is named after the MiniCluster', () => {
    expect(svgFileName('flux-sample')).toBe('flux-sample-cluster.svg');
    expect(svgFileName(undefined)).toBe('minicluster-cluster.svg');
  });
});
