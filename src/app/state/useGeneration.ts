/**
 * The generation state, with one owner: the spec text, the request that follows it (text, the
 * user's certificate, namespace, cursor, output options), the newest response, the last good
 * output and the keypair. Every change is sent for generation from the handler that makes it, not from an
 * effect a render later, and its answer is committed in the task it arrives in.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { loadCertificateReader, loadedCertificateReader, usableUserCertificate } from '../certificate/userCertificate.ts';
import type { AppServices } from '../services/startServices.ts';
import { afterNextPaint } from '../afterPaint.ts';
import { isDefaultOutput } from '../../core/page.ts';
import { draftOf, optionsOf, type OutputDraft } from '../output/outputOptions.ts';
import { markEdit, recordPreview, recordResult } from '../timing.ts';
import type { GenerationFailure } from '../worker/generatorClient.ts';
import { WARM_UP_KEYS, type CurveKeys, type GenerateResponse, type OutputOptions, type RenderedManifest, type SpecInFileInfo } from '../worker/protocol.ts';

export interface GenerationOutput {
  /** The newest response, with or without objects; undefined before the first. */
  response: GenerateResponse | undefined;
  /** The newest response with objects: the preview keeps it while the spec has errors. */
  lastGood: GenerateResponse | undefined;
  /** The keypair of the newest response; the same object for as long as its public key stays. */
  keys: CurveKeys | undefined;
  /**
   * Goes up with the first good output and with the first good output of another spec (`load`,
   * `reset`): the preview marks no changes between outputs of different epochs.
   */
  epoch: number;
}

const NO_OUTPUT: GenerationOutput = { response: undefined, lastGood: undefined, keys: undefined, epoch: 0 };

/** The response is about one MiniCluster of a file of several. */
const ofSeveral = (response: GenerateResponse) => (response.inFile?.count ?? 1) > 1;

/**
 * The response's bundle is complete: it has objects, and for a file of several MiniClusters every
 * one of them has objects too (so the bundle can be made from it).
 */
export function bundleComplete(response: GenerateResponse): boolean {
  return response.manifests !== undefined && (!ofSeveral(response) || response.wholeFile !== undefined);
}

/** The objects of a bundle made from `source`: every MiniCluster's of a file of several. */
export async function bundleOf(source: GenerateResponse | undefined): Promise<readonly RenderedManifest[] | undefined> {
  if (!source?.wholeFile) return source?.manifests;
  const { wholeFileManifests } = await import('../generation/respond.ts');
  return wholeFileManifests(source.wholeFile) ?? source.manifests;
}

/** `freshFrom`: the id of the newest request for another spec (`load`, `reset`). */
export function nextOutput(previous: GenerationOutput, result: GenerateResponse, freshFrom = 0): GenerationOutput {
  const fresh = result.manifests !== undefined && result.id >= freshFrom && (previous.lastGood?.id ?? -1) < freshFrom;
  return {
    response: result,
    lastGood: result.manifests ? result : previous.lastGood,
    keys: previous.keys?.publicKey === result.keys.publicKey ? previous.keys : result.keys,
    epoch: fresh ? previous.epoch + 1 : previous.epoch,
  };
}

export interface Generation extends GenerationOutput {
  text: string;
  /** What the user pasted as their own certificate (only a valid one is used). */
  userCertificate: string;
  /** The Output panel's options, as typed. */
  output: OutputDraft;
  /** Changes the output options and generates with them. */
  setOutput(next: OutputDraft): void;
  /** Replaces the text and the output options together (Reset), in one request. */
  reset(text: string, output: OutputDraft): void;
  /**
   * The first output is on screen, or a short wait has passed: from then on the page loads what
   * the first output must not wait for (Monaco, the core on the main thread).
   */
  startupDone: boolean;
  /** Replaces the spec (a fix, an upgrade): the preview marks what changed. */
  setText(next: string): void;
  /** Replaces the spec with another one (an example, a file opened): a new `epoch`, nothing marked. */
  load(next: string): void;
  /** The user's own edit, timed for the speed measurements. */
  edit(next: string): void;
  /** The cursor's offset in the text. */
  moveCursor(offset: number): void;
  setUserCertificate(text: string): void;
  /** Makes a new keypair and generates with it. */
  newKeys(): void;
  /** The newest text, for handlers that must not re-render with every keystroke. */
  getText(): string;
  /** The output options the newest request was sent with (as typed: see `usableOptions`). */
  getOutput(): OutputOptions;
  /** Generation stopped on the newest text (it threw, or the worker died on it); cleared by the next answer. */
  stopped: GenerationFailure | undefined;
  /** The spec opened without being generated (it stopped the generator last time) and the page asks what to do. */
  heldBack: boolean;
  /** Keeps the held-back spec in the editor, still not generated until it is edited. */
  keepHeldBack(): void;
  /** The spec in the editor is not being generated until it is edited (it was held back at load). */
  waitingForEdit: boolean;
  /**
   * The objects of Copy bundle and Download bundle: the previewed MiniCluster's, or for a file of
   * several every MiniCluster's, in file order, from the newest text that made them all.
   */
  getBundle(): Promise<readonly RenderedManifest[] | undefined>;
  /** The newest text does not make the whole bundle (it or another MiniCluster of the file has errors). */
  bundleStale: boolean;
}

