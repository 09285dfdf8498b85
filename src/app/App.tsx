/**
 * The app shell: one spec text is the source of truth; the worker turns each version into
 * objects; the editor, problems, preview and certificate panels show them. The state lives in
 * hooks (state/), each with one owner; the services come from the entry (services/).
 */
import { Suspense, lazy, useCallback, useMemo, useRef } from 'react';
import { formatPath, type Diagnostic, type PathSegment } from '../core/page.ts';
import { CertificatePanel } from './certificate/CertificatePanel.tsx';
import { ProblemsList } from './editor/ProblemsList.tsx';
import { SpecEditor } from './editor/SpecEditor.tsx';
import { useEditorSchema } from './editor/useEditorSchema.ts';
import { useSpecEditorControl } from './editor/useSpecEditorControl.ts';
import { OlderApiNotice } from './form/OlderApiNotice.tsx';
import { OUTPUT_OFF, draftProblems, optionsOf, withoutProblems } from './output/outputOptions.ts';
import { defaultPresetText } from './presets/index.ts';
import { SpecViewTabs } from './form/SpecViewTabs.tsx';
import { CopyFallbackDialog } from './preview/CopyFallbackDialog.tsx';
import { useRevealApp } from './firstScreen/useRevealApp.ts';
import { Preview, type PreviewHandle } from './preview/Preview.tsx';
import type { AppServices } from './services/startServices.ts';
import { groupDiagnostics } from './shell/diagnosticGroups.ts';
import { Footer } from './shell/Footer.tsx';
import { UpdateNotice } from './offline/UpdateNotice.tsx';
import { Header } from './shell/Header.tsx';
import { JumpBar } from './shell/JumpBar.tsx';
import { GenerationStoppedNotice, HeldBackNotice } from './shell/GeneratorNotices.tsx';
import { DiagnosticNotes, FileNote, FileProblemNotice, SaveNotice } from './shell/Notices.tsx';
import { DropTarget, FileChooserInput, SpecFileName } from './files/FileInputs.tsx';
import { useSpecFiles } from './files/useSpecFiles.ts';
import { fixLabel, fixProblem } from './shell/problemFixes.ts';
import { useShortcuts, type ShortcutActions } from './shell/useShortcuts.ts';
import { useAutosave } from './state/useAutosave.ts';
import { useCopyLink } from './state/useCopyLink.ts';
import { useGeneration } from './state/useGeneration.ts';
import { usePrefs } from './state/usePrefs.ts';
import { useSpecView } from './state/useSpecView.ts';
import { useStatus } from './state/useStatus.ts';
import { UpgradePanel } from './upgrade/UpgradePanel.tsx';
import { useTheme } from './useTheme.ts';
import './app.css';

// The form (with the yaml Document API and the zod catalog) loads when its tab is first opened.
const FormView = lazy(() => import('./form/FormView.tsx').then((m) => ({ default: m.FormView })));
// The cluster picture loads when its tab is first opened, too.
const ClusterView = lazy(() => import('./cluster/ClusterView.tsx').then((m) => ({ default: m.ClusterView })));

