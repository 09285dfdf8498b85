import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { markEdit, markModelChange, recordEdit, recordPreview, recordResult, type EditTiming } from './timing.ts';

const microtasks = () => new Promise<void>((done) => setTimeout(done, 0));
const timings = () => (globalThis as unknown as { window: Window }).window.__mcsTimings ?? [];
const last = (): EditTiming => timings().at(-1) as EditTiming;

beforeEach(() => {
  vi.stubGlobal('window', {});
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 0));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The editor's change event: its report is a microtask queued before the mark's (SpecEditor). */
function editorChange(id: number): void {
  queueMicrotask(() => {
    markEdit();
    recordEdit(id);
  });
  markModelChange();
}

test('an edit from the editor carries the time of its model change, in order with the later steps', async () => {
  editorChange(1);
  await microtasks();
  recordResult(1);
  recordPreview(1, 2);
  const { at } = last();
  expect(at?.modelChangedAt).toBeDefined();
  const steps = [at?.modelChangedAt, at?.editAt, at?.requestAt, at?.resultAt, at?.commitAt] as number[];
  expect(steps.every(Number.isFinite)).toBe(true);
  expect([...steps].sort((a, b) => a - b)).toEqual(steps);
});

test('an edit that does not come through the editor does not take the time of an earlier model change', async () => {
  // An outside change written into the model (the form, Reset) fires the change event with no report.
  markModelChange();
  await microtasks();
  markEdit();
  recordEdit(2);
  recordPreview(2, 1);
  expect(last().id).toBe(2);
  expect(last().at?.modelChangedAt).toBeUndefined();
});

test('the paint is recorded only while a benchmark asks for it', async () => {
  editorChange(3);
  await microtasks();
  recordPreview(3, 1);
  await microtasks();
  await microtasks();
  expect(last().at?.paintedAt).toBeUndefined();

  (globalThis as unknown as { window: Window }).window.__mcsTrackPaint = true;
  editorChange(4);
  await microtasks();
  recordPreview(4, 1);
  await vi.waitFor(() => expect(last().at?.paintedAt).toBeDefined());
  const { at } = last();
  expect(at?.scriptDoneAt).toBeGreaterThanOrEqual(at?.commitAt ?? Number.POSITIVE_INFINITY);
  expect(at?.paintedAt).toBeGreaterThanOrEqual(at?.scriptDoneAt ?? Number.POSITIVE_INFINITY);
});
