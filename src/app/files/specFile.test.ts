import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../../core/page.ts';
import { chooseFile, shownFileName, textOfFile, type OfferedFile } from './specFile.ts';

const file = (name: string, size = 100, folder = false): OfferedFile => ({ name, size, folder });
const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('which dropped or chosen file is opened', () => {
  it('takes the one file', () => {
    expect(chooseFile([file('spec.yaml')])).toEqual({ take: 0 });
  });

  it('takes none of several, and names them', () => {
    expect(chooseFile([file('a.yaml'), file('b.yaml')])).toEqual({ problem: '2 files were dropped ("a.yaml" and "b.yaml"); none was opened. Drop one file at a time.' });
    const five = chooseFile(['a', 'b', 'c', 'd', 'e'].map((n) => file(`${n}.yaml`)));
    expect(five).toEqual({ problem: '5 files were dropped ("a.yaml", "b.yaml", "c.yaml" and 2 more); none was opened. Drop one file at a time.' });
  });

  it('refuses a folder', () => {
    expect(chooseFile([file('specs', 0, true)])).toEqual({ problem: '"specs" is a folder; none of its files was opened. Drop one YAML file from it.' });
  });

  it('refuses a file over the core input limit before reading it, and takes one at the limit', () => {
    const over = chooseFile([file('big.yaml', DEFAULT_MAX_BYTES + 1)]);
    expect('problem' in over && over.problem).toMatch(/^"big\.yaml" was not opened: The file is 1\.0 MiB \(1,048,577 bytes\), more than the limit of 1 MiB/);
    expect(chooseFile([file('edge.yaml', DEFAULT_MAX_BYTES)])).toEqual({ take: 0 });
  });

  it('says so when nothing dropped is a file', () => {
    expect(chooseFile([])).toHaveProperty('problem');
  });
});

describe('the text of a file', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(textOfFile('s.yaml', utf8('kind: MiniCluster # é ✓\n'))).toEqual({ text: 'kind: MiniCluster # é ✓\n' });
    expect(textOfFile('s.yaml', bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: 'a' });
    expect(textOfFile('empty.yaml', bytes())).toEqual({ text: '' });
  });

  it('refuses a file with a NUL byte (a binary file)', () => {
    expect(textOfFile('image.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a))).toEqual({
      problem: '"image.png" was not opened: it is not a text file (it has a NUL byte at offset 4). Open the MiniCluster\'s YAML file.',
    });
  });

  it('refuses bytes that are not UTF-8, saying where', () => {
    // "ab" then a Latin-1 é (0xe9) followed by ASCII: not a valid sequence.
    const latin1 = textOfFile('latin1.yaml', bytes(0x61, 0x62, 0xe9, 0x20, 0x63));
    expect('problem' in latin1 && latin1.problem).toMatch(/^"latin1\.yaml" was not opened: it is not UTF-8 text \(the byte at offset 2 is not valid UTF-8\)/);
    const lone = textOfFile('x.yaml', bytes(0x61, 0xff));
    expect('problem' in lone && lone.problem).toContain('offset 1');
    const cut = textOfFile('cut.yaml', bytes(0x61, 0xe2, 0x9c));
    expect('problem' in cut && cut.problem).toContain('offset 1');
    // A whole two-byte character, then a byte no character starts with.
    const after = textOfFile('y.yaml', bytes(0xc3, 0xa9, 0xff));
    expect('problem' in after && after.problem).toContain('offset 2');
  });

  it('refuses more bytes than the limit', () => {
    const over = textOfFile('big.yaml', new Uint8Array(DEFAULT_MAX_BYTES + 1).fill(0x61));
    expect(over).toHaveProperty('problem');
  });
});

describe('the file name shown and downloaded', () => {
  it('is the last path part, without control characters', () => {
    expect(shownFileName('my spec (1).yaml')).toBe('my spec (1).yaml');
    expect(shownFileName('C:\\specs\\lammps.yaml')).toBe('lammps.yaml');
    expect(shownFileName('a/b\u0007.yaml')).toBe('b.yaml');
    expect(shownFileName('  ')).toBe('minicluster.yaml');
  });
});
