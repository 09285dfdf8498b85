import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { parseSpecText, type ParsedText } from './index.ts';

const HEAD = 'apiVersion: flux-framework.org/v1alpha2\nkind: MiniCluster\n';

function only(r: ParsedText, code: string): Diagnostic[] {
  return r.diagnostics.filter((d) => d.code === code);
}

function at(d: Diagnostic | undefined): string {
  return d ? `${d.line}:${d.column}-${d.endLine}:${d.endColumn}` : 'none';
}

function errors(r: ParsedText): Diagnostic[] {
  return r.diagnostics.filter((d) => d.severity === 'error');
}

function valueOf(scalar: string): unknown {
  const r = parseSpecText(`v: ${scalar}\n`);
  expect(errors(r)).toEqual([]);
  return (r.value as Record<string, unknown>).v;
}

describe('YAML 1.1 resolution, as Kubernetes reads it', () => {
  const cases: Array<[string, unknown]> = [
    ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((s): [string, unknown] => [s, true]),
    ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((s): [string, unknown] => [s, false]),
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['', null],
    ['0777', 511],
    ['-0777', -511],
    ['0x1F', 31],
    // yaml.v2 leaves base-60 numbers as text, unlike the YAML 1.1 spec.
    ['1:20', '1:20'],
    ['1_000', 1000],
    ['0b101', 5],
    ['+12', 12],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['08', 8],
    // Spellings Go's strconv.ParseInt(s, 0, 64) reads (yaml.v2) but the yaml package's 1.1 schema does not.
    ['0o17', 15],
    ['0X1F', 31],
    ['0B11', 3],
    ['-0o17', -15],
    // Spellings the yaml package reads as NaN/Infinity but yaml.v2 keeps as text.
    ['.', '.'],
    ['-.', '-.'],
    ['1e400', '1e400'],
    // Not special in either version.
    ['yess', 'yess'],
    ['0x', '0x'],
    ['0b2', '0b2'],
    ['ghcr.io/rse-ops/lammps:tag-latest', 'ghcr.io/rse-ops/lammps:tag-latest'],
  ];
  it.each(cases)('%s → %j', (text, expected) => {
    expect(valueOf(text)).toEqual(expected);
  });

  it('keeps quoted and !!str-tagged text as text', () => {
    expect(valueOf('"yes"')).toBe('yes');
    expect(valueOf("'0777'")).toBe('0777');
    expect(valueOf('!!str yes')).toBe('yes');
    expect(valueOf('!!str 0x1F')).toBe('0x1F');
  });

  it('resolves !!int and !!float text like yaml.v2', () => {
    expect(valueOf('!!int "12"')).toBe(12);
    expect(valueOf('!!float 1')).toBe(1);
    expect(valueOf('!!int 0x1F')).toBe(31);
    const r = parseSpecText('v: !!float abc\n');
    expect(only(r, 'yaml-syntax')).toHaveLength(1);
    expect(at(only(r, 'yaml-syntax')[0])).toBe('1:12-1:15');
  });

  it('turns keys into the strings of the JSON round trip', () => {
    const r = parseSpecText('y: 1\non: 2\noff: 3\nN: 4\n7: 5\n0x1F: 6\n2.5: 7\ntrue: 8\n"yes": 9\n');
    // y and on are both the boolean true, so the later one wins (and is reported as a duplicate).
    expect(r.value).toEqual({ true: 8, false: 4, '7': 5, '31': 6, '2.5': 7, yes: 9 });
  });

  it('reads the file as YAML 1.1 whatever its %YAML directive says', () => {
    const r = parseSpecText('%YAML 1.2\n---\na: yes\n');
    expect(r.value).toEqual({ a: true });
  });

  it('keeps timestamps as written, as yaml.v2 does when decoding into interface{}', () => {
    const r = parseSpecText('a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00\nc: 2001-12-14 21:59:43.10 -5\nd: !!timestamp 2002-12-14\n');
    expect(r.value).toEqual({
      a: '2001-12-14',
      b: '2001-12-14t21:59:43.10-05:00',
      c: '2001-12-14 21:59:43.10 -5',
      d: '2002-12-14',
    });
    // An explicit !!timestamp is kept as written too, but no spec field takes a date.
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml-tag', path: 'd', line: 4, column: 16 })]);
  });

  it('converts !!binary, !!set, !!omap and !!pairs to their JSON form', () => {
    const r = parseSpecText('e: !!binary aGVsbG8=\nf: !!set {a, b}\ng: !!omap [x: 1, z: 2]\nh: !!pairs [x: 1, x: 2]\n');
    expect(r.value).toEqual({
      e: 'hello',
      f: { a: null, b: null },
      g: [{ x: 1 }, { z: 2 }],
      h: [{ x: 1 }, { x: 2 }],
    });
    // Bytes are no spec field's value: the !!binary is an error, where it is.
    expect(errors(r)).toEqual([expect.objectContaining({ code: 'yaml-tag', path: 'e', line: 1, column: 13 })]);
  });

  it('reports values JSON cannot hold (infinity, NaN) and keys it cannot hold (null, collections)', () => {
    const r = parseSpecText('a: .inf\nb: -.Inf\nc: .nan\n~: x\n? [k]\n: y\n');
    expect(r.value).toEqual({ a: null, b: null, c: null });
    const d = only(r, 'non-json-value');
    expect(d.map(at)).toEqual(['1:4-1:8', '2:4-2:9', '3:4-3:8', '4:1-4:2', '5:3-5:6']);
    expect(d.every((x) => x.severity === 'error')).toBe(true);
    expect(d[0]!.message).toContain('write ".inf" in quotes');
    expect(d[0]!.path).toBe('a');
  });
});

