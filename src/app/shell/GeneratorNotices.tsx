/** What the page says when the generator stopped on a spec, now or on the last visit. */
import type { GenerationFailure } from '../worker/generatorClient.ts';

/** Generation stopped on the current text; the output keeps the last spec that generated. */
export function GenerationStoppedNotice({ failure }: { failure: GenerationFailure | undefined }) {
  if (!failure) return null;
  return (
    <p className="mcs-generator-notice" role="alert">
      Generation stopped for this text: {failure.reason} The output shows the last spec that generated; edit the spec to try again.
    </p>
  );
}

/** The autosaved spec stopped the generator last time: it was opened without generating. */
export function HeldBackNotice({ show, onOpen, onExample }: { show: boolean; onOpen(): void; onExample(): void }) {
  if (!show) return null;
  return (
    <div className="mcs-generator-notice" role="alert">
      <p>Last time this spec stopped the generator, so it has not been generated now.</p>
      <div className="mcs-generator-notice-actions">
        <button type="button" onClick={onOpen}>
          Open it without generating
        </button>
        <button type="button" onClick={onExample}>
          Start from the example
        </button>
      </div>
    </div>
  );
}
