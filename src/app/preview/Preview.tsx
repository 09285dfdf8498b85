/**
 * The output side of the app: include toggles, the output options, a summary, bundle actions and
 * one highlighted card per generated object.
 *
 * Shortcuts: pass a ref to get `{ copyBundle, downloadBundle }` (see `PreviewHandle`) and call
 * them from the app's key handler; they act on the objects currently included, exactly like the
 * "Copy bundle" and "Download bundle" buttons (same feedback, same fallback dialog). While the
 * output is out of date every copy and download of it asks first (StaleConfirmDialog).
 *
 * Each card marks the lines that changed since the output shown before (changes.ts says which
 * output that is); `goToChange` (the "Next change" button, Alt+F5) brings each run of changes into
 * view in turn.
 */
import { useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type Ref, memo } from 'react';
import { kubectlCommands, type KubectlCommand } from '../../core/page.ts';
import { CommandsPanel } from '../commands/CommandsPanel.tsx';
import { OutputPanel } from '../output/OutputPanel.tsx';
import type { OutputDraft } from '../output/outputOptions.ts';
import type { CommandTarget, IncludeLetter, OptionProblem, RenderedManifest } from '../worker/protocol.ts';
import { writeClipboard, downloadFile, YAML_TYPE, ZIP_TYPE } from './browser.ts';
import {
  bundleFileName,
  bundleText,
  includedManifests,
  singleManifestFileName,
  specFileName,
  zipFileName,
} from './bundle.ts';
import { CopyFallbackDialog } from './CopyFallbackDialog.tsx';
import { ManifestCard } from './ManifestCard.tsx';
import { OutputViewTabs } from './OutputViewTabs.tsx';
import type { OutputView } from '../state/storage.ts';
import { StaleConfirmDialog } from './StaleConfirmDialog.tsx';
import type { StaleVerb } from './staleExport.ts';
import { cardKeys, changeStops, changesSummary, nextShown, type ChangeStop, type ShownOutput } from './changes.ts';
import { summaryLine } from './summary.ts';
import { includeToggles } from './toggles.ts';
import './preview.css';

export interface PreviewHandle {
  /**
   * Copies the included objects' YAML (the "Copy bundle" button), of every MiniCluster when the
   * file holds several; asks first while the output is out of date.
   */
  copyBundle(): void;
  /** Downloads the included objects as `NAME.yaml` (the "Download bundle" button). */
  downloadBundle(): void;
  /** Brings the next (1) or previous (-1) change into view, wrapping around (the "Next change" button). */
  goToChange(step: 1 | -1): void;
}

export interface PreviewProps {
  /** Last good output (all objects, unfiltered); undefined before the first result. */
  manifests: readonly RenderedManifest[] | undefined;
  /** Why there is no output yet when nothing is being generated (the summary line says it instead of "Generating"). */
  notGenerated?: string | undefined;
  /** The spec (or an output option) currently has errors: the output is dimmed under an "Out of date" banner. */
  stale: boolean;
  /** The Output panel's options, as typed; `onOutputChange` must be stable. */
  output: OutputDraft;
  onOutputChange(next: OutputDraft): void;
  /** Output options whose values are not valid: shown in the panel, and the reason the output is out of date. */
  optionProblems: readonly OptionProblem[];
  include: ReadonlySet<IncludeLetter>;
  onIncludeChange(next: Set<IncludeLetter>): void;
  /** False for v1alpha2, which has no volume objects: the Volumes toggle is disabled. */
  volumesAvailable: boolean;
  /** metadata.name, for file names. */
  clusterName: string | undefined;
  /** What the bundle's and the zip's files are named after (the file's first MiniCluster). */
  bundleName: string | undefined;
  /** What the Commands panel needs of each MiniCluster of the last good output. */
  commandTargets: readonly CommandTarget[] | undefined;
  /** The Job's pods (spec.size), for the summary. */
  pods: number | undefined;
  /** The spec text, for "Download spec"; a getter so that typing does not re-render the preview. */
  getSpecText(): string;
  /**
   * The objects Copy bundle, Download bundle and Download zip hand out (a file of several
   * MiniClusters: all of them); without it, `manifests`. Keep it the same function while they stay.
   */
  getBundle?(): Promise<readonly RenderedManifest[] | undefined>;
  /** The bundle is out of date while `stale` is not: another MiniCluster of the file has errors. */
  bundleStale?: boolean;
  /** The name of the file the spec was opened from: "Download spec" saves it under that name. */
  specFileName?: string | undefined;
  ref?: Ref<PreviewHandle>;
  /** Heading level of the cards' titles, to fit the page's outline (default 3). */
  cardHeadingLevel?: 2 | 3 | 4 | 5;
  /**
   * Outputs are compared for change marks only while this stays the same: change it with an
   * output of another spec (an example loaded, another MiniCluster of the file).
   */
  changesBase?: string;
  /** What is shown under the bar (the objects' cards by default); with `onViewChange`, tabs choose it. */
  view?: OutputView;
  /** Must be stable. */
  onViewChange?(view: OutputView): void;
  /**
   * The Cluster view, given the preview's export check (an out-of-date output asks first). Keep
   * it the same function while its content stays: the preview is memoised.
   */
  renderCluster?(handOut: (run: () => void) => void): ReactNode;
}