describe('yaml11-scalar warnings', () => {
  it('gives the example message for yes', () => {
    const r = parseSpecText(`${HEAD}spec:\n  interactive: yes\n`);
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'yaml11-scalar',
        path: 'spec.interactive',
        message: 'Kubernetes reads yes as the boolean true (YAML 1.1); write "yes" in quotes for the text',
        line: 4,
        column: 16,
        endLine: 4,
        endColumn: 19,
      },
    ]);
  });

  it('warns for every plain scalar whose meaning differs between 1.1 and 1.2, with its position', () => {
    const text = [
      'a: no', // 1
      'b: 0777', // 2
      'c: 1:20', // 3: text in yaml.v2 and in YAML 1.2, so no difference
      'd: 0b101', // 4
      'e: 1_000', // 5
      'f: [on, Off, y]', // 6
      'n: 1', // 7: key n is false
      'g: "yes"', // 8: quoted, fine
      'h: !!str on', // 9: tagged, fine
      'i: true', // 10: same in both
      'j: 0x1F', // 11: same in both
      'k: 12', // 12
      'l: ~', // 13
      'm: 2001-12-14', // 14: kept as text by yaml.v2, so no difference
      '',
    ].join('\n');
    const r = parseSpecText(text);
    const w = only(r, 'yaml11-scalar');
    expect(w.map((d) => `${d.path}@${at(d)}`)).toEqual([
      'a@1:4-1:6',
      'b@2:4-2:8',
      'd@4:4-4:9',
      'e@5:4-5:9',
      'f[0]@6:5-6:7',
      'f[1]@6:9-6:12',
      'f[2]@6:14-6:15',
      'false@7:1-7:2',
    ]);
    expect(w.every((d) => d.severity === 'warning')).toBe(true);
    const msg = (path: string) => w.find((d) => d.path === path)?.message;
    expect(msg('a')).toBe('Kubernetes reads no as the boolean false (YAML 1.1); write "no" in quotes for the text');
    expect(msg('b')).toBe(
      'Kubernetes reads 0777 as the octal number 511 (YAML 1.1), while YAML 1.2 tools read 777; write 0o777 for the octal number, 777 for the decimal one, or "0777" in quotes for the text',
    );
    expect(msg('c')).toBeUndefined();
    expect(msg('d')).toBe('Kubernetes reads 0b101 as the number 5 (YAML 1.1); write "0b101" in quotes for the text');
    expect(msg('e')).toBe('Kubernetes reads 1_000 as the number 1000 (YAML 1.1); write "1_000" in quotes for the text');
    expect(msg('false')).toBe(
      'Kubernetes reads the key n as the boolean false (YAML 1.1), which becomes the key "false"; write "n" in quotes to keep the key n',
    );
  });

  it('warns once for a value reached through an alias (at the anchor)', () => {
    const r = parseSpecText('a: &x yes\nb: *x\nc: *x\n');
    expect(only(r, 'yaml11-scalar').map(at)).toEqual(['1:7-1:10']);
    expect(r.value).toEqual({ a: true, b: true, c: true });
  });
});

