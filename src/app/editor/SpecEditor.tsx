/**
 * The spec editor: Monaco with monaco-yaml (schema completion, hover, validation) and the core's
 * diagnostics as markers. Monaco arrives through a dynamic import after the first render; until
 * then a plain textarea with the same text keeps the app usable.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { Diagnostic } from '../../core/page.ts';
import { withCharacterBoundsLimit } from './characterBounds.ts';
import { MARKER_OWNER, toMarkers } from './markers.ts';
import { ModelSync } from './modelSync.ts';
import { changedSpan, movedOffset } from './textEdit.ts';
import { markModelChange } from '../timing.ts';
import './editor.css';

export interface SpecEditorHandle {
  /** Puts the cursor at a one-based line and column, scrolls it to the middle and focuses the editor. */
  revealPosition(line: number, column: number): void;
  focus(): void;
  /** Undo and redo in the editor's history (form edits are in it too); false until Monaco is there. */
  undo(): boolean;
  redo(): boolean;
}

export interface SpecEditorProps {
  /**
   * The spec text. The parent owns it: it must store what `onChange` gives and pass it back
   * unchanged (not a debounced copy, which the editor would take for an outside change).
   */
  value: string;
  /** Every user edit, with the whole text. Not called for changes that came in through `value`. */
  onChange(text: string): void;
  /** From the core; shown as Monaco markers with the owner `minicluster`. */
  diagnostics: readonly Diagnostic[];
  theme: 'light' | 'dark';
  /** For monaco-yaml's completion, hover and validation; keep the same object between renders. */
  jsonSchema: Record<string, unknown>;
  /** The cursor's offset in the text, whenever it moves (to tell which document of a file it is in). */
  onCursorChange?(offset: number): void;
  /** Called once, when Monaco has replaced the plain textarea. */
  onEditorReady?(): void;
  /**
   * Whether to load Monaco now (default true). The parent can hold it back until the first output
   * is on screen, so that parsing Monaco's few megabytes does not delay it.
   */
  loadMonaco?: boolean;
}

export const SPEC_EDITOR_LABEL = 'MiniCluster spec (YAML)';

/** Outside changes closer together than this, within one line, are one undo step. */
const COALESCE_MS = 1000;
/** The most line breaks a form keystroke's change can hold and still start a run (a new key and its parents). */
const KEYSTROKE_LINES = 3;

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const MONO_FONT = 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace';

type Setup = typeof import('./monacoSetup.ts');

interface Mounted {
  setup: Setup;
  editor: MonacoEditor.IStandaloneCodeEditor;
  model: MonacoEditor.ITextModel;
  sync: ModelSync;
}

