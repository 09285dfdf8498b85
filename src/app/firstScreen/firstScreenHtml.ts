/**
 * The page's first screen, written into index.html at build time (scripts/firstScreenPlugin.ts):
 * the default example and its objects as plain HTML, in the app's own classes, so a new visitor
 * sees the objects as soon as the HTML and its stylesheet have arrived, before any script has run.
 * The app replaces it with itself on its own first output (reveal.ts); a visitor who will open
 * another spec never sees it (gateScript.ts).
 *
 * The keypair is made in the browser, so the certificate's keys cannot be known here: they are
 * written as a placeholder that says so, and the note above the objects says it too.
 */
import { highlightYaml, tokenLines } from '../preview/highlightYaml.ts';
import { CLASS_OF } from '../preview/tokenClasses.ts';
import { COLLAPSE_LINES, firstLines, lineCount } from '../preview/collapse.ts';

import { FIRST_SCREEN_ID } from './ids.ts';

/** What the certificate's keys read as until the page has made them. */
export const PLACEHOLDER_KEY = '(placeholder: made in this page once it has loaded)';

export interface FirstScreenObject {
  kind: string;
  name: string;
  /** One YAML document; the certificate's keys already replaced by the placeholder. */
  yaml: string;
}

export interface FirstScreenToggle {
  label: string;
  checked: boolean;
  disabled: boolean;
  note?: string | undefined;
}

export interface FirstScreenInput {
  specText: string;
  objects: readonly FirstScreenObject[];
  /** The preview's summary line of these objects. */
  summary: string;
  /** The include toggles as the preview draws them for these objects. */
  toggles: readonly FirstScreenToggle[];
  /** The titles of the example menu's entries (the menu is as wide as the longest). */
  exampleTitles: readonly string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);

function highlighted(yaml: string): string {
  return tokenLines(highlightYaml(yaml))
    .map((tokens) => {
      const inner = tokens
        .map((token) => {
          const className = CLASS_OF[token.kind];
          return className ? `<span class="${className}">${escapeHtml(token.text)}</span>` : escapeHtml(token.text);
        })
        .join('');
      return `<span>${inner}</span>`;
    })
    .join('');
}

function card({ kind, name, yaml }: FirstScreenObject): string {
  const lines = lineCount(yaml);
  const long = lines > COLLAPSE_LINES;
  const placeholder = yaml.includes(PLACEHOLDER_KEY) ? '<span class="mcs-card-change" data-kind="placeholder">Placeholder keys</span>' : '';
  return [
    '<article class="mcs-card">',
    '<header class="mcs-card-head">',
    `<h3 class="mcs-card-title"><span class="mcs-card-kind">${escapeHtml(kind)}</span> <span class="mcs-card-name">${escapeHtml(name)}</span></h3>`,
    `<span class="mcs-card-lines">${lines === 1 ? '1 line' : `${lines} lines`}</span>${placeholder}`,
    '<span class="mcs-card-actions"><button type="button" class="mcs-button mcs-button-small">Copy</button><button type="button" class="mcs-button mcs-button-small">Download</button></span>',
    '</header>',
    `<pre class="mcs-code${long ? ' mcs-code-collapsed' : ''}" elementtiming="mcs-object"><code>${highlighted(long ? firstLines(yaml, COLLAPSE_LINES) : yaml)}</code></pre>`,
    long ? `<button type="button" class="mcs-show-all">Show all ${lines} lines</button>` : '',
    '</article>',
  ].join('');
}

function toggle({ label, checked, disabled, note }: FirstScreenToggle): string {
  return `<label class="mcs-toggle"${disabled ? ' data-disabled="true"' : ''}><input type="checkbox"${checked ? ' checked' : ''}${disabled ? ' disabled' : ''}>${escapeHtml(label)}</label>${
    note ? `<span class="mcs-note">${escapeHtml(note)}</span>` : ''
  }`;
}