describe('duplicate keys', () => {
  it('keeps the last value and warns at each earlier key, naming the line of the winner', () => {
    const r = parseSpecText('a: 1\nb: 2\na: 3\na: 4\n');
    expect(r.value).toEqual({ a: 4, b: 2 });
    const d = only(r, 'duplicate-key');
    expect(d.map(at)).toEqual(['1:1-1:2', '3:1-3:2']);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.path).toBe('a');
    expect(d[0]!.message).toBe(
      'The key "a" appears again on line 4 in the same mapping; Kubernetes keeps only the last one (line 4) and ignores this one. Remove one of them.',
    );
  });

  it('reports nested duplicates with their path', () => {
    const r = parseSpecText('spec:\n  containers:\n    - name: a\n      image: x\n      name: b\n');
    const d = only(r, 'duplicate-key');
    expect(d).toHaveLength(1);
    expect(d[0]!.path).toBe('spec.containers[0].name');
    expect(at(d[0])).toBe('3:7-3:11');
    expect(r.value).toEqual({ spec: { containers: [{ name: 'b', image: 'x' }] } });
  });

  it('compares keys after their JSON conversion (y and true are the same key)', () => {
    const r = parseSpecText('y: 1\ntrue: 2\n');
    expect(r.value).toEqual({ true: 2 });
    expect(only(r, 'duplicate-key').map(at)).toEqual(['1:1-1:2']);
  });

  it('does not count keys brought in by a merge as duplicates', () => {
    const r = parseSpecText('base: &b {a: 1}\nc:\n  <<: *b\n  a: 2\n');
    expect(only(r, 'duplicate-key')).toEqual([]);
  });
});

describe('merge keys (yaml.v2 order)', () => {
  it('lets merged keys overwrite keys above the << and keys below overwrite merged ones', () => {
    const r = parseSpecText('base: &b {x: 1, z: 1}\nd:\n  x: 0\n  <<: *b\n  z: 9\n');
    expect(r.value).toEqual({ base: { x: 1, z: 1 }, d: { x: 1, z: 9 } });
  });

  it('gives earlier maps of a merge list precedence', () => {
    const r = parseSpecText('a: &a {k: 1}\nb: &b {k: 2, m: 2}\nc:\n  <<: [*a, *b]\n');
    expect(r.value).toEqual({ a: { k: 1 }, b: { k: 2, m: 2 }, c: { k: 1, m: 2 } });
  });

  it('treats a quoted "<<" as an ordinary key', () => {
    expect(parseSpecText('"<<": {a: 1}\n').value).toEqual({ '<<': { a: 1 } });
  });

  it('reports a merge of something that is not a mapping', () => {
    const r = parseSpecText('a: &a [1]\nb:\n  <<: *a\n');
    expect(only(r, 'bad-merge').map(at)).toEqual(['3:7-3:9']);
  });
});

