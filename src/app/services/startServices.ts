/**
 * What the page starts before React and the app are parsed, called once by the app's start (boot.ts):
 * the generator worker (which loads the core and warms it up on the spec the editor opens with),
 * the load of libsodium for the keypair, so that the two large loads run side by side, and the
 * first request. The first output is made as soon as both are ready; the app picks it up from
 * `results` when it mounts. The app gets these services from the entry, never by importing them.
 */
import type { GenerateResponse } from '../worker/protocol.ts';
import { PRESETS } from '../presets/index.ts';
import { browserStorage, loadPrefs, tabIdentity, tabStorage, type Prefs, type StorageLike } from '../state/storage.ts';
import { chooseInitialSpec, type InitialSpec } from '../state/initialSpec.ts';
import { recordEdit, recordKeys, recordStartup } from '../timing.ts';
import { generationMark } from '../state/generationMark.ts';
import { createGeneratorClient, type GenerationFailure, type GeneratorClient } from '../worker/generatorClient.ts';
import type { EarlyWorker } from '../worker/earlyWorker.ts';
import { newGeneratorWorker } from '../worker/newWorker.ts';
import { createResultInbox, type ResultInbox } from './resultInbox.ts';

export interface AppServices {
  generator: GeneratorClient;
  /** The generator's answers, kept from before the app listens. */
  results: ResultInbox<GenerateResponse>;
  /** Texts generation stopped on (it threw, or the worker died or stuck on them). */
  failures: ResultInbox<GenerationFailure>;
  /**
   * The autosaved spec stopped the generator (or the tab) on the last visit: it opens without
   * being generated, and the page asks what to do.
   */
  heldBack: boolean;
  /** The browser's storage; undefined where the page may not use it. */
  storage: StorageLike | undefined;
  /** The spec the editor opens with, and where it came from. */
  initial: InitialSpec;
  /** The preferences stored at startup. */
  prefs: Prefs;
  /** Makes a new keypair (libsodium, loaded on first use) and uses it from the next request on. */
  makeNewKeys(): Promise<void>;
}

/** `firstWorker`: the generator worker the page's entry has already started, if it has. */
export function startServices(firstWorker?: EarlyWorker): AppServices {
  performance.mark('mcs:startup');

  const results = createResultInbox<GenerateResponse>();
  const failures = createResultInbox<GenerationFailure>();
  const storage = browserStorage();
  const mark = generationMark(storage, { tab: tabIdentity(), now: Date.now });
  const generator = createGeneratorClient({
    onRequest(id, input) {
      recordEdit(id);
      mark.start(input.text);
    },
    onResult(result) {
      mark.done();
      if (result.startup) recordStartup(result.startup);
      results.deliver(result);
    },
    // The mark stays: reopened, the text is not generated again without asking.
    onFailure: (failure) => failures.deliver(failure),
  }, startedFirst(firstWorker));

  // libsodium is the largest thing the first output waits for: its fetch starts now, not after the
  // chain of modules that import it has loaded.
  void import('libsodium-wrappers');

  const initial = chooseInitialSpec({ hash: window.location.hash, storage, tab: tabStorage(), presets: PRESETS });
  const prefs = loadPrefs(storage);
  // A share link is read once; dropping it from the address bar lets a reload show later edits.
  if (initial.source === 'link') history.replaceState(null, '', window.location.pathname + window.location.search);

  const heldBack = initial.source === 'autosave' && mark.leftOn(initial.text);
  if (!heldBack) generator.request({ text: initial.text, defaultNamespace: prefs.defaultNamespace, ...(initial.output ? { output: initial.output } : {}) });

  async function makeNewKeys(): Promise<void> {
    const { newKeys } = await import('../certificate/keys.ts');
    const keys = await newKeys();
    recordKeys();
    generator.setKeys(keys);
  }
  void makeNewKeys();

  return { generator, results, failures, heldBack, storage, initial, prefs, makeNewKeys };
}

/** Hands out `first` once, then starts new workers (after a worker stopped or stuck). */
function startedFirst(first: EarlyWorker | undefined): () => Worker {
  let waiting = first;
  return () => {
    const worker = waiting?.take() ?? newGeneratorWorker();
    waiting = undefined;
    return worker;
  };
}
