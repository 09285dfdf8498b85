/**
 * Keeps the editor's text model and the app's spec text in step without feeding back.
 *
 * Monaco applies one input event as many model edits: text that arrives in a single event (an IME
 * commit, dictation, a drop) is typed one character at a time so that auto-indent can act. Each
 * edit used to go straight to the app, which stored it and generated objects synchronously, so one
 * event made a hundred nested React commits and hit React's update-depth limit. Here a burst of
 * model edits reaches the app once, at the end of the task that made them; and a text the app
 * passes back is compared with what the editor last reported, so that an echo of an older text is
 * never written over newer typing.
 */
export interface ModelSyncOptions {
  /** The model's text now. */
  read(): string;
  /** Tells the app the text the user made. */
  report(text: string): void;
  /** When to report a burst: after the current task's synchronous work (a microtask by default). */
  defer?(flush: () => void): void;
}

export class ModelSync {
  private scheduled = false;
  private writing = false;
  /** The last text both sides agreed on: reported by the editor or written into it. */
  private agreed: string | undefined;
  private readonly defer: (flush: () => void) => void;

  constructor(private readonly options: ModelSyncOptions) {
    this.defer = options.defer ?? ((flush) => queueMicrotask(flush));
  }

  /** The model changed. Changes the editor makes itself (through `write`) are not reported. */
  modelChanged(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    this.defer(() => this.flush());
  }

  /** Reports pending model changes now (before the app reads the text for another reason). */
  flush(): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    const text = this.options.read();
    if (text === this.agreed) return;
    this.agreed = text;
    this.options.report(text);
  }

  /**
   * The app's text, on every render that changes it. Returns whether it is an outside change that
   * must be written into the model: not when the model holds it already, and not when it is what
   * the editor reported (the model may have moved on since, and the newer text is on its way).
   */
  isOutsideChange(value: string): boolean {
    if (value === this.agreed) return false;
    if (!this.scheduled && value === this.options.read()) {
      this.agreed = value;
      return false;
    }
    return true;
  }

  /** Writes an outside change into the model; `apply` makes the edits, which are not reported back. */
  write(value: string, apply: () => void): void {
    this.writing = true;
    try {
      apply();
    } finally {
      this.writing = false;
    }
    this.agreed = value;
  }
}