describe('aliases', () => {
  it('builds every alias as an independent copy', () => {
    const r = parseSpecText('base: &b {env: {A: "1"}}\nc: *b\nd: *b\n');
    const v = r.value as Record<string, { env: Record<string, string> }>;
    expect(v.c).toEqual({ env: { A: '1' } });
    v.c!.env.A = 'changed';
    expect(v.d!.env.A).toBe('1');
    expect(v.base!.env.A).toBe('1');
  });

  it('accepts anchors and aliases on keys', () => {
    expect(parseSpecText('&k name: a\nb:\n  *k : c\n').value).toEqual({ name: 'a', b: { name: 'c' } });
  });

  it('uses the most recent anchor of a name', () => {
    expect(parseSpecText('a: &x 1\nb: &x 2\nc: *x\n').value).toEqual({ a: 1, b: 2, c: 2 });
  });

  it('reports an alias without anchor', () => {
    const r = parseSpecText('a: *nope\n');
    const d = only(r, 'yaml-syntax');
    expect(d.map(at)).toEqual(['1:4-1:9']);
    expect(d[0]!.message).toContain('no anchor &nope');
  });

  it('reports an alias inside its own anchor instead of looping', () => {
    const r = parseSpecText('a: &a [1, *a]\n');
    expect(only(r, 'alias-cycle').map(at)).toEqual(['1:11-1:13']);
    expect(r.value).toEqual({ a: [1, null] });
  });

  const laughs = (() => {
    let s = 'l0: &l0 [lol]\n';
    for (let i = 1; i <= 10; i++) s += `l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
    return s;
  })();

  it('stops a billion-laughs document at the alias count limit, quickly', () => {
    const r = parseSpecText(laughs);
    expect(r.value).toBeUndefined();
    const d = only(r, 'alias-limit');
    expect(d).toHaveLength(1);
    // l1 uses 10 aliases and every *l1 in l2 uses 11 (itself and its ten *l0), so the ninth *l1
    // (l2[8], line 3) is the one whose expansion crosses 100.
    expect(at(d[0])).toBe('3:50-3:53');
    expect(d[0]!.path).toBe('l2[8]');
    expect(d[0]!.severity).toBe('error');
    expect(d[0]!.message).toContain('more than 100 times');
  });

  it('also caps the number of values alias expansion creates', () => {
    const r = parseSpecText(laughs, { maxAliasCount: 1e9 });
    expect(r.value).toBeUndefined();
    const d = only(r, 'alias-limit');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain('more than 10000 values');
    expect(d[0]!.line).toBe(5);
  });

  it('honours maxAliasCount and maxAliasNodes', () => {
    expect(only(parseSpecText('a: &a 1\nb: *a\n', { maxAliasCount: 0 }), 'alias-limit').map(at)).toEqual(['2:4-2:6']);
    expect(parseSpecText('a: &a 1\nb: *a\n', { maxAliasCount: 1 }).value).toEqual({ a: 1, b: 1 });
    const r = parseSpecText('a: &a [1, 2, 3]\nb: *a\n', { maxAliasNodes: 3 });
    expect(only(r, 'alias-limit')).toHaveLength(1);
  });
});

describe('more than one document', () => {
  it('uses the first document and warns at the start of the second', () => {
    const r = parseSpecText(`${HEAD}metadata:\n  name: a\n---\nkind: Other\n`);
    expect(r.value).toEqual({ apiVersion: 'flux-framework.org/v1alpha2', kind: 'MiniCluster', metadata: { name: 'a' } });
    const d = only(r, 'extra-document');
    expect(d.map(at)).toEqual(['5:1-5:4']);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.message).toContain('everything from line 5 on is ignored');
  });

  it('ignores syntax errors in later documents', () => {
    const r = parseSpecText('a: 1\n...\n---\nb: [\n\tc: "\n');
    expect(r.value).toEqual({ a: 1 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['extra-document']);
    expect(at(r.diagnostics[0])).toBe('3:1-3:4');
  });
});

describe('syntax errors', () => {
  const syntax = (text: string) => {
    const r = parseSpecText(text);
    const d = only(r, 'yaml-syntax');
    expect(d.every((x) => x.severity === 'error' && x.path === '')).toBe(true);
    return d;
  };

  it('tab as indentation', () => {
    const d = syntax('spec:\n\tsize: 4\n');
    expect(d.map(at)).toEqual(['2:1-2:2']);
    expect(d[0]!.message).toBe('A tab is used for indentation here; YAML only allows spaces for indentation. Replace the tab with spaces.');
  });

  it('a key indented less than its siblings', () => {
    const d = syntax('spec:\n    size: 4\n  tasks: 2\n');
    expect(d.map(at)).toEqual(['3:1-3:2']);
    expect(d[0]!.message).toContain('not aligned with the keys above it');
  });

  it('a line indented more than its siblings', () => {
    const d = syntax('spec:\n  size: 4\n   tasks: 2\n');
    expect(d).toHaveLength(1);
    expect(d[0]!.line).toBe(2);
    expect(d[0]!.message).toContain('line 3 is indented differently');
  });

  it('a list item out of line with the others', () => {
    const d = syntax('spec:\n  containers:\n  - image: a\n    command: x\n   - image: b\n');
    expect(d.map(at)).toEqual(['5:4-5:5']);
    expect(d[0]!.message).toContain("'- ' list item is not aligned");
  });

  it('an unclosed double or single quote, at the opening quote', () => {
    const d = syntax('metadata:\n  name: "flux-sample\nspec:\n  size: 4\n');
    expect(d.map(at)).toEqual(['2:9-2:10']);
    expect(d[0]!.message).toContain('never closed');
    expect(syntax("metadata:\n  name: 'it''s\nspec:\n  size: 4\n").map(at)).toEqual(['2:9-2:10']);
  });

  it('a missing colon', () => {
    const d = syntax(`${HEAD}metadata:\n  name flux-sample\n  namespace: default\n`);
    expect(d.map(at)).toEqual(['4:3-5:12']);
    expect(d[0]!.message).toBe(
      "The text from line 4 to line 5 reads as one key spread over several lines. Most likely a ':' is missing after a key on line 4 (write 'key: value'), or line 5 is indented differently from the lines around it.",
    );
  });

  it('a list item where a mapping continues', () => {
    const d = syntax('a: 1\n- b\n');
    expect(d.map(at)).toEqual(['2:1-2:1']);
    expect(d[0]!.message).toContain("A list item ('- ') appears where the mapping expects 'key: value' entries");
    // The recovered structure's empty key is an artefact of the same mistake, not a second error.
    expect(errors(parseSpecText('a: 1\n- b\n'))).toHaveLength(1);
  });

  it('a second colon on one line', () => {
    const d = syntax('a: b: c\n');
    expect(d.map(at)).toEqual(['1:4-1:5']);
    expect(d[0]!.message).toContain('put the whole value in quotes');
  });

  it("an unclosed '[' or '{', at the bracket", () => {
    const d = syntax('spec:\n  tasks: [1, 2\n  size: 4\n');
    expect(d.map(at)).toEqual(['2:10-2:11']);
    expect(d[0]!.message).toBe(
      "This '[' is never closed: add the closing ']' where the list ends, and indent any continuation lines more than the parent key.",
    );
    expect(syntax('spec: {size: 4\nkind: x\n').map(at)).toEqual(['1:7-1:8']);
  });

  it('a value starting with a reserved character, and text after a quoted value', () => {
    expect(syntax('spec:\n  name: @foo\n').map((x) => `${at(x)} ${x.message}`)).toEqual([
      '2:9-2:10 A value cannot start with @ unless it is quoted; put the whole value in quotes, e.g. "@...".',
    ]);
    expect(syntax('a: "x" y\n').map(at)).toEqual(['1:8-1:9']);
  });

  it('reports all problems at once and still returns the recovered value', () => {
    const r = parseSpecText(`${HEAD}metadata:\n\tname: x\nspec:\n  size: @4\n  tasks: [1, 2\n  logging: {a: yes}\n`);
    expect(errors(r).map((d) => `${d.code}@${at(d)}`)).toEqual([
      'yaml-syntax@4:1-4:2',
      'yaml-syntax@6:9-6:10',
      'yaml-syntax@7:10-7:11',
    ]);
    expect(only(r, 'yaml11-scalar').map(at)).toEqual(['8:16-8:19']);
    expect(r.value).toMatchObject({ kind: 'MiniCluster', spec: { size: '@4', tasks: [1, 2] } });
  });

  it('passes unknown tags on as a warning', () => {
    const r = parseSpecText('a: !foo 12\n');
    expect(r.value).toEqual({ a: '12' });
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}@${at(d)}`)).toEqual(['warning yaml-warning@1:4-1:8']);
  });
});

