import { describe, expect, it } from 'vitest';
import { keysOf, SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts.ts';

const press = (key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('keyboard shortcuts', () => {
  it('finds the page-wide ones with Ctrl or ⌘, wherever the focus is', () => {
    expect(shortcutFor(press('s', { ctrlKey: true }), false)?.action).toBe('downloadBundle');
    expect(shortcutFor(press('s', { metaKey: true }), true)?.action).toBe('downloadBundle');
    expect(shortcutFor(press('S', { ctrlKey: true, shiftKey: true }), false)?.action).toBe('copyLink');
    expect(shortcutFor(press('B', { ctrlKey: true, shiftKey: true }), false)?.action).toBe('copyBundle');
    expect(shortcutFor(press('s', { ctrlKey: true, altKey: true }), false)?.action).toBe('downloadBundle');
    expect(shortcutFor(press('o', { ctrlKey: true }), true)?.action).toBe('openFile');
    expect(shortcutFor(press('O', { metaKey: true }), false)?.action).toBe('openFile');
    expect(shortcutFor(press('O', { ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
  });

  it('needs Ctrl or ⌘ and the right Shift', () => {
    expect(shortcutFor(press('s'), false)).toBeUndefined();
    expect(shortcutFor(press('s', { shiftKey: true }), false)).toBeUndefined();
    expect(shortcutFor(press('b', { ctrlKey: true }), false)).toBeUndefined();
  });

  it('finds undo and redo only in the form, and not with Alt', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }), false)).toBeUndefined();
    expect(shortcutFor(press('z', { ctrlKey: true }), true)?.action).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }), true)?.action).toBe('redo');
    expect(shortcutFor(press('y', { metaKey: true }), true)?.action).toBe('redo');
    expect(shortcutFor(press('y', { metaKey: true, shiftKey: true }), true)).toBeUndefined();
    expect(shortcutFor(press('z', { ctrlKey: true, altKey: true }), true)).toBeUndefined();
  });

  it('jumps between changes with Alt+F5 and Alt+Shift+F5, not with Ctrl', () => {
    expect(shortcutFor(press('F5', { altKey: true }), false)?.action).toBe('nextChange');
    expect(shortcutFor(press('F5', { altKey: true, shiftKey: true }), true)?.action).toBe('previousChange');
    expect(shortcutFor(press('F5'), false)).toBeUndefined();
    expect(shortcutFor(press('F5', { ctrlKey: true }), false)).toBeUndefined();
    expect(shortcutFor(press('F5', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
    // Alt alone does not take the Ctrl shortcuts either.
    expect(shortcutFor(press('s', { altKey: true }), false)).toBeUndefined();
  });

  it('has no two shortcuts on the same keys in the same place', () => {
    const seen = SHORTCUTS.map((s) => `${s.scope} ${s.modifier ?? 'ctrl'} ${s.shift} ${s.key}`);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('shows the keys as they are pressed', () => {
    expect(SHORTCUTS.filter((s) => s.scope === 'page').map((s) => keysOf(s).join('+'))).toEqual(['Ctrl+O', 'Ctrl+S', 'Ctrl+Shift+B', 'Ctrl+Shift+S', 'Alt+F5', 'Alt+Shift+F5']);
  });
});
