import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { v1alpha2 } from '../../core/index.ts';
import { parseSpecText } from '../../core/parse/index.ts';
import { fixtures } from '../../core/testing/fixtures.ts';
import { v1alpha2Examples } from '../../core/testing/upstream.ts';
import { FormView } from './FormView.tsx';

const render = (text: string, diagnostics = v1alpha2.analyzeSpec(text).diagnostics) =>
  renderToStaticMarkup(createElement(FormView, { text, diagnostics, onEdit: () => {} }));

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('FormView', () => {
  it.each([...fixtures('v1alpha2'), ...v1alpha2Examples()].map((e) => [e.name, e.text] as const))('%s: shows every container and service', (_name, text) => {
    const html = render(text);
    const spec = (parseSpecText(text).value as { spec: { containers?: unknown[]; services?: unknown[] } }).spec;
    expect(count(html, '<legend>Container ')).toBe(spec.containers?.length ?? 0);
    expect(count(html, '<legend>Service ')).toBe(spec.services?.length ?? 0);
    for (const label of ['Name', 'Namespace', 'Size', 'Tasks', 'Queue policy', 'Headless service name', 'Quiet']) {
      expect(html).toMatch(new RegExp(`<label for="[^"]+">${label}</label>`));
    }
  });

  it('shows a problem at its field', () => {
    const text = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\nmetadata:\n  name: demo\nspec:\n  size: 0\n  containers:\n    - image: ubuntu:noble\n';
    const diagnostics = v1alpha2.analyzeSpec(text).diagnostics.filter((d) => d.path === 'spec.size');
    expect(diagnostics).not.toHaveLength(0);
    const html = render(text, diagnostics);
    const sizeField = /<label for="([^"]+)">Size<\/label><input id="\1"[^>]*aria-invalid="true"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(sizeField).toContain(diagnostics[0]!.message.replaceAll('"', '&quot;').slice(0, 30));
  });

  it('says when the YAML cannot be read', () => {
    expect(render('- just\n- a list\n', [])).toContain('The form cannot read this spec');
  });

  it('marks its outermost element for the form\'s undo and redo shortcuts, readable spec or not', () => {
    for (const html of [render(fixtures('v1alpha2')[0]!.text), render('- just\n- a list\n', [])]) {
      expect(html).toMatch(/^<[a-z]+ class="mcs-form"[^>]* data-shortcut-scope="form"/);
    }
  });
});
