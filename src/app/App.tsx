/**
 * The app shell: one spec text is the source of truth; the worker turns each version into
 * objects; the editor, problems, preview and certificate panels show them.
 */
import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Diagnostic } from '../core/diagnostics.ts';
import { CertificatePanel } from './certificate/CertificatePanel.tsx';
import { usableUserCertificate } from './certificate/userCertificate.ts';
import { ProblemsList } from './editor/ProblemsList.tsx';
import { SpecViewTabs, type SpecView } from './form/SpecViewTabs.tsx';
import { SpecEditor, type SpecEditorHandle } from './editor/SpecEditor.tsx';
import { loadEditorSchemas, onlyForMiniClusters, schemaForVersion, type EditorSchemas } from './editor/schemas.ts';
import { UpgradePanel } from './upgrade/UpgradePanel.tsx';
import { OlderApiNotice } from './form/OlderApiNotice.tsx';
import { WARM_UP_KEYS, type CurveKeys, type GenerateResponse, type IncludeLetter, type RenderedManifest } from './worker/protocol.ts';
import { DEFAULT_PRESET_ID, PRESETS } from './presets/index.ts';
import { writeClipboard } from './preview/browser.ts';
import { CopyFallbackDialog } from './preview/CopyFallbackDialog.tsx';
import { Preview, type PreviewHandle } from './preview/Preview.tsx';
import { SaveNotice } from './SaveNotice.tsx';
import { createAutosaver, savePrefs, unsavedMessage, type ThemeChoice } from './state/autosave.ts';
import { shareUrl } from './state/shareLink.ts';
import type { AppServices } from './services/startServices.ts';
import { useTheme } from './useTheme.ts';
import { markEdit, recordPreview, recordResult } from './timing.ts';
import './app.css';

const EMPTY_SCHEMA: Record<string, unknown> = {};
// The form (with the yaml Document API and the zod catalog) loads when its tab is first opened.
const FormView = lazy(() => import('./form/FormView.tsx').then((m) => ({ default: m.FormView })));

function defaultPresetText(): string {
  return PRESETS.find((p) => p.id === DEFAULT_PRESET_ID)?.text ?? PRESETS[0]?.text ?? '';
}

