/**
 * Every keyboard shortcut of the page, in one table: the footer lists the page-wide ones, and one
 * listener (useShortcuts.ts) runs them all. Each is pressed with Ctrl (⌘ on a Mac), except the
 * change jumps, pressed with Alt as in VS Code (Alt+F5): neither Monaco nor the browser uses it,
 * and F7 alone would be the browser's caret browsing.
 */
export type ShortcutAction = 'openFile' | 'downloadBundle' | 'copyBundle' | 'copyLink' | 'undo' | 'redo' | 'nextChange' | 'previousChange';

export interface Shortcut {
  /** `KeyboardEvent.key`, in lower case. */
  key: string;
  /** Whether Shift is held; Ctrl (or ⌘) always is, unless `modifier` says Alt. */
  shift: boolean;
  /** `false`: not with Alt held; absent: with or without Alt. */
  alt?: false;
  /** `alt`: pressed with Alt and without Ctrl or ⌘ (default: with Ctrl or ⌘). */
  modifier?: 'alt';
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
  { key: 'f5', shift: false, modifier: 'alt', action: 'nextChange', description: 'next change in the objects', scope: 'page' },
  { key: 'f5', shift: true, modifier: 'alt', action: 'previousChange', description: 'previous change', scope: 'page' },
];

/** The form view's outermost element, which FormView marks. */
export const FORM_SCOPE = '[data-shortcut-scope="form"]';

export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** The shortcut `press` is, if any; `inForm`: the focus is in the form view. */
export function shortcutFor(press: KeyPress, inForm: boolean, table: readonly Shortcut[] = SHORTCUTS): Shortcut | undefined {
  const ctrl = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  return table.find(
    (s) =>
      s.key === key &&
      s.shift === press.shiftKey &&
      (s.modifier === 'alt' ? press.altKey && !ctrl : ctrl && (s.alt === undefined || s.alt === press.altKey)) &&
      (s.scope === 'page' || inForm),
  );
}

/** The keys to press, as the page shows them (`Ctrl`, `Shift`, `S`). */
export function keysOf(shortcut: Shortcut): string[] {
  return [shortcut.modifier === 'alt' ? 'Alt' : 'Ctrl', ...(shortcut.shift ? ['Shift'] : []), shortcut.key.toUpperCase()];
}
