/**
 * Monaco and monaco-yaml, loaded on demand by SpecEditor through `import('./monacoSetup.ts')` so
 * that neither is part of the app's first bundle.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
// Only the editor features a YAML spec author uses: editor.all.js would add ~50 more (diff editor,
// inlay hints, inline completions, colour picker, sticky scroll...) for nothing here.
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/caretOperations/browser/caretOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/lineSelection/browser/lineSelection.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/smartSelect/browser/smartSelect.js';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/esm/vs/editor/contrib/tokenization/browser/tokenization.js';
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';
// Syntax colouring comes from Monaco's Monarch grammar, not from monaco-yaml.
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml, type JSONSchema, type MonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from './yaml.worker.ts?worker';

export { monaco };
/** Whether Tab moves the focus (Monaco's Ctrl+M): one mode for every editor on the page. */
export { TabFocus } from 'monaco-editor/esm/vs/editor/browser/config/tabFocus.js';
export type Monaco = typeof monaco;

/** The model's URI: monaco-yaml associates the schema with it through `fileMatch`. */
export const MODEL_URI = 'file:///minicluster.yaml';
/** File-like so that monaco-yaml never treats it as a base URL to fetch from. */
const SCHEMA_URI = 'file:///schemas/minicluster.schema.json';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    // Both workers are bundled by Vite (`?worker`): nothing is fetched from a CDN.
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

// editor.main.js (the full bundle) wraps createWebWorker so that callers passing only
// `{ moduleId, label, createData }` get a worker from MonacoEnvironment; editor.api.js lacks that
// wrapper, and monaco-worker-manager (used by monaco-yaml) relies on it. The two messages are the
// handshake that the worker side of monaco-worker-manager waits for.
interface WorkerOptions {
  worker?: Worker | Promise<Worker>;
  label?: string;
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
}
const editorApi = monaco.editor as unknown as { createWebWorker(options: WorkerOptions): unknown };
const createWebWorker = editorApi.createWebWorker.bind(editorApi);
editorApi.createWebWorker = (options) => {
  if (options.worker !== undefined) return createWebWorker(options);
  const worker = Promise.resolve(self.MonacoEnvironment?.getWorker?.('workerMain.js', options.label ?? 'monaco-editor-worker'));
  return createWebWorker({
    ...options,
    worker: worker.then((w) => {
      if (!w) throw new Error('MonacoEnvironment.getWorker is not set');
      w.postMessage('ignore');
      w.postMessage(options.createData);
      return w;
    }),
  });
};

/** Monaco theme names for the app's themes. */
export const THEMES = { light: 'vs', dark: 'minicluster-dark' } as const;
// vs-dark's comment green (#608b4e on #1e1e1e) is 4.2:1, under WCAG AA's 4.5:1; this one is 6:1.
monaco.editor.defineTheme(THEMES.dark, {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '7ca668' }],
  colors: {},
});

let yaml: MonacoYaml | undefined;
let currentSchema: Record<string, unknown> | undefined;

function yamlSchemas(schema: Record<string, unknown>) {
  return [{ fileMatch: ['**/minicluster.yaml'], uri: SCHEMA_URI, schema: schema as JSONSchema }];
}

/**
 * Configure monaco-yaml once (it supports a single configured instance); later calls with another
 * schema object update it, which restarts the yaml worker, so an unchanged schema is a no-op.
 */
export function setSchema(schema: Record<string, unknown>): void {
  if (!yaml) {
    currentSchema = schema;
    yaml = configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      hover: true,
      completion: true,
      validate: true,
      // Formatting would go through Prettier; the spec is the user's text, we do not reformat it.
      format: { enable: false },
      yamlVersion: '1.1',
      isKubernetes: false,
      schemas: yamlSchemas(schema),
    });
    return;
  }
  if (schema === currentSchema) return;
  currentSchema = schema;
  void yaml.update({ schemas: yamlSchemas(schema) });
}
