/**
 * The highlighter against real text: every object the core generates from the operator's
 * examples, and the example specs themselves (hand-written YAML, the other text users paste).
 */
import { isMap, isScalar, isSeq, parseAllDocuments, visit, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { v1alpha2 } from '../../core/index.ts';
import { renderYaml } from '../../core/render/index.ts';
import { TEST_KEYS } from '../../core/testing/testKeys.ts';
import { fixtures } from '../../core/testing/fixtures.ts';
import { v1alpha2Examples } from '../../core/testing/upstream.ts';
import { highlightYaml, type YamlToken } from './highlightYaml.ts';

/** The keys of every block or flow mapping, as a YAML parser sees them. */
function parsedKeyCount(text: string): number {
  let n = 0;
  for (const doc of parseAllDocuments(text)) visit(doc, { Pair: () => void n++ });
  return n;
}

/** The values a literal/folded block holds, as source lines. */
function blockScalarSources(text: string): string[] {
  const out: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    visit(doc, {
      Scalar(_key, node) {
        if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) {
          out.push(text.slice(node.range[0], node.range[1]));
        }
      },
    });
  }
  return out;
}

const keys = (tokens: YamlToken[]) => tokens.filter((t) => t.kind === 'key').length;
/** Our fixtures always; the operator's examples too when the corpus is there. */
const examples = [...fixtures('v1alpha2'), ...v1alpha2Examples()];
const usable = (node: Node | null) => isMap(node) || isSeq(node) || isScalar(node);

describe('highlightYaml on generated objects', () => {
  const bundles = examples.flatMap(({ name, text }) => {
    const cluster = v1alpha2.analyzeSpec(text).cluster;
    return cluster ? v1alpha2.generateManifests(cluster, { keys: TEST_KEYS }).map((m) => ({ name: `${name} ${m.kind}/${m.metadata.name}`, yaml: renderYaml([m]) })) : [];
  });

  it('has examples to check', () => expect(bundles.length).toBeGreaterThan(2 * examples.length));

  it.each(bundles.map((b) => [b.name, b.yaml] as const))('%s: exact text, one key token per mapping key, block content as block', (_name, yaml) => {
    const tokens = highlightYaml(yaml);
    expect(tokens.map((t) => t.text).join('')).toBe(yaml);
    expect(keys(tokens)).toBe(parsedKeyCount(yaml));
    const blockText = tokens.filter((t) => t.kind === 'block').map((t) => t.text).join('');
    for (const source of blockScalarSources(yaml)) {
      // The source range starts at the header (`|`) line; its content lines are block tokens.
      const content = source.slice(source.indexOf('\n') + 1).replace(/\n+$/, '');
      if (content !== '') expect(blockText).toContain(content);
    }
  });
});

describe('highlightYaml on the example specs', () => {
  it.each(examples.map((e) => [e.name, e.text] as const))('%s', (_name, text) => {
    const tokens = highlightYaml(text);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    const docs = parseAllDocuments(text);
    if (docs.every((doc) => doc.errors.length === 0 && usable(doc.contents))) expect(keys(tokens)).toBe(parsedKeyCount(text));
  });
});