/** A closed disclosure box of the preview (Output options, Commands), as the app draws it closed. */
const closedBox = (name: string, title: string, state: string) =>
  `<details class="mcs-${name} mcs-disclosure"><summary class="mcs-${name}-summary mcs-disclosure-summary"><span class="mcs-${name}-title mcs-disclosure-title">${title}</span> <span class="mcs-${name}-state mcs-disclosure-state">${state}</span></summary></details>`;

/**
 * The app's page as it first shows, drawn with the app's classes: its controls are stand-ins that
 * take the same room (so nothing moves when the app takes over) and are inert until it does.
 */
export function firstScreenHtml({ specText, objects, summary, toggles, exampleTitles }: FirstScreenInput): string {
  return [
    // Hidden until the inline script after it says it may show (gateScript.ts): a page that arrives
    // in pieces, or a script that does not run, never shows it. Inert: no focus, no clicks, nothing
    // for assistive technology; the app that replaces it within a second is all that.
    `<div id="${FIRST_SCREEN_ID}" class="mcs-app mcs-first-screen" hidden inert>`,
    '<header class="mcs-header"><h1>MiniCluster Studio<small>Flux Framework MiniCluster → Kubernetes objects</small></h1>',
    `<button type="button">Open file…</button><label>Example<select><option>Load an example…</option>${exampleTitles.map((t) => `<option>${escapeHtml(t)}</option>`).join('')}</select></label>`,
    '<button type="button">Copy link</button><button type="button">Reset</button><label>Theme<select><option>System</option></select></label></header>',
    '<nav class="mcs-jump"><button type="button">Spec</button><button type="button">Output</button></nav>',
    '<main class="mcs-main">',
    '<section class="mcs-column">',
    '<div class="mcs-spec-views"><div role="tablist" class="mcs-spec-tabs">',
    '<button type="button" role="tab" aria-selected="false">Form</button><button type="button" role="tab" aria-selected="true">YAML</button></div>',
    '<div class="mcs-editor-pane"><div class="mcs-spec-editor-frame"><div class="mcs-spec-editor" data-editor="plain">',
    // The newline keeps a spec that starts with one: the parser drops the first newline of a <pre>.
    `<pre class="mcs-spec-editor-plain" data-spec>\n${escapeHtml(specText)}</pre>`,
    '</div><p class="mcs-editor-hint">Tab moves the focus out of the editor.</p></div></div></div>',
    '</section>',
    '<section class="mcs-column">',
    '<div class="mcs-preview"><div class="mcs-preview-bar">',
    `<fieldset class="mcs-include"><legend class="mcs-include-legend">Include</legend>${toggles.map(toggle).join('')}</fieldset>`,
    closedBox('output', 'Output options', 'none: the operator’s own objects'),
    `<p class="mcs-summary">${escapeHtml(summary)}</p>`,
    '<p class="mcs-changes"><span class="mcs-changes-text">Loading… the keys are placeholders</span>',
    '<button type="button" class="mcs-button mcs-button-small" disabled>Next change</button></p>',
    '<div class="mcs-actions"><button type="button" class="mcs-button mcs-button-primary">Copy bundle</button><button type="button" class="mcs-button">Download bundle</button><button type="button" class="mcs-button">Download zip</button><button type="button" class="mcs-button">Download spec</button></div>',
    closedBox('commands', 'Commands', 'kubectl: apply, watch the pods, the lead broker’s log and a Flux shell, delete'),
    '</div>',
    '<p class="mcs-stale-banner"></p>',
    // The output view's tabs (preview/OutputViewTabs.tsx) with Objects chosen: the gate shows this screen only then.
    '<div role="tablist" class="mcs-spec-tabs mcs-output-tabs"><button type="button" role="tab" aria-selected="true">Objects</button><button type="button" role="tab" aria-selected="false">Cluster</button></div>',
    `<div class="mcs-output-panel"><div class="mcs-cards">${objects.map(card).join('')}</div></div>`,
    '</div>',
    '</section>',
    '</main>',
    '</div>',
  ].join('');
}