const COPIED_MS = 1500;
const BUNDLE_KEY = 'bundle';
const COMMAND_KEY = 'command:';

interface Fallback {
  key: string;
  what: string;
  text: string;
}

/** An export waiting for the user's answer, asked because the output is out of date. */
interface PendingExport {
  verb: StaleVerb;
  run(): void;
}

function cardKey(manifest: RenderedManifest): string {
  return `card:${manifest.kind}/${manifest.name}`;
}

/** Where "next change" last went, in the changes it was computed for. */
interface Jump extends ChangeStop {
  index: number;
  of: ShownOutput['changes'];
  /** Asks the card again when the same line is the target twice in a row (a single change). */
  seq: number;
}

/** The changes since the output shown before, found as the output arrives (in the render that shows it). */
function useShownChanges(manifests: readonly RenderedManifest[] | undefined, include: ReadonlySet<IncludeLetter>, base: string): ShownOutput {
  const [shown, setShown] = useState<ShownOutput>(() => nextShown(undefined, manifests, include, base));
  if (shown.manifests === manifests && shown.include === include && shown.base === base) return shown;
  const start = performance.now();
  const next = nextShown(shown, manifests, include, base);
  window.__mcsChangesMs?.push(performance.now() - start);
  setShown(next);
  return next;
}