export const SpecEditor = forwardRef<SpecEditorHandle, SpecEditorProps>(function SpecEditor(props, ref) {
  const { value, onChange, diagnostics, theme, jsonSchema } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [mounted, setMounted] = useState<Mounted>();
  // Monaco's listeners are registered once; they read the props of the latest render from here.
  const latest = useRef(props);
  const readyReported = useRef(false);
  const lastOutside = useRef<{ at: number; line: number; breaks: number; version: number; before: string }>(undefined);
  const hintId = useId();
  // Monaco's Tab focus mode (its Ctrl+M), which the hint under the editor describes.
  const [tabMovesFocus, setTabMovesFocus] = useState(false);

  useLayoutEffect(() => {
    latest.current = props;
  });

  const loadMonaco = props.loadMonaco ?? true;
  useEffect(() => {
    if (!loadMonaco) return undefined;
    let cancelled = false;
    let dispose: (() => void) | undefined;
    import('./monacoSetup.ts')
      .then((setup) => {
        const host = hostRef.current;
        if (cancelled || !host) return;
        const { monaco } = setup;
        const current = latest.current;
        setup.setSchema(current.jsonSchema);
        const uri = monaco.Uri.parse(setup.MODEL_URI);
        // A model with this URI survives only if an earlier editor was not disposed (hot reload).
        monaco.editor.getModel(uri)?.dispose();
        const model = monaco.editor.createModel(current.value, 'yaml', uri);
        model.updateOptions({ tabSize: 2, indentSize: 2, insertSpaces: true });
        const editor = withCharacterBoundsLimit(() => monaco.editor.create(host, {
          model,
          theme: setup.THEMES[current.theme],
          ariaLabel: SPEC_EDITOR_LABEL,
          automaticLayout: true,
          minimap: { enabled: false },
          // Tab indents; Ctrl+M (TAB_FOCUS_KEY) switches it to moving focus, as the hint says.
          tabFocusMode: false,
          tabSize: 2,
          insertSpaces: true,
          detectIndentation: false,
          renderWhitespace: 'boundary',
          // The dots drawn in the line's own text, as the same glyphs. Monaco's default draws them
          // over the text at measured positions, and on Linux it measures each one in the page:
          // some 300 layout reads for a pasted spec, 2-3 ms of its frame (bench:paste-everyday).
          experimentalWhitespaceRendering: 'off',
          fixedOverflowWidgets: true,
          scrollBeyondLastLine: false,
          // The default 'dimmed' number of the last empty line fails a colour-contrast check (axe).
          renderFinalNewline: 'on',
          // Same font and metrics as the textarea in editor.css, so the swap does not jump.
          fontFamily: MONO_FONT,
          fontSize: 14,
          lineHeight: 20,
          // Completion while typing keys; for values (enums, defaults) Ctrl+Space asks. Suggesting on
          // every character of a value took about a third of Monaco's main-thread time per keystroke.
          quickSuggestions: { other: true, comments: false, strings: false },
          // Monaco's default EditContext input stays on: with the classic hidden textarea the first
          // character typed over a selection was lost (e2e/input.spec.ts, typing over a selection),
          // which outweighs the ~1.5 ms a keystroke that EditContext's selection updates cost.
        }));
        const textarea = textareaRef.current;
        if (textarea) {
          // Keep the reader where they were in the textarea (selection, scroll, focus).
          const start = model.getPositionAt(textarea.selectionStart);
          const end = model.getPositionAt(textarea.selectionEnd);
          const backward = textarea.selectionDirection === 'backward';
          editor.setSelection(
            backward ? monaco.Selection.fromPositions(end, start) : monaco.Selection.fromPositions(start, end),
          );
          editor.setScrollTop(textarea.scrollTop);
          if (document.activeElement === textarea) {
            // Nothing under visibility:hidden can take focus; React drops the style on the next render.
            host.style.visibility = 'visible';
            editor.focus();
          }
        }
        const sync = new ModelSync({ read: () => model.getValue(), report: (text) => latest.current.onChange(text) });
        sync.isOutsideChange(current.value);
        const changes = model.onDidChangeContent(() => {
          sync.modelChanged();
          // After it: the edit's report (a microtask it queues) reads the time this takes.
          markModelChange();
        });
        const cursor = editor.onDidChangeCursorPosition((event) => latest.current.onCursorChange?.(model.getOffsetAt(event.position)));
        const stopVerbatim = insertMultilineTypingVerbatim(editor);
        const stopDrops = acceptTextDrops(setup, editor, host);
        // The element that has the focus while typing: EditContext's, or the classic textarea.
        host.querySelector('.native-edit-context, textarea.inputarea')?.setAttribute('aria-describedby', hintId);
        setTabMovesFocus(setup.TabFocus.getTabFocusMode());
        const tabMode = setup.TabFocus.onDidChangeTabFocus(setTabMovesFocus);
        dispose = () => {
          sync.flush();
          stopVerbatim();
          stopDrops();
          tabMode.dispose();
          cursor.dispose();
          changes.dispose();
          editor.dispose();
          model.dispose();
        };
        setMounted({ setup, editor, model, sync });
      })
      .catch((error: unknown) => {
        // The textarea stays: the app remains usable without Monaco.
        if (!cancelled) console.error('The code editor could not be loaded; keeping the plain text area.', error);
      });
    return () => {
      cancelled = true;
      dispose?.();
      setMounted(undefined);
    };
  }, [loadMonaco]);

  useEffect(() => {
    if (!mounted || readyReported.current) return;
    readyReported.current = true;
    latest.current.onEditorReady?.();
  }, [mounted]);

  // An outside change (the form, a preset, Reset, an upgrade) is in the model before the next paint.
  // ModelSync tells it from an echo of the editor's own text, which may be older than the model.
  useLayoutEffect(() => {
    if (!mounted) return;
    const { model, sync } = mounted;
    if (!sync.isOutsideChange(value)) return;
    const current = model.getValue();
    sync.write(value, () => {
      if (current === value) return;
      const now = performance.now();
      const span = changedSpan(current, value);
      const line = model.getPositionAt(span.start).lineNumber;
      const breaks = lineBreaks(span.text) + lineBreaks(current.slice(span.start, span.oldEnd));
      const last = lastOutside.current;
      // Typing in a form field sends one outside change per keystroke; a run of them on the same
      // line, with nothing else in between, becomes one undo step (undone, then redone as one).
      // The run's first keystroke may add the field's key (a line or a few); a change of more
      // lines (an example, a file) starts no run, and a change of several lines ends one.
      const sameRun =
        last !== undefined &&
        last.breaks <= KEYSTROKE_LINES &&
        breaks === 0 &&
        now - last.at < COALESCE_MS &&
        last.line === line &&
        last.version === model.getAlternativeVersionId();
      let runStart = current;
      if (sameRun) {
        void model.undo();
        if (model.getValue() === last.before) runStart = last.before;
        else void model.redo();
      }
      replaceText(mounted, value);
      lastOutside.current = { at: now, line, breaks, version: model.getAlternativeVersionId(), before: runStart };
    });
  }, [value, mounted]);

  // Most edits leave the problems as they were; redrawing identical markers is wasted work.
  const markersShown = useRef<{ model?: unknown; key: string }>({ key: '' });
  useEffect(() => {
    if (!mounted) return;
    const { setup, model } = mounted;
    const key = JSON.stringify(diagnostics);
    if (markersShown.current.model === model && markersShown.current.key === key) return;
    markersShown.current = { model, key };
    setup.monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(diagnostics, model, setup.monaco.MarkerSeverity));
  }, [diagnostics, mounted]);

  useEffect(() => {
    mounted?.setup.monaco.editor.setTheme(mounted.setup.THEMES[theme]);
  }, [theme, mounted]);

  useEffect(() => {
    mounted?.setup.setSchema(jsonSchema);
  }, [jsonSchema, mounted]);

  useImperativeHandle(
    ref,
    () => ({
      revealPosition(line, column) {
        if (mounted) {
          const { editor, model } = mounted;
          const position = model.validatePosition({ lineNumber: line, column });
          editor.setPosition(position);
          editor.revealPositionInCenter(position);
          editor.focus();
          return;
        }
        const textarea = textareaRef.current;
        if (!textarea) return;
        const offset = offsetOf(textarea.value, line, column);
        textarea.focus();
        textarea.setSelectionRange(offset, offset);
        const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
        textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 2);
      },
      focus() {
        if (mounted) mounted.editor.focus();
        else textareaRef.current?.focus();
      },
      undo() {
        if (!mounted) return false;
        void mounted.model.undo();
        return true;
      },
      redo() {
        if (!mounted) return false;
        void mounted.model.redo();
        return true;
      },
    }),
    [mounted],
  );

  return (
    <div className="mcs-spec-editor-frame">
      <div className="mcs-spec-editor" data-editor={mounted ? 'monaco' : 'plain'}>
        {!mounted && (
          <textarea
            ref={textareaRef}
            className="mcs-spec-editor-plain"
            aria-label={SPEC_EDITOR_LABEL}
            aria-describedby={hintId}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onSelect={(event) => props.onCursorChange?.(event.currentTarget.selectionStart)}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            autoCorrect="off"
            wrap="off"
          />
        )}
        {/* Hidden (not display:none, Monaco measures it) until it takes over from the textarea. */}
        <div ref={hostRef} className="mcs-spec-editor-monaco" style={mounted ? undefined : { visibility: 'hidden' }} />
      </div>
      <p id={hintId} className="mcs-editor-hint">
        {editorHint(mounted !== undefined, tabMovesFocus)}
      </p>
    </div>
  );
});