describe('input size', () => {
  it('refuses more than 1 MiB without parsing, quickly', () => {
    const big = `a: ${'x'.repeat(5 * 1024 * 1024)}`;
    expect(big.charCodeAt(big.length - 1)).toBe(120); // make sure the string is built before timing
    const r = parseSpecText(big);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'too-large',
        path: '',
        message:
          'The file is 5.0 MiB (5,242,883 bytes), more than the limit of 1 MiB (1,048,576 bytes); a MiniCluster spec is normally a few KiB. It was not read.',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = `a: ${'é'.repeat(40)}\n`; // 44 characters, 84 bytes
    expect(parseSpecText(text, { maxBytes: 84 }).diagnostics).toEqual([]);
    const r = parseSpecText(text, { maxBytes: 83 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['too-large']);
    expect(r.diagnostics[0]!.message).toContain('84 bytes');
    expect(r.diagnostics[0]!.message).toContain('83 bytes');
  });
});

describe('empty and non-mapping documents', () => {
  it.each(['', '   \n\n', '# only a comment\n\n# and another\n', '---\n', '---\n...\n'])('%j is empty', (text) => {
    const r = parseSpecText(text);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}@${at(d)}`)).toEqual(['error empty@1:1-1:1']);
    expect(r.diagnostics[0]!.message).toContain('"apiVersion: flux-framework.org/v1alpha2"');
    expect(r.diagnostics[0]!.message).toContain('"kind: MiniCluster"');
  });

  it('says so when the first of several documents is empty', () => {
    const r = parseSpecText(`---\n---\n${HEAD}`);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.code}@${at(d)}`)).toEqual(['empty@1:1-1:1', 'extra-document@2:1-2:4']);
    expect(r.diagnostics[0]!.message).toContain('The first YAML document of the file is empty');
  });

  it('rejects a list', () => {
    const r = parseSpecText('# spec\n- apiVersion: flux-framework.org/v1alpha2\n  kind: MiniCluster\n');
    expect(r.value).toBeUndefined();
    const d = only(r, 'not-a-mapping');
    expect(d.map(at)).toEqual(['2:1-2:42']);
    expect(d[0]!.message).toContain("remove the dash");
  });

  it('rejects a scalar', () => {
    const r = parseSpecText('kind MiniCluster\n');
    expect(r.value).toBeUndefined();
    expect(only(r, 'not-a-mapping').map(at)).toEqual(['1:1-1:17']);
    expect(only(r, 'not-a-mapping')[0]!.message).toContain('the single text "kind MiniCluster"');
    expect(only(parseSpecText('~\n'), 'not-a-mapping')).toHaveLength(1);
  });
});

