/** The preferences the page keeps between visits: the theme, which objects the preview shows and the output view. */
import { useEffect, useState } from 'react';
import type { IncludeLetter } from '../worker/protocol.ts';
import { savePrefs, type OutputView, type Prefs, type StorageLike, type ThemeChoice } from './storage.ts';

export function usePrefs(stored: Prefs, storage: StorageLike | undefined) {
  const [themeChoice, setThemeChoice] = useState<ThemeChoice>(stored.theme);
  const [include, setInclude] = useState<Set<IncludeLetter>>(() => new Set([...stored.include] as IncludeLetter[]));
  const [outputView, setOutputView] = useState<OutputView>(stored.outputView);
  useEffect(() => {
    savePrefs({ theme: themeChoice, include: [...include].join(''), outputView }, storage);
  }, [themeChoice, include, outputView, storage]);
  return { themeChoice, setThemeChoice, include, setInclude, outputView, setOutputView };
}