/** Monaco's key for its Tab focus mode (editor.action.toggleTabFocusMode): Ctrl+M, on a Mac Ctrl+Shift+M. */
const TAB_FOCUS_KEY = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Ctrl+Shift+M' : 'Ctrl+M';

/** What Tab does in the editor, and how to leave it by keyboard. */
function editorHint(monaco: boolean, tabMovesFocus: boolean): string {
  if (!monaco) return 'Tab moves the focus out of the editor.';
  if (tabMovesFocus) return `Tab moves the focus out of the editor; ${TAB_FOCUS_KEY} makes Tab indent again.`;
  return `Tab indents. To leave the editor by keyboard, press ${TAB_FOCUS_KEY}, then Tab (${TAB_FOCUS_KEY} again makes Tab indent).`;
}

/** Writes an outside text into the model as one undoable edit of the changed span only. */
function replaceText({ setup, editor, model }: Mounted, text: string): void {
  const span = changedSpan(model.getValue(), text);
  const { Range, Selection } = setup.monaco;
  const range = Range.fromPositions(model.getPositionAt(span.start), model.getPositionAt(span.oldEnd));
  // Without explicit end selections Monaco stretches a selection over the inserted text.
  const selections = (editor.getSelections() ?? []).map((sel) => ({
    anchor: movedOffset(model.getOffsetAt(sel.getSelectionStart()), span),
    active: movedOffset(model.getOffsetAt(sel.getPosition()), span),
  }));
  editor.pushUndoStop();
  editor.executeEdits('minicluster-studio', [{ range, text: span.text }], () =>
    selections.map(({ anchor, active }) => Selection.fromPositions(model.getPositionAt(anchor), model.getPositionAt(active))),
  );
  editor.pushUndoStop();
}

