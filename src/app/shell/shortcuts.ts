/**
 * Every keyboard shortcut of the page, in one table: the footer lists the page-wide ones, and one
 * listener (useShortcuts.ts) runs them all. Each is pressed with Ctrl (⌘ on a Mac).
 */
export type ShortcutAction = 'openFile' | 'downloadBundle' | 'copyBundle' | 'copyLink' | 'undo' | 'redo';

export interface Shortcut {
  /** `KeyboardEvent.key`, in lower case. */
  key: string;
  /** Whether Shift is held; Ctrl (or ⌘) always is. */
  shift: boolean;
  /** `false`: not with Alt held; absent: with or without Alt. */
  alt?: false;
  action: ShortcutAction;
  description: string;
  /**
   * `page`: wherever the focus is. `form`: only while it is in the form view (inside the element
   * matching `FORM_SCOPE`), where a text input would otherwise undo its own typing only; the YAML
   * editor has undo and redo of its own.
   */
  scope: 'page' | 'form';
}

export const SHORTCUTS: readonly Shortcut[] = [
  // In place of the browser's own Open dialog, which would replace the page with the file.
  { key: 'o', shift: false, action: 'openFile', description: 'open a file', scope: 'page' },
  { key: 's', shift: false, action: 'downloadBundle', description: 'download bundle', scope: 'page' },
  { key: 'b', shift: true, action: 'copyBundle', description: 'copy bundle', scope: 'page' },
  { key: 's', shift: true, action: 'copyLink', description: 'copy link', scope: 'page' },
  // One history for both views: Ctrl+Z in a form input undoes the last spec change, wherever it was made.
  { key: 'z', shift: false, alt: false, action: 'undo', description: 'undo the last change of the spec', scope: 'form' },
  { key: 'z', shift: true, alt: false, action: 'redo', description: 'redo', scope: 'form' },
  { key: 'y', shift: false, alt: false, action: 'redo', description: 'redo', scope: 'form' },
];

/** The form view's outermost element, which FormView marks. */
export const FORM_SCOPE = '[data-shortcut-scope="form"]';

export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** The shortcut `press` is, if any; `inForm`: the focus is in the form view. */
export function shortcutFor(press: KeyPress, inForm: boolean, table: readonly Shortcut[] = SHORTCUTS): Shortcut | undefined {
  if (!(press.ctrlKey || press.metaKey)) return undefined;
  const key = press.key.toLowerCase();
  return table.find(
    (s) => s.key === key && s.shift === press.shiftKey && (s.alt === undefined || s.alt === press.altKey) && (s.scope === 'page' || inForm),
  );
}

/** The keys to press, as the page shows them (`Ctrl`, `Shift`, `S`). */
export function keysOf(shortcut: Shortcut): string[] {
  return ['Ctrl', ...(shortcut.shift ? ['Shift'] : []), shortcut.key.toUpperCase()];
}