export function App({ services }: { services: AppServices }) {
  const { generator, results, initial, prefs, storage, makeNewKeys } = services;
  const [text, setText] = useState(initial.text);
  const [keys, setKeys] = useState<CurveKeys>();
  const [userCertificate, setUserCertificate] = useState('');
  const [include, setInclude] = useState<Set<IncludeLetter>>(() => new Set([...prefs.include] as IncludeLetter[]));
  const [themeChoice, setThemeChoice] = useState<ThemeChoice>(prefs.theme);
  const [response, setResponse] = useState<GenerateResponse>();
  const [lastGood, setLastGood] = useState<GenerateResponse>();
  const [schemas, setSchemas] = useState<EditorSchemas>();
  const [status, setStatus] = useState(() => {
    if (initial.linkProblem) return `The shared link could not be read (${initial.linkProblem}); showing your saved spec or the default example instead.`;
    if (initial.source === 'link') return 'Opened the spec from the shared link.';
    if (initial.source === 'autosave') return 'Restored your last spec.';
    return '';
  });
  const editorRef = useRef<SpecEditorHandle>(null);
  const previewRef = useRef<PreviewHandle>(null);
  const theme = useTheme(themeChoice);

  useEffect(() =>
    results.listen((result) => {
      recordResult(result.id);
      // Commit the new output in this task rather than a later one, which can queue behind the
      // editor's own work for the keystroke.
      flushSync(() => {
        setKeys((current) => (current?.publicKey === result.keys.publicKey ? current : result.keys));
        setResponse(result);
        if (result.manifests) setLastGood(result);
      });
    }), [results]);

  const certificate = useMemo(() => usableUserCertificate(userCertificate), [userCertificate]);
  const [editorWanted, setEditorWanted] = useState(false);

  // Edits are sent for generation from the change handler itself, not from an effect a render later.
  const inputs = useRef<{ text: string; certificate: string | undefined; namespace: string; cursor: number }>({ text, certificate, namespace: prefs.defaultNamespace, cursor: 0 });
  inputs.current = { ...inputs.current, certificate };
  const requestGeneration = useCallback(() => {
    const { text: spec, certificate: cert, namespace, cursor } = inputs.current;
    generator.request({ text: spec, defaultNamespace: namespace, cursor, ...(cert ? { certificate: cert } : {}) });
  }, [generator]);
  const updateText = useCallback(
    (next: string) => {
      inputs.current.text = next;
      setText(next);
      requestGeneration();
    },
    [requestGeneration],
  );
  const onEdit = useCallback(
    (next: string) => {
      markEdit();
      updateText(next);
    },
    [updateText],
  );
  // The first request left at startup; later ones follow a change of the user's certificate.
  const certificateSent = useRef(certificate);
  useEffect(() => {
    if (certificateSent.current === certificate) return;
    certificateSent.current = certificate;
    // Outside the effect: an answer made on the main thread is committed at once, which React
    // cannot do from inside an effect.
    queueMicrotask(() => requestGeneration());
  }, [certificate, requestGeneration]);

  useLayoutEffect(() => {
    if (response) recordPreview(response.id, response.workerMs, response.onMainThread);
  }, [response]);

  // Monaco (megabytes of script) loads once the first output is on screen, or after a short wait.
  useEffect(() => {
    if (lastGood || response) setEditorWanted(true);
    const timer = window.setTimeout(() => setEditorWanted(true), 1500);
    return () => window.clearTimeout(timer);
  }, [lastGood, response]);

  useEffect(() => {
    if (!editorWanted) return;
    void loadEditorSchemas().then(setSchemas);
    // The core on the main thread too, so that edits no longer wait for a message from the worker.
    void import('./generation/respond.ts').then((m) => {
      // One run on the current spec compiles the core here before a keystroke has to wait for it.
      const { text: spec, namespace } = inputs.current;
      m.respond({ id: 0, text: spec, defaultNamespace: namespace, keys: WARM_UP_KEYS });
      generator.useLocal(m.respond);
    });
  }, [editorWanted, generator]);

  // Undefined while saves work; a string, so that each successful save does not re-render the app.
  const [unsaved, setUnsaved] = useState<string>();
  const autosaver = useMemo(() => createAutosaver(400, storage, (result) => setUnsaved(unsavedMessage(result))), [storage]);
  useEffect(() => autosaver.schedule(text), [text, autosaver]);
  useEffect(() => {
    const flush = () => autosaver.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [autosaver]);
  useEffect(() => {
    savePrefs({ theme: themeChoice, include: [...include].join('') }, storage);
  }, [themeChoice, include, storage]);

  const diagnostics: readonly Diagnostic[] = useMemo(() => response?.diagnostics ?? [], [response]);
  const problems = useMemo(() => diagnostics.filter((d) => d.severity !== 'info'), [diagnostics]);
  const notices = useMemo(() => diagnostics.filter((d) => d.severity === 'info' && d.code !== 'other-object'), [diagnostics]);
  const otherObjects = useMemo(() => diagnostics.filter((d) => d.code === 'other-object'), [diagnostics]);
  // In a file of several MiniClusters, the preview and the form follow the one the cursor is in;
  // moving into another asks for that one.
  const inFile = response?.inFile;
  const shownDocument = useRef(inFile);
  shownDocument.current = inFile;
  const onCursorChange = useCallback(
    (offset: number) => {
      inputs.current.cursor = offset;
      const shown = shownDocument.current;
      if (shown && shown.count > 1 && (offset < shown.start || offset >= shown.end)) requestGeneration();
    },
    [requestGeneration],
  );
  const formDiagnostics = useMemo(
    () => (inFile ? diagnostics.filter((d) => d.line >= inFile.firstLine && d.line <= inFile.lastLine) : diagnostics),
    [diagnostics, inFile],
  );
  const [specView, setSpecView] = useState<SpecView>('yaml');
  const [editorReady, setEditorReady] = useState(false);
  const onEditorReady = useCallback(() => setEditorReady(true), []);
  const undo = useCallback(() => void editorRef.current?.undo(), []);
  const redo = useCallback(() => void editorRef.current?.redo(), []);
  const showYaml = useCallback(() => setSpecView('yaml'), []);
  const specViewRef = useRef(specView);
  specViewRef.current = specView;
  const revealProblem = useCallback((d: Diagnostic) => {
    const reveal = () => editorRef.current?.revealPosition(d.line, d.column);
    if (specViewRef.current === 'yaml') return reveal();
    // A problem is shown where it is written: in the YAML view, once it is on screen.
    setSpecView('yaml');
    requestAnimationFrame(reveal);
  }, []);
  const replaceKeys = useCallback(() => {
    void makeNewKeys().then(() => requestGeneration());
  }, [requestGeneration]);
  const getSpecText = useCallback(() => inputs.current.text, []);
  const stale = response !== undefined && response.manifests === undefined;
  const manifests: readonly RenderedManifest[] | undefined = lastGood?.manifests;
  const hasCurveCert = lastGood?.hasCurveCert ?? false;
  const version = response?.version;
  const jsonSchema = useMemo(() => (schemas ? onlyForMiniClusters(schemaForVersion(schemas, version)) : EMPTY_SCHEMA), [schemas, version]);

  const fixLabel = useCallback((d: Diagnostic) => (d.code === 'generate-name' ? 'Use a fixed name instead of generateName' : undefined), []);
  const applyFix = useCallback(
    async (d: Diagnostic) => {
      if (d.code !== 'generate-name') return;
      const { nameFromGenerateName } = await import('../core/migrate/index.ts');
      const next = nameFromGenerateName(inputs.current.text);
      if (next === undefined) setStatus('The generateName could not be turned into a name here; edit metadata in the spec.');
      else {
        updateText(next);
        setStatus('metadata.generateName is now metadata.name (Undo in the editor brings it back).');
      }
    },
    [updateText],
  );
  const onFix = useCallback((d: Diagnostic) => void applyFix(d), [applyFix]);
  const upgradeSpec = useCallback(
    (next: string) => {
      updateText(next);
      setStatus('Upgraded the spec to v1alpha2 (Undo in the editor brings back the v1alpha1 spec).');
    },
    [updateText],
  );

  // The link the copy dialog offers when the clipboard refuses, and what to say once it is copied.
  const [linkFallback, setLinkFallback] = useState<{ url: string; copied: string }>();
  const copyLink = useCallback(async () => {
    const url = shareUrl(window.location, text);
    if (!url.ok) {
      setStatus(url.reason);
      return;
    }
    const copied = url.removed ? 'Link copied (the certificate is left out).' : 'Link copied.';
    if (await writeClipboard(url.url)) setStatus(copied);
    else setLinkFallback({ url: url.url, copied });
  }, [text]);

  const reset = useCallback(() => {
    if (window.confirm('Replace the spec with the default example? Your current spec is lost (Undo in the editor can bring it back).')) {
      updateText(defaultPresetText());
      setStatus('Reset to the default example.');
    }
  }, [updateText]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      if (key === 's' && !event.shiftKey) {
        event.preventDefault();
        previewRef.current?.downloadBundle();
      } else if (key === 's' && event.shiftKey) {
        event.preventDefault();
        void copyLink();
      } else if (key === 'b' && event.shiftKey) {
        event.preventDefault();
        void previewRef.current?.copyBundle();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [copyLink]);

  return (
    <div className="mcs-app">
      <header className="mcs-header">
        <h1>
          MiniCluster Studio<small>Flux Framework MiniCluster → Kubernetes objects</small>
        </h1>
        <label>
          Example
          <select
            aria-label="Load an example"
            value=""
            onChange={(event) => {
              const preset = PRESETS.find((p) => p.id === event.target.value);
              if (preset) {
                updateText(preset.text);
                setStatus(`Loaded the example "${preset.title}".`);
              }
            }}
          >
            <option value="">Load an example…</option>
            {PRESETS.map((preset) => (
              <option key={preset.id} value={preset.id} title={preset.description}>
                {preset.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void copyLink()}>
          Copy link
        </button>
        <button type="button" onClick={reset}>
          Reset
        </button>
        <label>
          Theme
          <select aria-label="Theme" value={themeChoice} onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      <main className="mcs-main">
        <section className="mcs-column" aria-label="Spec">
          <SaveNotice message={unsaved} />
          <SpecViewTabs
            view={specView}
            onViewChange={setSpecView}
            yaml={<SpecEditor ref={editorRef} value={text} onChange={onEdit} onCursorChange={onCursorChange} diagnostics={diagnostics} theme={theme} jsonSchema={jsonSchema} loadMonaco={editorWanted} onEditorReady={onEditorReady} />}
            form={() =>
              version === 'v1alpha1' ? (
                <OlderApiNotice onShowYaml={showYaml} />
              ) : (
              <Suspense fallback={<p className="mcs-form-loading">Loading the form…</p>}>
                <FormView text={text} document={inFile} diagnostics={formDiagnostics} onEdit={onEdit} onUndo={editorReady ? undo : undefined} onRedo={editorReady ? redo : undefined} />
              </Suspense>
              )
            }
          />
          <UpgradePanel version={version} getSpecText={getSpecText} onUpgrade={upgradeSpec} />
          <ProblemsList diagnostics={problems} onSelect={revealProblem} fixLabel={fixLabel} onFix={onFix} />
          {otherObjects.length > 0 && (
            <aside className="mcs-notices" aria-label="Other objects in this file">
              <strong>Other objects in this file</strong>
              <ul>
                {otherObjects.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            </aside>
          )}
          {notices.length > 0 && (
            <aside className="mcs-notices" aria-label="Filled in for you">
              <strong>Filled in for you</strong>
              <ul>
                {notices.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            </aside>
          )}
          <CertificatePanel
            keys={keys}
            onNewCertificate={replaceKeys}
            userCertificate={userCertificate}
            onUserCertificateChange={setUserCertificate}
            specHasCurveCert={hasCurveCert}
            clusterName={lastGood?.name}
          />
        </section>
        <section className="mcs-column" aria-label="Generated objects">
          {inFile && inFile.count > 1 && (
            <p className="mcs-file-note">
              MiniCluster {inFile.index + 1} of {inFile.count} in this file{inFile.name ? ` (${inFile.name})` : ''}: the one the cursor is in.
            </p>
          )}
          <Preview
            ref={previewRef}
            manifests={manifests}
            stale={stale}
            include={include}
            onIncludeChange={setInclude}
            volumesAvailable={lastGood?.version === 'v1alpha1'}
            clusterName={lastGood?.name}
            pods={lastGood?.pods}
            getSpecText={getSpecText}
          />
        </section>
      </main>
      <footer className="mcs-footer">
        <span role="status" aria-live="polite">
          {status}
        </span>{' '}
        Shortcuts: <kbd>Ctrl</kbd>+<kbd>S</kbd> download bundle, <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>B</kbd> copy bundle,{' '}
        <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> copy link. Everything runs in this page; nothing is sent anywhere.
      </footer>
      {linkFallback && (
        <CopyFallbackDialog
          what="the link"
          text={linkFallback.url}
          onClose={() => setLinkFallback(undefined)}
          onCopied={() => {
            setLinkFallback(undefined);
            setStatus(linkFallback.copied);
          }}
        />
      )}
    </div>
  );
}
