/** The preferences the page keeps between visits: the theme and which objects the preview shows. */
import { useEffect, useState } from 'react';
import type { IncludeLetter } from '../worker/protocol.ts';
import { savePrefs, type Prefs, type StorageLike, type ThemeChoice } from './storage.ts';

export function usePrefs(stored: Prefs, storage: StorageLike | undefined) {
  const [themeChoice, setThemeChoice] = useState<ThemeChoice>(stored.theme);
  const [include, setInclude] = useState<Set<IncludeLetter>>(() => new Set([...stored.include] as IncludeLetter[]));
  useEffect(() => {
    savePrefs({ theme: themeChoice, include: [...include].join('') }, storage);
  }, [themeChoice, include, storage]);
  return { themeChoice, setThemeChoice, include, setInclude };
}
