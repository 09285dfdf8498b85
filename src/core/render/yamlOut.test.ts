import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, visit } from 'yaml';
import { sampleBundle } from './sampleBundle.test-data.ts';
import { yamlRoundTripProblems } from './roundTrip.ts';
import { isAmbiguousPlain, renderJson, renderYaml, renderYamlByYaml, writeFastFor } from './yamlOut.ts';

/** Every document of `text`, read by the `yaml` package as YAML 1.2 (core) and as YAML 1.1. */
function readBack(text: string, version: '1.1' | '1.2'): unknown[] {
  const docs = parseAllDocuments(text, { version });
  if (!Array.isArray(docs)) throw new Error('empty stream');
  return docs.map((doc) => {
    expect(doc.errors, text).toEqual([]);
    expect(doc.warnings, text).toEqual([]);
    return doc.toJS();
  });
}

function expectRoundTrip(objects: unknown[], opts?: Parameters<typeof renderYaml>[1]): string {
  const text = renderYaml(objects, opts);
  // Compared with the input itself, not a JSON copy: -0 must stay -0.
  expect(readBack(text, '1.2')).toEqual(objects);
  expect(readBack(text, '1.1')).toEqual(objects);
  return text;
}

/** The scalar text written for `value` under key `k` in a one-key document. */
function scalarText(value: string): string {
  const text = renderYaml([{ k: value }]);
  expect(text.startsWith('---\nk: ')).toBe(true);
  return text.slice('---\nk: '.length, -1);
}

/**
 * How `gopkg.in/yaml.v2` resolves an untagged plain scalar, written independently of the
 * renderer from the resolver's rules: a first-character hint picks a lookup table of words, Go
 * number parsing (underscores dropped, base prefixes, octal, hex floats, inf/infinity) or a
 * timestamp. `false` means the value would not come back as the same string.
 */
function yamlV2ReadsAsString(s: string): boolean {
  if (s === '') return false;
  const words = new Set([
    'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
    'on', 'On', 'ON', 'off', 'Off', 'OFF', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf',
    '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
  ]);
  if (words.has(s)) return false;
  const c = s[0] ?? '';
  if (!/[-+.0-9]/.test(c)) return true;
  const plain = s.replace(/_/g, '');
  const goInt = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
  const goFloat = /^[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][-+]?[0-9]+|inf|infinity)$/i;
  if (goInt.test(plain) || goFloat.test(plain)) return false;
  if (/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$/.test(s)) return false;
  return true;
}

/** Plain (unquoted, non-block) string scalars of a YAML text, keys included. */
function plainStrings(text: string): string[] {
  const out: string[] = [];
  for (const doc of parseAllDocuments(text) as ReturnType<typeof parseAllDocuments> & unknown[]) {
    visit(doc, {
      Scalar(_key, node) {
        if (node.type === 'PLAIN' && typeof node.value === 'string') out.push(node.source ?? node.value);
      },
    });
  }
  return out;
}