export function App({ services }: { services: AppServices }) {
  const generation = useGeneration(services);
  const { text, response, lastGood, getText, setText, load, edit, output, setOutput, reset, getOutput } = generation;
  useRevealApp(response !== undefined || generation.stopped !== undefined || generation.heldBack);
  const outputOptions = useMemo(() => optionsOf(output), [output]);
  const optionProblems = useMemo(() => draftProblems(output), [output]);
  // Saved with the spec: the options that are on and valid (a value being typed is not kept until it is).
  const savedOptions = useMemo(() => withoutProblems(outputOptions, optionProblems), [outputOptions, optionProblems]);
  const [status, setStatus] = useStatus(services.initial);
  const { themeChoice, setThemeChoice, include, setInclude, outputView, setOutputView } = usePrefs(services.prefs, services.storage);
  const theme = useTheme(themeChoice);
  const unsaved = useAutosave(text, savedOptions, services.storage);
  const { copyLink, fallback, closeFallback } = useCopyLink(getText, getOutput, setStatus);
  const { view, setView, showYaml, inYamlView } = useSpecView();
  const editor = useSpecEditorControl();
  const previewRef = useRef<PreviewHandle>(null);
  const specColumn = useRef<HTMLElement>(null);
  const outputColumn = useRef<HTMLElement>(null);
  const version = response?.version;
  const jsonSchema = useEditorSchema(generation.startupDone, version);
  const diagnostics = useMemo(() => groupDiagnostics(response), [response]);
  const inFile = response?.inFile;

  const replaceSpec = useCallback(
    (next: string, message: string) => {
      setText(next);
      setStatus(message);
    },
    [setText, setStatus],
  );
  // Another spec (an example): its output is not compared with this one's, so nothing is marked changed.
  const loadSpec = useCallback(
    (next: string, message: string) => {
      load(next);
      setStatus(message);
    },
    [load, setStatus],
  );
  const resetSpec = useCallback(
    (next: string, message: string) => {
      reset(next, OUTPUT_OFF);
      setStatus(message);
    },
    [reset, setStatus],
  );
  const openFile = useCallback(
    // Before the editor has loaded, the plain text box it replaces keeps no undo history.
    (next: string, fileName: string) => loadSpec(next, editor.undo ? `Opened ${fileName} (Undo in the editor brings back the spec it replaced).` : `Opened ${fileName}.`),
    [loadSpec, editor.undo],
  );
  // The file's name stays through edits, fixes and upgrades (it is still that file's spec), until an
  // example, Reset or another file replaces the spec.
  const files = useSpecFiles(openFile);
  const { forgetFileName } = files;
  const loadExample = useCallback(
    (next: string, message: string) => {
      forgetFileName();
      loadSpec(next, message);
    },
    [forgetFileName, loadSpec],
  );
  const resetToExample = useCallback(
    (next: string, message: string) => {
      forgetFileName();
      resetSpec(next, message);
    },
    [forgetFileName, resetSpec],
  );
  const onCopyLink = useCallback(() => void copyLink(), [copyLink]);
  const startFromExample = useCallback(
    () => loadExample(defaultPresetText(), 'Opened the default example.'),
    [loadExample],
  );
  const upgradeSpec = useCallback(
    (next: string) => replaceSpec(next, 'Upgraded the spec to v1alpha2 (Undo in the editor brings back the v1alpha1 spec).'),
    [replaceSpec],
  );
  const onFix = useCallback(
    (d: Diagnostic) =>
      void fixProblem(d, getText).then((fixed) => {
        if (!fixed) return;
        if (fixed.text === undefined) setStatus(fixed.message);
        else replaceSpec(fixed.text, fixed.message);
      }),
    [getText, replaceSpec, setStatus],
  );
  const { revealPosition } = editor;
  // A problem is shown where it is written: in the YAML view, once it is on screen.
  const revealProblem = useCallback((d: Diagnostic) => inYamlView(() => revealPosition(d.line, d.column)), [inYamlView, revealPosition]);

  // A part of the cluster picture selects its field: in the form when the form is shown and has
  // it (or a field under it), else in the YAML, where every field is written or has a parent.
  const shownView = useRef(view);
  shownView.current = view;
  // The picture is the last good output's, which may be of another MiniCluster of the file than
  // the one the form shows now (the cursor moved to one with errors).
  const pictureFile = useRef(lastGood?.inFile);
  pictureFile.current = lastGood?.inFile;
  const shownFile = useRef(inFile);
  shownFile.current = inFile;
  const selectField = useCallback(
    (path: readonly PathSegment[]) => {
      const sameMiniCluster = pictureFile.current?.index === shownFile.current?.index;
      if (shownView.current === 'form' && sameMiniCluster) {
        const wanted = formatPath(path);
        const field = [...document.querySelectorAll<HTMLElement>('[data-spec-path]')].find((el) => {
          const at = el.dataset['specPath'] ?? '';
          return at === wanted || at.startsWith(`${wanted}.`) || at.startsWith(`${wanted}[`);
        });
        if (field) {
          field.scrollIntoView({ block: 'center' });
          field.focus({ preventScroll: true });
          return;
        }
      }
      void import('./cluster/fieldPosition.ts').then(({ fieldPosition }) => {
        const { line, column } = fieldPosition(getText(), path, pictureFile.current?.index);
        inYamlView(() => revealPosition(line, column));
      });
    },
    [getText, inYamlView, revealPosition],
  );
  const cluster = lastGood?.cluster;
  const renderCluster = useCallback(
    (handOut: (run: () => void) => void) => (
      <Suspense fallback={<p className="mcs-note">Loading the picture…</p>}>
        <ClusterView picture={cluster} onSelectField={selectField} handOut={handOut} />
      </Suspense>
    ),
    [cluster, selectField],
  );

  const shortcuts = useMemo<ShortcutActions>(
    () => ({
      openFile: files.chooseFile,
      downloadBundle: () => previewRef.current?.downloadBundle(),
      copyBundle: () => previewRef.current?.copyBundle(),
      copyLink: onCopyLink,
      nextChange: () => previewRef.current?.goToChange(1),
      previousChange: () => previewRef.current?.goToChange(-1),
      ...(editor.undo && editor.redo ? { undo: editor.undo, redo: editor.redo } : {}),
    }),
    [files.chooseFile, onCopyLink, editor.undo, editor.redo],
  );
  useShortcuts(shortcuts);

  return (
    <div className="mcs-app">
      <Header
        themeChoice={themeChoice}
        onThemeChange={setThemeChoice}
        onCopyLink={onCopyLink}
        onOpenFile={files.chooseFile}
        onReplaceSpec={loadExample}
        onReset={resetToExample}
        getSpecText={getText}
      />
      <FileChooserInput files={files} />
      <DropTarget dragging={files.dragging} />
      <JumpBar spec={specColumn} output={outputColumn} />
      <main className="mcs-main">
        <section ref={specColumn} tabIndex={-1} className="mcs-column" aria-label="Spec">
          <FileProblemNotice message={files.problem} onDismiss={files.dismissProblem} />
          <SaveNotice message={unsaved} />
          <HeldBackNotice show={generation.heldBack} onOpen={generation.keepHeldBack} onExample={startFromExample} />
          <SpecFileName fileName={files.fileName} />
          <SpecViewTabs
            view={view}
            onViewChange={setView}
            yaml={
              <SpecEditor
                ref={editor.ref}
                value={text}
                onChange={edit}
                onCursorChange={generation.moveCursor}
                diagnostics={diagnostics.all}
                theme={theme}
                jsonSchema={jsonSchema}
                loadMonaco={generation.startupDone}
                onEditorReady={editor.onReady}
              />
            }
            form={() =>
              version === 'v1alpha1' ? (
                <OlderApiNotice onShowYaml={showYaml} />
              ) : (
                <Suspense fallback={<p className="mcs-form-loading">Loading the form…</p>}>
                  <FormView text={text} document={inFile} diagnostics={diagnostics.ofForm} onEdit={edit} onUndo={editor.undo} onRedo={editor.redo} />
                </Suspense>
              )
            }
          />
          <UpgradePanel version={version} getSpecText={getText} onUpgrade={upgradeSpec} />
          <GenerationStoppedNotice failure={generation.stopped} />
          <ProblemsList diagnostics={diagnostics.problems} onSelect={revealProblem} fixLabel={fixLabel} onFix={onFix} />
          <DiagnosticNotes title="Other objects in this file" diagnostics={diagnostics.otherObjects} />
          <DiagnosticNotes title="Filled in for you" diagnostics={diagnostics.filledIn} />
          <CertificatePanel
            keys={generation.keys}
            onNewCertificate={generation.newKeys}
            userCertificate={generation.userCertificate}
            onUserCertificateChange={generation.setUserCertificate}
            specHasCurveCert={lastGood?.hasCurveCert ?? false}
            clusterName={lastGood?.name}
            certificateIn={lastGood ? (lastGood.certificateIn ?? null) : undefined}
            certInSecret={output.certSecret}
          />
        </section>
        <section ref={outputColumn} tabIndex={-1} className="mcs-column" aria-label="Generated objects">
          <FileNote inFile={inFile} />
          <Preview
            ref={previewRef}
            manifests={lastGood?.manifests}
            notGenerated={
              generation.waitingForEdit
                ? 'Not generated: this spec stopped the generator on your last visit. Edit it to generate its objects.'
                : generation.stopped && !lastGood
                  ? 'Not generated: the generator stopped on this spec. Edit it to try again.'
                  : undefined
            }
            stale={response !== undefined && response.manifests === undefined}
            output={output}
            onOutputChange={setOutput}
            optionProblems={optionProblems}
            include={include}
            onIncludeChange={setInclude}
            volumesAvailable={lastGood?.version === 'v1alpha1'}
            clusterName={lastGood?.name}
            bundleName={lastGood?.bundleName ?? lastGood?.name}
            commandTargets={lastGood?.commandTargets}
            pods={lastGood?.pods}
            getSpecText={getText}
            getBundle={generation.getBundle}
            bundleStale={generation.bundleStale}
            specFileName={files.fileName}
            // Another MiniCluster of a file of several under the cursor is another spec: nothing marked.
            changesBase={`${generation.epoch}/${lastGood?.inFile?.index ?? 0}`}
            view={outputView}
            onViewChange={setOutputView}
            renderCluster={renderCluster}
          />
        </section>
      </main>
      <UpdateNotice />
      <Footer status={status} />
      {fallback && (
        <CopyFallbackDialog
          what="the link"
          text={fallback.url}
          onClose={closeFallback}
          onCopied={() => {
            closeFallback();
            setStatus(fallback.copied);
          }}
        />
      )}
    </div>
  );
}
