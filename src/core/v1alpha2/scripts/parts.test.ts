import { describe, expect, it } from 'vitest';
import { bash } from '../../testing/shellScripts.ts';
import { unescapeScriptText } from './parts.ts';

describe('commands.script compatibility (unescapeScriptText)', () => {
  it('matches what an unquoted here-document does to backslashes', () => {
    // Texts without unescaped $ or backticks: there upstream and we must agree byte for byte.
    const texts = [
      'echo "rank \\${FLUX_TASK_RANK}"',
      'a \\\\ b \\` c \\$ d',
      'mpirun -np 4 \\\n  ./app',
      'keep \\n \\t \\" \\x',
      'end\\\\',
    ];
    const upstream = bash(texts.map((text) => `cat <<EOF\n${text}\nEOF\nprintf '\\0'`).join('\n'));
    expect(upstream.split('\0').slice(0, -1)).toEqual(texts.map((t) => `${unescapeScriptText(t)}\n`));
  });

  it('leaves unescaped $ and backticks for run time', () => {
    expect(unescapeScriptText('echo $1 `date` $(id)')).toBe('echo $1 `date` $(id)');
  });
});