interface Request {
  text: string;
  /** The keypairs of a file's second, third… MiniCluster (the client adds the first's). */
  moreKeys: CurveKeys[];
  certificate: string | undefined;
  namespace: string;
  cursor: number;
  output: OutputOptions;
}

/** The request's fields from its state: the output options only when one is on. */
function requestInput({ text, moreKeys, certificate, namespace, cursor, output }: Request) {
  return {
    text,
    defaultNamespace: namespace,
    cursor,
    ...(moreKeys.length > 0 ? { moreKeys } : {}),
    ...(certificate ? { certificate } : {}),
    ...(isDefaultOutput(output) ? {} : { output }),
  };
}

/** How long the page's large loads wait for the first output at most. */
const STARTUP_WAIT_MS = 1500;

export function useGeneration({ generator, results, failures, heldBack: heldAtStart, initial, prefs, makeNewKeys }: AppServices): Generation {
  const [text, setTextState] = useState(initial.text);
  const [userCertificate, setUserCertificateState] = useState('');
  const [output, setOutputState] = useState(() => draftOf(initial.output));
  const pasted = useRef('');
  const [generated, setGenerated] = useState(NO_OUTPUT);
  // What the next request sends; handlers change it and send it at once. The first request was
  // sent at startup, with the same text, namespace and output options.
  const request = useRef<Request>({ text: initial.text, moreKeys: [], certificate: undefined, namespace: prefs.defaultNamespace, cursor: 0, output: initial.output ?? {} });
  // The newest response whose whole bundle could be made: exports use it while a later text has errors.
  const lastWhole = useRef<GenerateResponse>(undefined);
  /** Making the keypairs of a file's other MiniClusters failed (libsodium did not load). */
  const keysFailed = useRef(false);
  const makingKeys = useRef(false);
  // New certificate starts a new set: keys still being made for the old one are not kept.
  const keySet = useRef(0);
  // In a file of several MiniClusters, the one the preview shows: moving the cursor out of it
  // asks for the one it moved into.
  const shown = useRef<SpecInFileInfo | undefined>(undefined);
  // The next request is for another spec; then the id it was sent with (see nextOutput).
  const freshNext = useRef(false);
  const freshFrom = useRef(0);
  const lastSent = useRef(0);

  // A spec that stopped the generator last time is not generated until it changes.
  const held = useRef(heldAtStart);
  const [heldBack, setHeldBack] = useState(heldAtStart);
  const [waitingForEdit, setWaitingForEdit] = useState(heldAtStart);
  const [stopped, setStopped] = useState<GenerationFailure>();

  const send = useCallback(() => {
    if (held.current) return;
    // Before the request: a request generated on the main thread is answered before it returns.
    // Its id is the one after the last (the client numbers them in turn).
    if (freshNext.current) {
      freshNext.current = false;
      freshFrom.current = lastSent.current + 1;
    }
    lastSent.current = generator.request(requestInput(request.current));
  }, [generator]);

  useEffect(() => failures.listen((failure) => setStopped(failure)), [failures]);

  /** Makes a keypair for each MiniCluster of the file that lacks one, then generates with them. */
  const keysForFile = useCallback(
    (count: number) => {
      if (makingKeys.current || keysFailed.current || request.current.moreKeys.length >= count - 1) return;
      makingKeys.current = true;
      const set = keySet.current;
      void import('../certificate/keys.ts')
        .then(async ({ newKeys }) => {
          const more = [...request.current.moreKeys];
          while (more.length < count - 1) more.push(await newKeys());
          if (set === keySet.current) request.current.moreKeys = more;
          send();
        })
        .catch(() => {
          // Not again on every answer: that would loop. The preview goes on; the bundle of the
          // whole file stays unavailable (the export asks first, as for an out-of-date output).
          keysFailed.current = true;
        })
        .finally(() => {
          makingKeys.current = false;
        });
    },
    [send],
  );

  useEffect(
    () =>
      results.listen((result) => {
        recordResult(result.id);
        shown.current = result.inFile;
        if (bundleComplete(result)) lastWhole.current = result;
        if (result.inFile && result.inFile.count > 1) keysForFile(result.inFile.count);
        setStopped(undefined);
        // Commit the new output in this task rather than a later one, which can queue behind the
        // editor's own work for the keystroke.
        // The services sent the first request before this hook existed.
        lastSent.current = Math.max(lastSent.current, result.id);
        const from = freshFrom.current;
        flushSync(() => setGenerated((previous) => nextOutput(previous, result, from)));
      }),
    [results, keysForFile],
  );

  const { response } = generated;
  useLayoutEffect(() => {
    if (response) recordPreview(response.id, response.workerMs, response.onMainThread);
  }, [response]);

  const hasOutput = response !== undefined;
  const [startupDone, setStartupDone] = useState(false);
  useEffect(() => {
    if (startupDone) return undefined;
    // After the paint, not in the commit: answers are committed with flushSync, which runs this
    // commit's effects at once, and compiling Monaco there held the first output off the screen.
    if (hasOutput) return afterNextPaint(() => setStartupDone(true));
    const timer = window.setTimeout(() => setStartupDone(true), STARTUP_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, [hasOutput, startupDone]);

  useEffect(() => {
    if (!startupDone) return;
    // The core on the main thread too, so that edits no longer wait for a message from the worker.
    void import('../generation/respond.ts').then(({ respond }) => {
      // One run on the current spec compiles the core here before a keystroke has to wait for it.
      try {
        respond({ id: 0, ...requestInput(held.current ? { ...request.current, text: '' } : request.current), keys: WARM_UP_KEYS });
      } catch {
        // A spec generation stops on: the request for it reports that, this run only warms up.
      }
      generator.useLocal(respond);
    });
  }, [startupDone, generator]);

  const setText = useCallback(
    (next: string) => {
      request.current.text = next;
      if (held.current) {
        held.current = false;
        setHeldBack(false);
        setWaitingForEdit(false);
      }
      setTextState(next);
      send();
    },
    [send],
  );
  const edit = useCallback(
    (next: string) => {
      markEdit();
      setText(next);
    },
    [setText],
  );
  const moveCursor = useCallback(
    (offset: number) => {
      request.current.cursor = offset;
      const document = shown.current;
      if (document && document.count > 1 && (offset < document.start || offset >= document.end)) send();
    },
    [send],
  );
  const setUserCertificate = useCallback(
    (next: string) => {
      setUserCertificateState(next);
      pasted.current = next;
      // Only a certificate the brokers will load is generated with; another keystroke in a
      // broken one changes nothing to generate.
      const use = (read: Parameters<typeof usableUserCertificate>[1]) => {
        // The reader may arrive after more keystrokes: the newest text is the one to check.
        const certificate = usableUserCertificate(pasted.current, read);
        if (certificate === request.current.certificate) return;
        request.current.certificate = certificate;
        send();
      };
      const read = loadedCertificateReader();
      if (read || next.trim() === '') use(read);
      else void loadCertificateReader().then(use);
    },
    [send],
  );
  const newKeys = useCallback(() => {
    // Every MiniCluster of the file gets a new one: the others' are made when the answer says how many.
    request.current.moreKeys = [];
    keySet.current++;
    void makeNewKeys().then(() => send());
  }, [makeNewKeys, send]);
  const setOutput = useCallback(
    (next: OutputDraft) => {
      setOutputState(next);
      request.current.output = optionsOf(next);
      send();
    },
    [send],
  );
  const load = useCallback(
    (next: string) => {
      freshNext.current = true;
      // The last whole-file bundle is of the spec this one replaces: never handed out for it.
      lastWhole.current = undefined;
      setText(next);
    },
    [setText],
  );
  /** A new text with new output options, sent as one request. */
  const reset = useCallback(
    (nextText: string, nextOutput: OutputDraft) => {
      setOutputState(nextOutput);
      request.current.output = optionsOf(nextOutput);
      load(nextText);
    },
    [load],
  );
  const getText = useCallback(() => request.current.text, []);
  const getOutput = useCallback(() => request.current.output, []);
  const keepHeldBack = useCallback(() => setHeldBack(false), []);
  const lastGood = generated.lastGood;
  const getBundle = useCallback(() => bundleOf(lastWhole.current ?? lastGood), [lastGood]);
  const bundleStale = response !== undefined && !bundleComplete(response);

  return { ...generated, text, userCertificate, output, setOutput, reset, startupDone, setText, load, edit, moveCursor, setUserCertificate, newKeys, getText, getOutput, stopped, heldBack, keepHeldBack, waitingForEdit, getBundle, bundleStale };
}
