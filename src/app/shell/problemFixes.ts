/** The quick fixes the problems list offers, each an edit of the spec text. */
import type { Diagnostic } from '../../core/page.ts';

/** The fix's button label, when the problem has one. */
export function fixLabel(d: Diagnostic): string | undefined {
  return d.code === 'generate-name' ? 'Use a fixed name instead of generateName' : undefined;
}

export interface FixOutcome {
  /** The fixed spec; absent when the fix could not be made. */
  text?: string;
  message: string;
}

/** Makes the fix on the newest text (`getText`, read once the fixing code has loaded). */
export async function fixProblem(d: Diagnostic, getText: () => string): Promise<FixOutcome | undefined> {
  if (d.code !== 'generate-name') return undefined;
  const { nameFromGenerateName } = await import('../../core/index.ts');
  const text = nameFromGenerateName(getText());
  return text === undefined
    ? { message: 'The generateName could not be turned into a name here; edit metadata in the spec.' }
    : { text, message: 'metadata.generateName is now metadata.name (Undo in the editor brings it back).' };
}
