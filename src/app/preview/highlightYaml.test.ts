import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightYaml, plainScalarKind, tokenLines, type YamlToken, type YamlTokenKind } from './highlightYaml.ts';

const joined = (tokens: YamlToken[]) => tokens.map((token) => token.text).join('');

/** The kind of the token that holds the first occurrence of `needle` (which must be inside one token). */
function kindOf(tokens: YamlToken[], needle: string, from = 0): YamlTokenKind | undefined {
  const text = joined(tokens);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not in the input: ${needle}`);
  let offset = 0;
  for (const token of tokens) {
    if (at >= offset && at + needle.length <= offset + token.text.length) return token.kind;
    offset += token.text.length;
  }
  return undefined;
}

const MANIFEST = `---
apiVersion: batch/v1
kind: Job
metadata:
  name: flux-sample
  labels:
    app.kubernetes.io/name: flux-sample
    "quoted.key/name": 'single'
    'single key': "double \\"escaped\\" # not a comment"
spec:
  completions: 4
  parallelism: 4.5
  suspend: false
  ttl: null
  ratio: -1e3
  empty: {}
  list: []
  # a comment line
  template: # trailing comment
    spec:
      containers:
      - name: flux-sample
        command:
        - /bin/bash
        - -c
        - |
          echo one: two # not a comment
          \techo tabbed
        args: [a, "b c", 3]
        env: {FOO: bar, N: 1}
      restartPolicy: OnFailure
data:
  script: |-
    #!/bin/sh
      indented more

    after a blank line
  next: value
  folded: >+
    folded text
...
`;

describe('highlightYaml', () => {
  it('gives back the input exactly', () => {
    expect(joined(highlightYaml(MANIFEST))).toBe(MANIFEST);
    for (const text of ['', '\n', 'a', 'key:', '- ', '"open', "'it''s", 'a: |\n', 'x\r\ny: 1\r\n', '\t\t', ': :', '{[', '}]']) {
      expect(joined(highlightYaml(text))).toBe(text);
    }
  });

  it('gives back any input exactly (property)', () => {
    const alphabet = fc.constantFrom(...'ab1 :-#|>\'"[]{},\n\t\r&*!?%.~0'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((chars) => chars.join('')), (text) => {
        const tokens = highlightYaml(text);
        expect(joined(tokens)).toBe(text);
        expect(tokens.every((token) => token.text !== '')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('merges neighbours of the same kind', () => {
    const tokens = highlightYaml(MANIFEST);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]?.kind).not.toBe(tokens[i - 1]?.kind);
  });

  it('classifies keys, values, comments and punctuation', () => {
    const tokens = highlightYaml(MANIFEST);
    expect(kindOf(tokens, '---')).toBe('document');
    expect(kindOf(tokens, 'apiVersion')).toBe('key');
    expect(kindOf(tokens, 'batch/v1')).toBe('string');
    expect(kindOf(tokens, 'app.kubernetes.io/name')).toBe('key');
    expect(kindOf(tokens, '"quoted.key/name"')).toBe('key');
    expect(kindOf(tokens, "'single'")).toBe('string');
    expect(kindOf(tokens, "'single key'")).toBe('key');
    expect(kindOf(tokens, '"double \\"escaped\\" # not a comment"')).toBe('string');
    expect(kindOf(tokens, '4', MANIFEST.indexOf('completions'))).toBe('number');
    expect(kindOf(tokens, '4.5')).toBe('number');
    expect(kindOf(tokens, '-1e3')).toBe('number');
    expect(kindOf(tokens, 'false')).toBe('bool');
    expect(kindOf(tokens, 'null')).toBe('bool');
    expect(kindOf(tokens, '{}')).toBe('punct');
    expect(kindOf(tokens, '[]')).toBe('punct');
    expect(kindOf(tokens, '# a comment line')).toBe('comment');
    expect(kindOf(tokens, '# trailing comment')).toBe('comment');
    expect(kindOf(tokens, 'OnFailure')).toBe('string');
    expect(kindOf(tokens, '...')).toBe('document');
    const dash = MANIFEST.indexOf('- name');
    expect(kindOf(tokens, '-', dash)).toBe('punct');
    expect(kindOf(tokens, 'name', dash)).toBe('key');
    expect(kindOf(tokens, '/bin/bash')).toBe('string');
    expect(kindOf(tokens, '-c')).toBe('string');
  });

  it('reads block scalars: header, content (tabs, blank lines, deeper indentation) and where they end', () => {
    const tokens = highlightYaml(MANIFEST);
    expect(kindOf(tokens, '|', MANIFEST.indexOf('- |'))).toBe('indicator');
    expect(kindOf(tokens, 'echo one: two # not a comment')).toBe('block');
    expect(kindOf(tokens, '\techo tabbed')).toBe('block');
    expect(kindOf(tokens, 'args')).toBe('key');
    expect(kindOf(tokens, '|-')).toBe('indicator');
    expect(kindOf(tokens, '#!/bin/sh')).toBe('block');
    expect(kindOf(tokens, '  indented more')).toBe('block');
    expect(kindOf(tokens, 'after a blank line')).toBe('block');
    expect(kindOf(tokens, 'next')).toBe('key');
    expect(kindOf(tokens, '>+')).toBe('indicator');
    expect(kindOf(tokens, 'folded text')).toBe('block');
  });

  it('reads flow collections', () => {
    const tokens = highlightYaml(MANIFEST);
    expect(kindOf(tokens, '"b c"')).toBe('string');
    expect(kindOf(tokens, '3', MANIFEST.indexOf('"b c"'))).toBe('number');
    expect(kindOf(tokens, 'FOO')).toBe('key');
    expect(kindOf(tokens, 'bar')).toBe('string');
    expect(kindOf(tokens, ',', MANIFEST.indexOf('FOO'))).toBe('punct');
  });

  it('ends a block scalar at a less indented line, also at the top level and after a sequence dash', () => {
    const text = 'a: |\n  x: 1\nb: 2\nc:\n- |\n  in: block\n- d: 3\n';
    const tokens = highlightYaml(text);
    expect(kindOf(tokens, 'x: 1')).toBe('block');
    expect(kindOf(tokens, 'b')).toBe('key');
    expect(kindOf(tokens, 'in: block')).toBe('block');
    expect(kindOf(tokens, 'd')).toBe('key');
    expect(kindOf(tokens, '3')).toBe('number');
  });

  it('takes the content indentation from an explicit indicator', () => {
    const text = 'k:\n  s: |2\n       leading spaces\n     x\n  t: 1\n';
    const tokens = highlightYaml(text);
    expect(kindOf(tokens, 'leading spaces')).toBe('block');
    expect(kindOf(tokens, '     x')).toBe('block');
    expect(kindOf(tokens, 't')).toBe('key');
  });

  it('keeps a quoted scalar that spans lines a string', () => {
    const text = 'cert: "first\n  second # still\n  third"\nnext: 1\n';
    const tokens = highlightYaml(text);
    expect(kindOf(tokens, 'second # still')).toBe('string');
    expect(kindOf(tokens, 'third"')).toBe('string');
    expect(kindOf(tokens, 'next')).toBe('key');
  });

  it('does not take # inside a word or a URL colon for a comment or a key', () => {
    const text = 'url: http://example.com:8080/a#b\nimage: ghcr.io/x:tag\n';
    const tokens = highlightYaml(text);
    expect(kindOf(tokens, 'http://example.com:8080/a#b')).toBe('string');
    expect(kindOf(tokens, 'ghcr.io/x:tag')).toBe('string');
  });

  it('keeps CRLF line breaks', () => {
    const text = 'a: 1\r\nb: |\r\n  x\r\nc: true\r\n';
    const tokens = highlightYaml(text);
    expect(joined(tokens)).toBe(text);
    expect(kindOf(tokens, 'x')).toBe('block');
    expect(kindOf(tokens, 'true')).toBe('bool');
  });

  it('is fast on a large bundle', () => {
    const job = MANIFEST.repeat(200); // ~150 KB
    const started = performance.now();
    highlightYaml(job);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('plainScalarKind', () => {
  it('follows YAML 1.1 as kubectl reads it', () => {
    for (const text of ['true', 'False', 'yes', 'NO', 'on', 'off', 'y', 'N', '~', 'null']) expect(plainScalarKind(text)).toBe('bool');
    for (const text of ['0', '42', '-7', '+3', '1.5', '.5', '1e9', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '1_000']) {
      expect(plainScalarKind(text)).toBe('number');
    }
    for (const text of ['1.2.3', '4Gi', '500m', 'v1', 'yes please', '10.0.0.1', '-', '']) expect(plainScalarKind(text)).toBe('string');
  });
});

describe('tokenLines', () => {
  it('splits tokens into lines that give back the text, each ending with its line break', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a: b', '  - x', '\n', '|\n  line\n  two', '"q"', '   ', '# c'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const lines = tokenLines(highlightYaml(text));
        expect(lines.map((line) => joined(line)).join('')).toBe(text);
        for (const [i, line] of lines.entries()) {
          const lineText = joined(line);
          expect(lineText.indexOf('\n')).toBe(i < lines.length - 1 || text.endsWith('\n') ? lineText.length - 1 : -1);
          expect(line.length).toBeGreaterThan(0);
        }
        expect(lines.length).toBe(text.split('\n').length - (text.endsWith('\n') || text === '' ? 1 : 0));
      }),
    );
  });

  it('keeps the kind of a token that spans lines on each of its lines', () => {
    const lines = tokenLines(highlightYaml('script: |\n  echo one\n  echo two\nnext: 1\n'));
    expect(lines).toHaveLength(4);
    expect(lines[1]?.some((t) => t.kind === 'block' && t.text.includes('echo one'))).toBe(true);
    expect(lines[2]?.some((t) => t.kind === 'block' && t.text.includes('echo two'))).toBe(true);
    expect(lines[3]?.[0]).toEqual({ kind: 'key', text: 'next' });
  });
});