/** Offset of a one-based line and column in a text (clamped to the line). */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + Math.max(column - 1, 0), lineEnd < 0 ? text.length : lineEnd);
}

/**
 * Text of several lines that arrives in one input event (an IME commit, dictation, a text service)
 * goes in as the user gave it, as a paste does. Monaco types such text one character at a time
 * through its `type` command, so that auto-indent acts on each new line and shifts every line
 * after the first. The command reaches the editor through its `trigger`, which is where it is
 * turned into a paste; Enter on its own is still typed, with its indent.
 */
function insertMultilineTypingVerbatim(editor: MonacoEditor.IStandaloneCodeEditor): () => void {
  const original = editor.trigger;
  editor.trigger = function trigger(source, handlerId, payload) {
    const text = handlerId === 'type' && typeof payload === 'object' && payload !== null ? (payload as { text?: unknown }).text : undefined;
    if (typeof text === 'string' && text.length > 1 && text.includes('\n')) {
      return original.call(editor, source, 'paste', { text, pasteOnNewLine: false, multicursorText: null, mode: null });
    }
    return original.call(editor, source, handlerId, payload);
  };
  return () => {
    editor.trigger = original;
  };
}

/**
 * Text dropped on the editor (from another window or page) goes in where it is dropped, as one
 * undo step. Monaco's own drop support is a contribution the editor leaves out (monacoSetup.ts);
 * moving a selection inside the editor by mouse is Monaco's and does not come here.
 */
function acceptTextDrops(setup: Setup, editor: MonacoEditor.IStandaloneCodeEditor, host: HTMLElement): () => void {
  // A file (which may carry its path as text too) is opened by the page, never inserted here.
  const carriesText = (event: DragEvent) => {
    const types = event.dataTransfer?.types ?? [];
    return types.includes('text/plain') && !types.includes('Files');
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesText(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesText(event)) return;
    event.preventDefault();
    const text = event.dataTransfer?.getData('text/plain') ?? '';
    const model = editor.getModel();
    const at = editor.getTargetAtClientPoint(event.clientX, event.clientY)?.position ?? editor.getPosition();
    if (!model || !at || text === '') return;
    const start = model.getOffsetAt(at);
    const { Range, Selection } = setup.monaco;
    editor.pushUndoStop();
    editor.executeEdits('drop', [{ range: Range.fromPositions(at, at), text }], () => {
      const end = model.getPositionAt(start + text.length);
      return [Selection.fromPositions(end, end)];
    });
    editor.pushUndoStop();
    editor.focus();
  };
  host.addEventListener('dragover', onDragOver, true);
  host.addEventListener('drop', onDrop, true);
  return () => {
    host.removeEventListener('dragover', onDragOver, true);
    host.removeEventListener('drop', onDrop, true);
  };
}
