import { describe, expect, it } from 'vitest';
import { INCLUDE_ORDER, VERSION_INCLUDES } from '../core/kinds.ts';
import { USAGE } from './args.ts';

/** The `-i` entry of the help text: "c ConfigMaps, s Services, ..." with "(v1alpha1 only)" marks. */
function usageLetters(): { letter: string; v1alpha1Only: boolean }[] {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((line) => /^\s+-i LETTERS/.test(line));
  const end = lines.findIndex((line, i) => i > start && /^\s+-/.test(line));
  const entry = lines.slice(start + 1, end).join('\n');
  return [...entry.matchAll(/(?:^\s+|,\s*)([a-z]) ([^,\n]+)/gm)].map((m) => ({ letter: m[1] ?? '', v1alpha1Only: (m[2] ?? '').includes('(v1alpha1 only)') }));
}

describe('the CLI’s -i letters', () => {
  it('are the registry’s letters, in its order, with the v1alpha1-only ones marked as such', () => {
    const letters = usageLetters();
    expect(letters.map((l) => l.letter)).toEqual(INCLUDE_ORDER);
    for (const { letter, v1alpha1Only } of letters) {
      expect(v1alpha1Only, letter).toBe(!VERSION_INCLUDES.v1alpha2.includes(letter));
      expect(VERSION_INCLUDES.v1alpha1.includes(letter), letter).toBe(true);
    }
  });
});
