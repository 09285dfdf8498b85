import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bash } from '../../testing/shellScripts.ts';
import { ansiCQuote, hereDocDelimiter, quotedHereDoc, shellQuote, shellWord } from './shellQuote.ts';

const nasty = [
  '',
  'plain',
  "it's",
  "''",
  'a b  c',
  '$HOME ${PATH} $(id) `date`',
  'back\\',
  '\\\\ double',
  'line\nbreak\n',
  '\t\r\x01\x7f',
  '"quoted"',
  '!history ~tilde *glob ?x [a]',
  'ünïcödé ☃',
  '-n',
  'MCS_EOF',
];

describe('shellQuote', () => {
  it('wraps in single quotes and escapes single quotes', () => {
    expect(shellQuote('abc')).toBe("'abc'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('round-trips fixed nasty values through bash, in every quoting helper', () => {
    const words = nasty.flatMap((v) => [shellQuote(v), shellWord(v), ansiCQuote(v)]);
    const out = bash(`printf '%s\\0' ${words.join(' ')}`);
    expect(out.split('\0').slice(0, -1)).toEqual(nasty.flatMap((v) => [v, v, v]));
  });

  it('round-trips random strings through bash (property)', () => {
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0')), 150);
    const words = samples.flatMap((v) => [shellQuote(v), shellWord(v)]);
    const out = bash(`printf '%s\\0' ${words.join(' ')}`);
    expect(out.split('\0').slice(0, -1)).toEqual(samples.flatMap((v) => [v, v]));
  });

  it('shellWord keeps plain words bare and uses $\'...\' for $, backticks, backslashes and control characters', () => {
    expect(shellWord('-Scron.directory=/mnt/flux/config')).toBe('-Scron.directory=/mnt/flux/config');
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord('$x')).toBe("$'$x'");
    expect(shellWord("a'b\n")).toBe("$'a\\'b\\n'");
    expect(shellWord('~')).toBe("'~'");
  });
});

describe('here-documents', () => {
  it('picks a delimiter that does not occur in the text', () => {
    expect(hereDocDelimiter('hello')).toBe('MCS_EOF');
    expect(hereDocDelimiter('a\nMCS_EOF\nb')).toBe('MCS_EOF_1');
    expect(hereDocDelimiter('MCS_EOF MCS_EOF_1')).toBe('MCS_EOF_2');
  });

  it('writes any text verbatim plus one newline', () => {
    const texts = ['x = "$HOME `date` $(id) \\n \\\\"', 'MCS_EOF\nMCS_EOF_1', '', 'trailing\n', "'single'"];
    const script = texts.map((text) => `${quotedHereDoc('cat', text)}\nprintf '\\0'`).join('\n');
    expect(bash(script).split('\0').slice(0, -1)).toEqual(texts.map((t) => `${t}\n`));
  });
});