describe('prototype safety', () => {
  it('keeps __proto__ as an own key and never touches Object.prototype', () => {
    const r = parseSpecText('__proto__: {polluted: 1}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const v = r.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ polluted: 1 });
    expect((v as { polluted?: unknown }).polluted).toBeUndefined();
    expect(r.diagnostics).toEqual([]);
  });

  it('handles __proto__, constructor and prototype keys anywhere, including merges and flow maps', () => {
    const r = parseSpecText(
      'a: {__proto__: {polluted: 2}, constructor: {prototype: {polluted: 3}}}\n' +
        'b: &b\n  __proto__: {polluted: 4}\nc:\n  <<: *b\nd: [{__proto__: 5}]\n',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const v = r.value as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(v.a)).toBe(Object.prototype);
    expect(Object.keys(v.a!)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(v.c, '__proto__')?.value).toEqual({ polluted: 4 });
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});

describe('nesting depth', () => {
  it('refuses runaway nesting quickly instead of overflowing the stack', () => {
    for (const text of [`a: ${'['.repeat(300_000)}`, `a:\n${'- '.repeat(100_000)}1\n`, `a: ${'{a: '.repeat(50_000)}`]) {
      const r = parseSpecText(text);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    }
  });

  it('accepts reasonable depth', () => {
    const r = parseSpecText(`a: ${'['.repeat(200)}${']'.repeat(200)}\n`);
    expect(errors(r)).toEqual([]);
  });
});

describe('positions', () => {
  const text = [
    'apiVersion: flux-framework.org/v1alpha2', // 1
    'kind: MiniCluster', // 2
    'metadata:', // 3
    '  name: flux-sample', // 4
    'spec:', // 5
    '  size: 4', // 6
    '  containers:', // 7
    '    - image: ghcr.io/x', // 8
    '      command: |', // 9
    '        echo one', // 10
    '        echo two', // 11
    '      name: "quoted"', // 12
    '    - image: y', // 13
    '  pod:', // 14
    '  logging:', // 15
    '    quiet: true', // 16
    '  flux:', // 17
    '    container: {image: "img:1"}', // 18
    '',
  ].join('\n');
  const r = parseSpecText(text);

  it('locates values, keys and sequence items', () => {
    expect(r.diagnostics.map((d) => `${d.code}@${at(d)}`)).toEqual(['yaml11-scalar@13:14-13:15']);
    expect(r.locate(['metadata', 'name'])).toEqual({ line: 4, column: 9, endLine: 4, endColumn: 20 });
    expect(r.locateKey(['metadata', 'name'])).toEqual({ line: 4, column: 3, endLine: 4, endColumn: 7 });
    expect(r.locate(['spec', 'size'])).toEqual({ line: 6, column: 9, endLine: 6, endColumn: 10 });
    expect(r.locate(['spec', 'containers', 0, 'image'])).toEqual({ line: 8, column: 14, endLine: 8, endColumn: 23 });
    expect(r.locate(['spec', 'containers', 0, 'name'])).toEqual({ line: 12, column: 13, endLine: 12, endColumn: 21 });
    expect(r.locate(['spec', 'containers', 1])).toEqual({ line: 13, column: 7, endLine: 14, endColumn: 1 });
    expect(r.locateKey(['spec', 'containers', 1])).toEqual(r.locate(['spec', 'containers', 1]));
    expect(r.locate(['spec', 'containers', '1', 'image'])).toEqual({ line: 13, column: 14, endLine: 13, endColumn: 15 });
    expect(r.locate(['spec', 'flux', 'container', 'image'])).toEqual({ line: 18, column: 24, endLine: 18, endColumn: 31 });
  });

  it('keeps lines right after a block scalar', () => {
    expect(r.locate(['spec', 'containers', 0, 'command'])).toEqual({ line: 9, column: 16, endLine: 12, endColumn: 1 });
    expect(r.locateKey(['spec', 'containers', 0, 'name'])).toEqual({ line: 12, column: 7, endLine: 12, endColumn: 11 });
  });

  it('points a key without value at the key', () => {
    expect(r.locate(['spec', 'pod'])).toEqual({ line: 14, column: 3, endLine: 14, endColumn: 6 });
    expect(r.isPlainScalar(['spec', 'pod'])).toBe(false);
  });

  it('points a missing path at the key of its closest existing parent', () => {
    expect(r.locate(['spec', 'network', 'headlessName'])).toEqual({ line: 5, column: 1, endLine: 5, endColumn: 5 });
    expect(r.locate(['spec', 'containers', 0, 'workingDir'])).toEqual({ line: 8, column: 7, endLine: 8, endColumn: 23 });
    expect(r.locate(['spec', 'containers', 7])).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 13 });
    expect(r.locate(['status'])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 40 });
    expect(r.locate(['metadata', 'name', 'deeper'])).toEqual(r.locateKey(['metadata', 'name']));
  });

  it('tells plain scalars from quoted ones', () => {
    expect(r.isPlainScalar(['metadata', 'name'])).toBe(true);
    expect(r.isPlainScalar(['spec', 'size'])).toBe(true);
    expect(r.isPlainScalar(['spec', 'containers', 0, 'name'])).toBe(false);
    expect(r.isPlainScalar(['spec', 'containers', 0, 'command'])).toBe(false);
    expect(r.isPlainScalar(['spec', 'containers'])).toBe(false);
    expect(r.isPlainScalar(['spec', 'nope'])).toBe(false);
    expect(parseSpecText('a: !!str x\n').isPlainScalar(['a'])).toBe(false);
  });

  it('follows duplicates, key conversion, merges and aliases like the value does', () => {
    const p = parseSpecText('base: &b\n  image: x\n  env: {A: "1"}\nc:\n  <<: *b\n  name: n1\nd: *b\na: 1\na: 2\ny: 3\n');
    expect(p.locate(['c', 'image'])).toEqual({ line: 2, column: 10, endLine: 2, endColumn: 11 });
    expect(p.locate(['c', 'env', 'A'])).toEqual({ line: 3, column: 12, endLine: 3, endColumn: 15 });
    expect(p.locate(['d', 'image'])).toEqual({ line: 2, column: 10, endLine: 2, endColumn: 11 });
    expect(p.locate(['d'])).toEqual({ line: 7, column: 4, endLine: 7, endColumn: 6 });
    expect(p.locate(['a'])).toEqual({ line: 9, column: 4, endLine: 9, endColumn: 5 });
    expect(p.locateKey(['true'])).toEqual({ line: 10, column: 1, endLine: 10, endColumn: 2 });
  });

  it('counts columns on CRLF files and after a byte order mark', () => {
    expect(only(parseSpecText('a: 1\r\nb: yes\r\n'), 'yaml11-scalar').map(at)).toEqual(['2:4-2:7']);
    expect(parseSpecText('\ufeffa: yes\n').locateKey(['a'])).toEqual({ line: 1, column: 2, endLine: 1, endColumn: 3 });
  });

  it('answers locate calls on unusable input without throwing', () => {
    const empty = parseSpecText('');
    expect(empty.locate(['spec'])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
    const big = parseSpecText('a: 1\n', { maxBytes: 2 });
    expect(big.locateKey(['a'])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(big.isPlainScalar(['a'])).toBe(false);
  });
});

describe('a tag of single values on a mapping or a list', () => {
  it.each(['!!timestamp', '!!str', '!!int', '!!bool', '!!binary'])('%s on a list or a mapping is one error at that value', (tag) => {
    for (const [value, what] of [['[ 6379 ]', 'list'], ['{ a: 1 }', 'mapping']] as const) {
      const { diagnostics } = parseSpecText(`spec:\n  ports: ${tag} ${value}\n`);
      expect(diagnostics.map((d) => [d.severity, d.code, d.path, d.line])).toEqual([['error', 'yaml-tag', 'spec.ports', 2]]);
      expect(diagnostics[0]?.message).toContain(`The tag ${tag} is for a single value, but this is a ${what}`);
    }
  });

  it('leaves the collection tags alone', () => {
    expect(parseSpecText('spec:\n  ports: !!seq [ 1 ]\n  flux: !!map { a: 1 }\n').diagnostics).toEqual([]);
  });
});