function PreviewImpl({
  manifests,
  notGenerated,
  stale,
  output,
  onOutputChange,
  optionProblems,
  include,
  onIncludeChange,
  volumesAvailable,
  clusterName,
  bundleName,
  commandTargets,
  pods,
  getSpecText,
  specFileName: openedName,
  getBundle,
  bundleStale = false,
  ref,
  cardHeadingLevel = 3,
  changesBase = '',
  view = 'objects',
  onViewChange,
  renderCluster,
}: PreviewProps) {
  const [copied, setCopied] = useState<string>();
  const [fallback, setFallback] = useState<Fallback>();
  const [pending, setPending] = useState<PendingExport>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const notesId = useId();
  // Read at the moment of an export, so the cards' handlers stay the same while it changes.
  const staleNow = useRef({ card: stale, bundle: stale || bundleStale });
  useLayoutEffect(() => {
    staleNow.current = { card: stale, bundle: stale || bundleStale };
  }, [stale, bundleStale]);

  /** Every copy and download of the output goes through here: an out-of-date one asks first. */
  const handOut = useCallback((verb: StaleVerb, run: () => void, of: 'card' | 'bundle' = 'card') => {
    if (staleNow.current[of]) setPending({ verb, run });
    else run();
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const flash = useCallback((key: string) => {
    clearTimeout(timer.current);
    setCopied(key);
    timer.current = setTimeout(() => setCopied(undefined), COPIED_MS);
  }, []);

  const copy = useCallback(
    async (key: string, what: string, text: string) => {
      if (await writeClipboard(text)) flash(key);
      else setFallback({ key, what, text });
    },
    [flash],
  );

  const included = useMemo(() => (manifests ? includedManifests(manifests, include) : []), [manifests, include]);
  const bundle = useMemo(() => (manifests ? bundleText(manifests, include) : ''), [manifests, include]);
  const toggles = useMemo(() => includeToggles(manifests, volumesAvailable), [manifests, volumesAvailable]);
  const nothing = included.length === 0;

  // The bundle's objects at the moment of an export: the previewed ones, or a whole file's.
  const bundleNow = useCallback(async () => (getBundle ? ((await getBundle()) ?? manifests) : manifests) ?? [], [getBundle, manifests]);

  const copyBundle = useCallback(() => {
    if (bundle !== '') handOut('Copy', () => void bundleNow().then((all) => copy(BUNDLE_KEY, 'the bundle', bundleText(all, include))), 'bundle');
  }, [bundle, bundleNow, include, copy, handOut]);

  const bundleFile = bundleFileName(bundleName);
  const downloadBundle = useCallback(() => {
    if (bundle !== '') handOut('Download', () => void bundleNow().then((all) => downloadFile(bundleFile, bundleText(all, include), YAML_TYPE)), 'bundle');
  }, [bundle, bundleNow, include, bundleFile, handOut]);

  const commands = useMemo(() => (commandTargets && commandTargets.length > 0 ? kubectlCommands(commandTargets, bundleFile) : []), [commandTargets, bundleFile]);
  const onCopyCommand = useCallback(
    (command: KubectlCommand) => handOut('Copy', () => void copy(`${COMMAND_KEY}${command.id}`, `the command: ${command.what}`, command.line ?? '')),
    [copy, handOut],
  );

  const { changes } = useShownChanges(manifests, include, changesBase);
  const stops = useMemo(() => changeStops(cardKeys(included), changes), [included, changes]);
  const [jump, setJump] = useState<Jump>();
  const goToChange = useCallback(
    (step: 1 | -1) => {
      if (stops.length === 0) return;
      // The changes are lines of the objects' cards: shown again if the picture is.
      if (view === 'cluster') onViewChange?.('objects');
      setJump((last) => {
        const from = last?.of === changes ? last.index : step === 1 ? -1 : 0;
        const index = (from + step + stops.length) % stops.length;
        return { ...(stops[index] as ChangeStop), index, of: changes, seq: (last?.seq ?? 0) + 1 };
      });
    },
    [stops, changes, view, onViewChange],
  );
  const focusLine = useMemo(() => (jump && jump.of === changes ? { key: jump.key, line: jump.line, seq: jump.seq } : undefined), [jump, changes]);

  useImperativeHandle(ref, () => ({ copyBundle, downloadBundle, goToChange }), [copyBundle, downloadBundle, goToChange]);

  const downloadZip = () => {
    if (!manifests || nothing) return;
    handOut(
      'Download',
      () => {
        void Promise.all([import('./zip.ts'), bundleNow()]).then(([{ zipManifests }, all]) => downloadFile(zipFileName(bundleName), zipManifests(all, include), ZIP_TYPE));
      },
      'bundle',
    );
  };

  const onCopyCard = useCallback(
    (manifest: RenderedManifest) => handOut('Copy', () => void copy(cardKey(manifest), `${manifest.kind} ${manifest.name}`, manifest.yaml)),
    [copy, handOut],
  );
  const onDownloadCard = useCallback(
    (manifest: RenderedManifest) => handOut('Download', () => downloadFile(singleManifestFileName(manifest), manifest.yaml, YAML_TYPE)),
    [handOut],
  );

  const toggle = (letter: IncludeLetter, on: boolean) => {
    const next = new Set(include);
    if (on) next.add(letter);
    else next.delete(letter);
    onIncludeChange(next);
  };

  const handOutDownload = useCallback((run: () => void) => handOut('Download', run), [handOut]);

  const summary = manifests === undefined ? (notGenerated ?? 'Generating the objects…') : summaryLine(manifests, include, pods);
  const keys = cardKeys(included);

  const cards = (
    <div className="mcs-cards">
      {included.map((manifest, i) => {
        const key = keys[i] as string;
        return (
          <ManifestCard
            key={key}
            manifest={manifest}
            copied={copied === cardKey(manifest)}
            onCopy={onCopyCard}
            onDownload={onDownloadCard}
            headingLevel={cardHeadingLevel}
            change={changes.get(key)}
            focusLine={focusLine?.key === key ? focusLine : undefined}
          />
        );
      })}
    </div>
  );

  return (
    <div className="mcs-preview" data-stale={stale || undefined}>
      <div className="mcs-preview-bar">
        <fieldset className="mcs-include">
          <legend className="mcs-include-legend">Include</legend>
          {toggles.map(({ letter, label, disabled, note }) => (
            <label key={letter} className="mcs-toggle" data-disabled={disabled || undefined}>
              <input
                type="checkbox"
                // A kind that cannot be made now is shown off, whatever the include set says.
                checked={!disabled && include.has(letter)}
                disabled={disabled}
                aria-describedby={note ? `${notesId}-${letter}` : undefined}
                onChange={(event) => toggle(letter, event.currentTarget.checked)}
              />
              {label}
            </label>
          ))}
          {toggles.map(({ letter, note }) =>
            note ? (
              <span key={letter} id={`${notesId}-${letter}`} className="mcs-note">
                {note}
              </span>
            ) : null,
          )}
        </fieldset>
        <OutputPanel value={output} problems={optionProblems} onChange={onOutputChange} />
        <p className="mcs-summary">{summary}</p>
        <p className="mcs-changes">
          <span className="mcs-changes-text">{manifests === undefined ? '' : changesSummary(changes)}</span>
          <button
            type="button"
            className="mcs-button mcs-button-small"
            disabled={stops.length === 0}
            aria-keyshortcuts="Alt+F5"
            title="Next change (Alt+F5; Alt+Shift+F5 for the previous one)"
            onClick={(event) => goToChange(event.shiftKey ? -1 : 1)}
          >
            Next change
          </button>
        </p>
        <div className="mcs-actions">
          <span className="mcs-copy-wrap">
            <button type="button" className="mcs-button mcs-button-primary" disabled={nothing} data-copied={copied === BUNDLE_KEY || undefined} onClick={copyBundle}>
              Copy bundle
            </button>
            <span className="mcs-copied" aria-live="polite">
              {copied === BUNDLE_KEY ? 'Copied' : ''}
            </span>
          </span>
          <button type="button" className="mcs-button" disabled={nothing} onClick={downloadBundle}>
            Download bundle
          </button>
          <button type="button" className="mcs-button" disabled={nothing} onClick={downloadZip}>
            Download zip
          </button>
          <button type="button" className="mcs-button" onClick={() => downloadFile(openedName ?? specFileName(clusterName), getSpecText(), YAML_TYPE)}>
            Download spec
          </button>
        </div>
        {!nothing && commands.length > 0 && (
          <CommandsPanel
            commands={commands}
            bundleFile={bundleFile}
            copiedId={copied?.startsWith(COMMAND_KEY) ? copied.slice(COMMAND_KEY.length) : undefined}
            onCopy={onCopyCommand}
          />
        )}
      </div>
      {/* Always present so the change is announced; empty (and collapsed) while up to date. */}
      <p role="status" className="mcs-stale-banner">
        {stale ? (optionProblems.length > 0 ? 'Out of date — fix the output options to update' : 'Out of date — fix the errors to update') : ''}
      </p>
      {onViewChange && renderCluster ? (
        <OutputViewTabs view={view} onViewChange={onViewChange}>
          {view === 'cluster' ? renderCluster(handOutDownload) : cards}
        </OutputViewTabs>
      ) : (
        cards
      )}
      {pending && (
        <StaleConfirmDialog
          verb={pending.verb}
          cause={optionProblems.length > 0 ? 'options' : 'spec'}
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            setPending(undefined);
            pending.run();
          }}
        />
      )}
      {fallback && (
        <CopyFallbackDialog
          what={fallback.what}
          text={fallback.text}
          onClose={() => setFallback(undefined)}
          onCopied={() => {
            setFallback(undefined);
            flash(fallback.key);
          }}
        />
      )}
    </div>
  );
}

/** Re-renders only when its inputs change: typing alone changes none of them. */
export const Preview = memo(PreviewImpl);
