import { describe, expect, it } from 'vitest';
import { ModelSync } from './modelSync.ts';

/** A model as plain text, a queue for deferred flushes, and the texts the app was told. */
function harness(initial: string) {
  let text = initial;
  const queue: Array<() => void> = [];
  const reported: string[] = [];
  const sync = new ModelSync({ read: () => text, report: (t) => reported.push(t), defer: (flush) => queue.push(flush) });
  expect(sync.isOutsideChange(initial)).toBe(false);
  return {
    sync,
    reported,
    get text() {
      return text;
    },
    /** A user edit: the model changes and tells the sync. */
    edit(next: string) {
      text = next;
      sync.modelChanged();
    },
    endTask() {
      queue.splice(0).forEach((flush) => flush());
    },
    /** An outside change the app passes in, written when the sync says so. */
    pass(value: string) {
      if (sync.isOutsideChange(value))
        sync.write(value, () => {
          text = value;
          sync.modelChanged();
        });
    },
  };
}

describe('ModelSync', () => {
  it('reports a burst of model edits in one task once, with the final text', () => {
    const h = harness('');
    const typed = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\n';
    for (let i = 1; i <= typed.length; i++) h.edit(typed.slice(0, i));
    expect(h.reported).toEqual([]);
    h.endTask();
    expect(h.reported).toEqual([typed]);
  });

  it('reports each keystroke of ordinary typing, one task each', () => {
    const h = harness('size: 4');
    h.edit('size: ');
    h.endTask();
    h.edit('size: 6');
    h.endTask();
    expect(h.reported).toEqual(['size: ', 'size: 6']);
  });

  it('never writes an echo of a reported text over newer typing', () => {
    const h = harness('a');
    h.edit('ab');
    h.endTask();
    h.edit('abc');
    // The app renders with the text it was told before the newer edit reached it.
    h.pass('ab');
    expect(h.text).toBe('abc');
    h.endTask();
    expect(h.reported).toEqual(['ab', 'abc']);
  });

  it('writes an outside change (a form edit, a preset) and does not report it back', () => {
    const h = harness('size: 4');
    h.pass('size: 8');
    expect(h.text).toBe('size: 8');
    h.endTask();
    expect(h.reported).toEqual([]);
    // A later outside change back to an earlier text is still written.
    h.edit('size: 9');
    h.endTask();
    h.pass('size: 4');
    expect(h.text).toBe('size: 4');
  });

  it('reports pending edits on demand, once', () => {
    const h = harness('x');
    h.edit('xy');
    h.sync.flush();
    h.endTask();
    expect(h.reported).toEqual(['xy']);
  });
});