describe('renderYaml: document stream', () => {
  it('writes nothing for no objects', () => {
    expect(renderYaml([])).toBe('');
    expect(renderYaml([], { legacySeparator: true })).toBe('');
  });

  it('starts every document with ---, ends each with a newline, and parses as that many documents', () => {
    const text = renderYaml([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(text).toBe('---\na: 1\n---\nb: 2\n---\nc: 3\n');
    expect(parseAllDocuments(text)).toHaveLength(3);
    // concatenating two streams is still a valid stream of all the documents
    expect(parseAllDocuments(renderYaml([{ a: 1 }]) + renderYaml([{ b: 2 }])).map((d) => d.toJS())).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('writes upstream gen’s legacy stream on request: ---- before each object, an empty line after', () => {
    const text = renderYaml([{ a: 1 }, { b: 'x' }], { legacySeparator: true });
    expect(text).toBe('----\na: 1\n\n----\nb: x\n\n');
  });

  it('does not modify its input and gives the same text every time', () => {
    const objects = sampleBundle();
    const before = JSON.stringify(objects);
    const first = renderYaml(objects);
    expect(renderYaml(objects)).toBe(first);
    expect(JSON.stringify(objects)).toBe(before);
  });

  it('renders a shared object twice in full (no anchors or aliases)', () => {
    const shared = { cpu: '1' };
    const text = renderYaml([{ a: shared, b: shared }]);
    expect(text).toBe('---\na:\n  cpu: "1"\nb:\n  cpu: "1"\n');
  });

  it('drops undefined and function members like JSON, and writes them as null in lists', () => {
    const text = renderYaml([{ a: undefined, b: () => 1, c: [undefined, 1], d: new Date(0) }]);
    expect(text).toBe('---\nc:\n- null\n- 1\nd: "1970-01-01T00:00:00.000Z"\n');
  });
});

describe('renderYaml: key order', () => {
  const scrambled = {
    status: {},
    zeta: 1,
    spec: { z: 1, a: 2, m: { y: 1, b: 2 } },
    metadata: { labels: { b: 'x', a: 'y' }, creationTimestamp: null, namespace: 'default', annotations: { z: 'q' }, name: 'nm', generateName: 'g-' },
    data: { 'wait-10': 'x', 'wait-2': 'y' },
    kind: 'ConfigMap',
    alpha: true,
    apiVersion: 'v1',
  };

  it('kubernetes: apiVersion, kind, metadata, spec, data, the rest, status; metadata fields first; else insertion order', () => {
    expect(renderYaml([scrambled])).toBe(
      [
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: nm',
        '  generateName: g-',
        '  namespace: default',
        '  labels:',
        '    b: x',
        '    a: "y"',
        '  annotations:',
        '    z: q',
        '  creationTimestamp: null',
        'spec:',
        '  z: 1',
        '  a: 2',
        '  m:',
        '    "y": 1',
        '    b: 2',
        'data:',
        '  wait-10: x',
        '  wait-2: "y"',
        'zeta: 1',
        'alpha: true',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it('kubernetes: nested metadata (pod templates) gets the metadata order too', () => {
    const text = renderYaml([{ spec: { template: { metadata: { labels: { a: 'b' }, name: 'x' } } } }]);
    expect(text).toBe('---\nspec:\n  template:\n    metadata:\n      name: x\n      labels:\n        a: b\n');
  });

  it('sorted: every mapping in yaml.v2 order', () => {
    const text = renderYaml([scrambled], { keyOrder: 'sorted' });
    expect(text).toBe(
      [
        '---',
        'alpha: true',
        'apiVersion: v1',
        'data:',
        '  wait-2: "y"',
        '  wait-10: x',
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    z: q',
        '  creationTimestamp: null',
        '  generateName: g-',
        '  labels:',
        '    a: "y"',
        '    b: x',
        '  name: nm',
        '  namespace: default',
        'spec:',
        '  a: 2',
        '  m:',
        '    b: 2',
        '    "y": 1',
        '  z: 1',
        'status: {}',
        'zeta: 1',
        '',
      ].join('\n'),
    );
  });

  // The operator's Job for its tests/hello-world example as upstream prints it (yaml.v2 key order and layout). Built
  // here with its keys in reverse order, the sorted rendering must give the same bytes.
  const upstreamJob = `apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: flux-sample
  namespace: default
spec:
  activeDeadlineSeconds: 31500000
  backoffLimit: 100
  completionMode: Indexed
  completions: 4
  parallelism: 4
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: flux-operator
        app.kubernetes.io/name: flux-sample
        hpa-selector: flux-sample
        namespace: default
      name: flux-sample
      namespace: default
    spec:
      affinity:
        podAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchExpressions:
                - key: app.kubernetes.io/name
                  operator: In
                  values:
                  - flux-sample
              topologyKey: topology.kubernetes.io/zone
            weight: 100
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchExpressions:
                - key: app.kubernetes.io/name
                  operator: In
                  values:
                  - flux-sample
              topologyKey: kubernetes.io/hostname
            weight: 100
      automountServiceAccountToken: false
      containers:
      - command:
        - /bin/bash
        - /flux_operator/wait-0.sh
        image: ubuntu:noble
        imagePullPolicy: IfNotPresent
        lifecycle: {}
        name: flux-sample
        resources: {}
        securityContext: {}
        stdin: true
        tty: true
        volumeMounts:
        - mountPath: /home/flux-operator
          name: flux-operator-home
        - mountPath: /mnt/flux
          name: flux-view
        - mountPath: /flux_operator/
          name: flux-sample-entrypoint
          readOnly: true
        - mountPath: /opt/software
          name: spack-software
      initContainers:
      - command:
        - /bin/bash
        - /flux_operator/flux-init.sh
        image: ghcr.io/converged-computing/flux-view-ubuntu:tag-noble
        imagePullPolicy: IfNotPresent
        name: flux-view
        resources: {}
        securityContext: {}
        stdin: true
        tty: true
        volumeMounts:
        - mountPath: /home/flux-operator
          name: flux-operator-home
        - mountPath: /mnt/flux
          name: flux-view
        - mountPath: /flux_operator/
          name: flux-sample-entrypoint
          readOnly: true
      restartPolicy: OnFailure
      setHostnameAsFQDN: false
      shareProcessNamespace: false
      subdomain: flux-sample
      volumes:
      - emptyDir: {}
        name: spack-software
      - emptyDir: {}
        name: flux-operator-home
      - emptyDir: {}
        name: flux-view
      - configMap:
          items:
          - key: wait-0
            mode: 511
            path: wait-0.sh
          - key: flux-view
            mode: 511
            path: flux-init.sh
          - key: curve.cert
            path: curve.cert
          name: flux-sample-entrypoint
        name: flux-sample-entrypoint
status: {}
`;
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reverseKeys)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
        : v;

  it('sorted: reproduces upstream’s Job byte for byte', () => {
    const job = reverseKeys(parse(upstreamJob));
    expect(renderYaml([job], { keyOrder: 'sorted' })).toBe(`---\n${upstreamJob}`);
    expect(renderYaml([job], { keyOrder: 'sorted', legacySeparator: true })).toBe(`----\n${upstreamJob}\n`);
  });

  it('kubernetes: same layout, Kubernetes field order at the top and in metadata', () => {
    const text = renderYaml([reverseKeys(parse(upstreamJob))]);
    expect(text.split('\n').slice(0, 8)).toEqual([
      '---',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: flux-sample',
      '  namespace: default',
      '  creationTimestamp: null',
      'spec:',
    ]);
    expect(text.endsWith('status: {}\n')).toBe(true);
  });
});

describe('renderYaml: layout', () => {
  it('indents by two, does not indent sequences under a key, writes empty collections in flow style', () => {
    const text = renderYaml([{ a: { b: [{ c: 1, d: [] }, 'x'], e: {} }, f: [[1, 2], []] }]);
    expect(text).toBe('---\na:\n  b:\n  - c: 1\n    d: []\n  - x\n  e: {}\nf:\n- - 1\n  - 2\n- []\n');
  });

  it('writes null, booleans and numbers plain', () => {
    expect(renderYaml([{ a: null, b: true, c: false, d: 511, e: -3, f: 1.5, g: 1e21, h: 1e-7 }])).toBe(
      '---\na: null\nb: true\nc: false\nd: 511\ne: -3\nf: 1.5\ng: 1e+21\nh: 1e-7\n',
    );
  });

  it('does not fold long lines', () => {
    const long = `echo ${'word '.repeat(60)}end`;
    const text = renderYaml([{ command: ['/bin/sh', '-c', long] }]);
    expect(text).toContain(`- ${long}\n`);
    expect(text.split('\n').filter((l) => l.length > 0)).toHaveLength(5);
  });
});

describe('renderYaml: strings', () => {
  // Strings a YAML 1.1 reader (kubectl, the API server) or Go's number parser would take for
  // something else are double-quoted.
  const mustQuote = [
    'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'On', 'OFF', 'true', 'false', 'True', 'FALSE',
    '~', 'null', 'Null', 'NULL', '', '8050', '0', '-1', '+1', '1e3', '1E3', '1e+3', '0777', '0o17', '0b101',
    '0x1F', '0X1f', '1:20', '-1:20:30', '190:20:30.15', '.5', '5.', '-.5', '1.5', '1_000', '+_1', '1__0',
    '.inf', '-.Inf', '+.INF', '.nan', '+inf', '-Infinity', '0x1p3', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5', '<<', '=', '---', '...', '--- a', '... b', ':a', '?a',
  ];
  it.each(mustQuote)('quotes %j', (s) => {
    expect(scalarText(s)).toBe(JSON.stringify(s));
    expect(isAmbiguousPlain(s)).toBe(true);
  });

  const plain = [
    'flux-sample', '/mnt/flux', '-c', 'a:b', 'a,b', 'x[0]', '200M', '1Gi', '500m', 'v1', 'batch/v1', 'app.kubernetes.io/name',
    'ghcr.io/converged-computing/flux-view-ubuntu:tag-noble', '1.2.3.4', 'echo hello world', 'a#b', 'é', '🟧 ok',
    'Yess', 'nope', 'info', 'nan', 'inf', '0.5Gi', '12abc', '8050/TCP', 'a\u00a0b', 'flux-view',
  ];
  it.each(plain)('leaves %j plain', (s) => {
    expect(scalarText(s)).toBe(s);
  });

  // `yaml` picks the quotes: double, unless the text holds only double quotes.
  it.each([
    ['a: b', `"a: b"`],
    ['a #b', `"a #b"`],
    ['#a', `"#a"`],
    [' a', `" a"`],
    ['a ', `"a "`],
    ['- a', `"- a"`],
    ['"q"', `'"q"'`],
    ["'q'", `"'q'"`],
    ["it's", `it's`],
    ['@x', `"@x"`],
    ['`x', '"`x"'],
    ['*x', `"*x"`],
    ['!x', `"!x"`],
    ['&x', `"&x"`],
    ['|', `"|"`],
    ['{a: 1}', `"{a: 1}"`],
    ['[a]', `"[a]"`],
    ['-', `"-"`],
    ['%', `"%"`],
  ])('quotes %j where YAML syntax needs it: %s', (s, expected) => {
    expect(scalarText(s)).toBe(expected);
  });

  it('writes multi-line text as literal blocks with the right chomping indicator', () => {
    expect(renderYaml([{ s: 'a\nb\n' }])).toBe('---\ns: |\n  a\n  b\n');
    expect(renderYaml([{ s: 'a\nb' }])).toBe('---\ns: |-\n  a\n  b\n');
    expect(renderYaml([{ s: 'a\nb\n\n' }])).toBe('---\ns: |+\n  a\n  b\n\n');
    expect(renderYaml([{ s: '  indented\nb\n' }])).toBe('---\ns: |2\n    indented\n  b\n');
    expect(renderYaml([{ s: '\nleading blank\n' }])).toBe('---\ns: |\n  \n  leading blank\n');
  });

  it('keeps tabs, trailing spaces, emoji, # and : inside literal blocks', () => {
    const script = '#!/bin/sh\n\tif true; then  \n\t\techo "🌀 a: b # c"\n\tfi\n';
    const text = renderYaml([{ data: { 'wait-0': script } }]);
    expect(text).toBe(`---\ndata:\n  wait-0: |\n    #!/bin/sh\n    \tif true; then  \n    \t\techo "🌀 a: b # c"\n    \tfi\n`);
    expectRoundTrip([{ data: { 'wait-0': script } }]);
  });

  it('keeps lines that look like document markers inside blocks', () => {
    const text = expectRoundTrip([{ s: '---\n...\n%YAML 1.2\n' }, { '---': '...', '...': '---' }]);
    expect(text.split('\n').filter((l) => l === '---')).toHaveLength(2);
  });

  it('double-quotes what a literal block cannot hold', () => {
    expect(scalarText('a\r\nb\r\n')).toBe('"a\\r\\nb\\r\\n"');
    expect(scalarText('a\n ')).toBe('"a\\n "');
    expect(scalarText('a\n\t')).toBe('"a\\n\\t"');
    expect(scalarText('tab\tinside')).toBe('"tab\\tinside"');
    expect(scalarText('nul\0')).toBe('"nul\\0"');
  });

  it('escapes characters YAML 1.1 readers treat as line breaks or refuse', () => {
    expect(scalarText('a\u2028b')).toBe('"a\\Lb"');
    expect(scalarText('a\u2029b')).toBe('"a\\Pb"');
    expect(scalarText('a\u0085b')).toBe('"a\\Nb"');
    expect(scalarText('\ufeffbom')).toBe('"\\uFEFFbom"');
    expect(scalarText('del\x7f')).toBe('"del\\x7F"');
    expect(scalarText('c1\x9b')).toBe('"c1\\x9B"');
    expect(scalarText('x\uffff')).toBe('"x\\uFFFF"');
    // also in keys, and inside multi-line text
    expectRoundTrip([{ 'k\u2028': 'line1\nline2\u2028\n', 'é\u0085': ['\ufeff'] }]);
    const text = renderYaml([{ 'k\u2028': 'line1\nline2\u2028\n' }]);
    expect(text).not.toMatch(/[\u2028\u0085\ufeff]/);
  });

  it('quotes keys by the same rules', () => {
    expect(renderYaml([{ y: 1, on: 2, '8050': 3, '': 4, 'a: b': 5, 'multi\nline': 6, 'app.kubernetes.io/name': 7 }])).toBe(
      '---\n"8050": 3\n"y": 1\n"on": 2\n"": 4\n"a: b": 5\n"multi\\nline": 6\napp.kubernetes.io/name: 7\n',
    );
  });

  it('gives a YAML 1.1 reader (yaml.v2 rules) only plain scalars that are strings', () => {
    for (const s of [...mustQuote, ...plain]) {
      const text = renderYaml([{ [s]: s, list: [s] }]);
      for (const p of plainStrings(text)) expect(yamlV2ReadsAsString(p), p).toBe(true);
    }
  });
});

describe('renderYaml: round trip (property)', () => {
  const trickyWords = [
    'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'true', 'False', '~', 'null', 'NULL', '', '8050', '1e3', '0777',
    '1:20', '.5', '0x1F', '+1', '1_000', '-0', '.inf', '<<', '=', '2001-12-14', '0o17', '0b1', '---', '...', '- ',
    '? ', ': ', ' #', '#', '|', '>', '"', "'", '\\', '%', '@', '`', '!', '&', '*', '[', ']', '{', '}', ',',
    ' ', '  ', '\t', '\n', '\n\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\ufeff', '\u00a0', '\x7f',
    '\0', '\x1b', 'é', '🟧', '😀', 'a', 'Z', '0', '9', '.', '/', '-', '_', ':',
  ];
  const tricky = fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...trickyWords), { maxLength: 6 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.constantFrom(...trickyWords) },
    // long enough (40+) for `yaml`'s multi-line double-quoted form
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...trickyWords), { minLength: 20, maxLength: 60 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    // UTF-16 units one by one: includes lone surrogates
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', '#', ':', '-', '0', 'é'), maxLength: 30 }) },
  );
  const key = fc.oneof(
    tricky,
    fc.constantFrom('app.kubernetes.io/name', 'kueue.x-k8s.io/queue-name', 'wait-0', 'wait-10', 'curve.cert', 'a.b/c_d'),
  ).filter((k) => k !== '__proto__');
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tricky,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    ),
  }));
  const documents = fc.array(fc.dictionary(key, value, { maxKeys: 6 }), { minLength: 1, maxLength: 3 });

  it('writes with the fast writer exactly what `yaml` writes, and the fast writer takes most objects', () => {
    // ASCII text only, as generated objects mostly are: the fast writer leaves the rest to `yaml`.
    const ascii = (v: unknown): boolean =>
      typeof v === 'string' ? /^[\t\n\x20-\x7e]*$/.test(v) : v !== null && typeof v === 'object' ? Object.entries(v).every(([k, x]) => ascii(k) && ascii(x)) : true;
    let objects = 0;
    let fast = 0;
    fc.assert(
      fc.property(documents, fc.boolean(), (list, sorted) => {
        const keyOrder = sorted ? 'sorted' : 'kubernetes';
        expect(renderYaml(list, { keyOrder })).toBe(renderYamlByYaml(list, { keyOrder }));
        for (const o of list) {
          const text = writeFastFor(o, keyOrder);
          if (!ascii(o)) continue;
          objects++;
          if (text === undefined) continue;
          fast++;
          expect(`---\n${text}`).toBe(renderYamlByYaml([o], { keyOrder }));
        }
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(objects / 2);
  });

  it('parses back to the same objects with YAML 1.2 and YAML 1.1, in both key orders', () => {
    fc.assert(
      fc.property(documents, fc.boolean(), fc.boolean(), (objects, sorted, legacy) => {
        if (legacy) {
          // The legacy stream is not a YAML stream; its pieces are, once the empty line that
          // follows each object is removed (a `|+` block at the end would keep it).
          const text = renderYaml(objects, { keyOrder: sorted ? 'sorted' : 'kubernetes', legacySeparator: true });
          const pieces = text.split(/^----\n/m).slice(1).map((piece) => piece.slice(0, -1));
          expect(pieces).toHaveLength(objects.length);
          pieces.forEach((piece, i) => {
            expect(parse(piece)).toEqual(objects[i]);
            expect(parse(piece, { version: '1.1' })).toEqual(objects[i]);
          });
          return;
        }
        const text = expectRoundTrip(objects, { keyOrder: sorted ? 'sorted' : 'kubernetes' });
        expect(yamlRoundTripProblems(objects, text)).toEqual([]);
        for (const p of plainStrings(text)) expect(yamlV2ReadsAsString(p), p).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('round-trips documents that are not mappings', () => {
    expectRoundTrip(['a\nb', 'yes', 42, null, ['x', { y: 'n' }], 'plain', '', '---', '...']);
  });
});

describe('yamlRoundTripProblems', () => {
  it('finds nothing wrong with rendered output', () => {
    const objects = sampleBundle();
    expect(yamlRoundTripProblems(objects, renderYaml(objects))).toEqual([]);
    expect(yamlRoundTripProblems(objects, renderYaml(objects, { keyOrder: 'sorted' }))).toEqual([]);
    expect(yamlRoundTripProblems([{ a: undefined, d: new Date(0), l: [undefined] }], renderYaml([{ a: undefined, d: new Date(0), l: [undefined] }]))).toEqual([]);
  });

  it('reports what a YAML 1.1 reader would get wrong, and where', () => {
    expect(yamlRoundTripProblems([{ spec: { env: ['yes'] } }], '---\nspec:\n  env:\n  - yes\n')).toEqual([
      'YAML 1.1, document 1: spec.env[0]: expected "yes", read true',
    ]);
    expect(yamlRoundTripProblems([{ port: '8050' }], '---\nport: 8050\n')).toEqual([
      'YAML 1.2, document 1: port: expected "8050", read 8050',
      'YAML 1.1, document 1: port: expected "8050", read 8050',
    ]);
  });

  it('reports missing documents, keys and parse errors', () => {
    expect(yamlRoundTripProblems([{ a: 1 }, { b: 2 }], '---\na: 1\n')).toEqual([
      'YAML 1.2: 1 documents for 2 objects',
      'YAML 1.1: 1 documents for 2 objects',
    ]);
    expect(yamlRoundTripProblems([{ a: 1 }], '---\nb: 1\n')[0]).toBe('YAML 1.2, document 1: a: missing when read back');
    expect(yamlRoundTripProblems([{ a: 1 }], '---\na: 1\nb: 2\n')[0]).toBe('YAML 1.2, document 1: b: unexpected key when read back');
    expect(yamlRoundTripProblems([{ m: { 'a.b': 'x' } }], '---\nm:\n  a.b: "y"\n')[0]).toBe('YAML 1.2, document 1: m["a.b"]: expected "x", read "y"');
    expect(yamlRoundTripProblems([{ a: 1 }], '---\na: [1\n')[0]).toMatch(/^YAML 1\.2, document 1: /);
  });
});

describe('renderJson', () => {
  it('prints one object as itself, with Kubernetes key order', () => {
    expect(renderJson([{ spec: {}, kind: 'ConfigMap', metadata: { namespace: 'd', name: 'n' }, apiVersion: 'v1' }])).toBe(
      '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {\n    "name": "n",\n    "namespace": "d"\n  },\n  "spec": {}\n}\n',
    );
  });

  it('prints several objects (or none) as a v1 List', () => {
    expect(JSON.parse(renderJson([{ a: 1 }, { b: 2 }]))).toEqual({ apiVersion: 'v1', kind: 'List', items: [{ a: 1 }, { b: 2 }] });
    expect(renderJson([])).toBe('{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": []\n}\n');
    expect(renderJson([{ a: 1 }, { b: 2 }]).startsWith('{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [\n    {\n')).toBe(true);
  });

  it('sorts keys like yaml.v2 on request', () => {
    expect(Object.keys(JSON.parse(renderJson([{ 'wait-10': 1, 'wait-2': 2, Zed: 3 }], { keyOrder: 'sorted' })) as object)).toEqual([
      'Zed',
      'wait-2',
      'wait-10',
    ]);
  });

  it('round-trips the sample bundle', () => {
    const objects = sampleBundle();
    expect(JSON.parse(renderJson(objects))).toEqual({ apiVersion: 'v1', kind: 'List', items: objects });
    expectRoundTrip(objects);
    expectRoundTrip(objects, { keyOrder: 'sorted' });
  });
});
