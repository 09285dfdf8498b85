import { describe, expect, it } from 'vitest';
import { formatCertProblem, readCurveCert } from './certReader.ts';
import type { CertProblem } from './certReader.ts';
import { CURVE_PAIRS, CZMQ_SAMPLE, MISMATCHED_PAIR, PAIR1, PAIR2 } from './vectors.test-data.ts';

/** Lines joined with LF, with the final newline every writer emits. */
function cert(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function curveLines(pub: string, sec: string, indent = '    '): string[] {
  return ['curve', `${indent}public-key = "${pub}"`, `${indent}secret-key = "${sec}"`];
}

function problemsOf(text: string): CertProblem[] {
  const r = readCurveCert(text);
  if (r.ok) throw new Error(`expected problems, the reader accepted:\n${text}`);
  return r.problems;
}

function linesOf(text: string): number[] {
  return problemsOf(text).map((p) => p.line);
}

const CZMQ_SAMPLE_TEXT = cert(
  '#   ****  Generated on 2023-09-16 23:15:27 by CZMQ  ****',
  '#   ZeroMQ CURVE **Secret** Certificate',
  '#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.',
  '',
  'metadata',
  '    name = "picl0"',
  '    keygen.hostname = "picl0"',
  ...curveLines(CZMQ_SAMPLE.public, CZMQ_SAMPLE.secret),
);

describe('readCurveCert: good vectors', () => {
  it('accepts the CZMQ sample', () => {
    expect(readCurveCert(CZMQ_SAMPLE_TEXT)).toEqual({
      ok: true,
      publicKey: CZMQ_SAMPLE.public,
      secretKey: CZMQ_SAMPLE.secret,
      metadata: { name: 'picl0', 'keygen.hostname': 'picl0' },
    });
  });

  it("accepts flux-core's own writer format", () => {
    const text = cert(
      '#  ZeroMQ CURVE **Secret** Certificate',
      '#  DO NOT DISTRIBUTE',
      '',
      'metadata',
      '    name = "fluke"',
      '    keygen.hostname = "fluke"',
      '    keygen.time = "2023-09-16T23:15:27"',
      '    keygen.userid = "1000"',
      '    keygen.flux-core-version = "0.55.0"',
      '    keygen.zmq-version = "4.3.4"',
      ...curveLines(PAIR1.public, PAIR1.secret),
    );
    const r = readCurveCert(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.metadata['keygen.time']).toBe('2023-09-16T23:15:27');
  });

  it('accepts blank and whitespace-only lines anywhere', () => {
    const text = cert(
      '',
      '    ',
      'metadata',
      '',
      '    name = "picl0"',
      '\t',
      'curve',
      '',
      `    public-key = "${PAIR1.public}"`,
      '   ',
      `    secret-key = "${PAIR1.secret}"`,
      '',
    );
    expect(readCurveCert(text).ok).toBe(true);
  });

  it('accepts indented comment lines inside sections', () => {
    const text = cert(
      '# top comment',
      'metadata',
      '    # the name is used in overlay logging',
      '    name = "picl0"',
      'curve',
      '\t# keys follow',
      `    public-key = "${PAIR1.public}"`,
      '        #deeper comment',
      `    secret-key = "${PAIR1.secret}"`,
    );
    expect(readCurveCert(text).ok).toBe(true);
  });

  it('accepts a "#" inside a Z85 key (PAIR2)', () => {
    expect(PAIR2.secret).toContain('#');
    const r = readCurveCert(cert('metadata', ...curveLines(PAIR2.public, PAIR2.secret)));
    expect(r).toMatchObject({ ok: true, secretKey: PAIR2.secret, publicKey: PAIR2.public });
  });

  it('accepts an empty metadata section, no metadata section, tab indentation and no final newline', () => {
    expect(readCurveCert(cert('metadata', ...curveLines(PAIR1.public, PAIR1.secret))).ok).toBe(true);
    expect(readCurveCert(cert(...curveLines(PAIR1.public, PAIR1.secret))).ok).toBe(true);
    expect(readCurveCert(cert(...curveLines(PAIR1.public, PAIR1.secret, '\t'))).ok).toBe(true);
    expect(readCurveCert(curveLines(PAIR1.public, PAIR1.secret).join('\n')).ok).toBe(true);
  });

  it('accepts curve before metadata and metadata values with spaces', () => {
    const r = readCurveCert(cert(...curveLines(PAIR1.public, PAIR1.secret), 'metadata', '    note = "two words\there"'));
    expect(r).toMatchObject({ ok: true, metadata: { note: 'two words\there' } });
  });

  it('accepts every known-answer pair', () => {
    for (const pair of CURVE_PAIRS) {
      expect(readCurveCert(cert('metadata', ...curveLines(pair.public, pair.secret))).ok, pair.source).toBe(true);
    }
  });

  it('returns metadata keys that collide with Object.prototype names as plain data', () => {
    const r = readCurveCert(cert('metadata', '    constructor = "x"', '    toString = "y"', ...curveLines(PAIR1.public, PAIR1.secret)));
    expect(r).toMatchObject({ ok: true, metadata: { constructor: 'x', toString: 'y' } });
  });
});

describe('readCurveCert: the malformed certificates flux-core\'s own tests reject', () => {
  it('rejects empty input', () => {
    const problems = problemsOf('');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 1 });
    expect(problems[0]?.message).toMatch(/empty/);
    expect(problemsOf('# only a comment\n\n')[0]?.message).toMatch(/empty/);
  });

  it('rejects a missing curve section', () => {
    const problems = problemsOf(cert('metadata', '    name = "picl0"'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(problems[0]?.message).toMatch(/no curve section/);
  });

  it('rejects an empty curve section', () => {
    const problems = problemsOf(cert('metadata', '    name = "picl0"', 'curve'));
    expect(problems.map((p) => [p.line, p.message.match(/has no ([a-z-]+)/)?.[1]])).toEqual([
      [3, 'public-key'],
      [3, 'secret-key'],
    ]);
  });

  it('rejects an extra section', () => {
    const problems = problemsOf(cert('metadata', ...curveLines(PAIR1.public, PAIR1.secret), 'unknown', '    foo = "bar"'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, column: 1 });
    expect(problems[0]?.message).toMatch(/unknown section "unknown"/);
  });

  it('shows a section name with invisible characters escaped', () => {
    const problems = problemsOf(cert('metad\u202eata', ...curveLines(PAIR1.public, PAIR1.secret)));
    const message = problems.map((p) => p.message).find((m) => m.includes('unknown section')) ?? '';
    expect(message).toContain('"metad\\u202eata"');
    expect(message).not.toContain('\u202e');
  });

  it('rejects an indented curve section', () => {
    const problems = problemsOf(
      cert('metadata', '    name = "picl0"', `    curve`, `    public-key = "${PAIR1.public}"`, `    secret-key = "${PAIR1.secret}"`),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 1 });
    expect(problems[0]?.message).toMatch(/must start in column 1/);
  });

  it('rejects keys that are not indented', () => {
    const problems = problemsOf(cert('metadata', 'curve', `public-key = "${PAIR1.public}"`, `secret-key = "${PAIR1.secret}"`));
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
    for (const p of problems) expect(p.message).toMatch(/must be indented/);
  });

  it('rejects a missing public key', () => {
    const problems = problemsOf(cert('metadata', 'curve', `    secret-key = "${PAIR1.secret}"`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(problems[0]?.message).toMatch(/no public-key/);
  });

  it('rejects a missing secret key', () => {
    const problems = problemsOf(cert('metadata', 'curve', `    public-key = "${PAIR1.public}"`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(problems[0]?.message).toMatch(/no secret-key/);
  });

  it('rejects an illegal Z85 character, pointing at it', () => {
    const bad = `${PAIR1.secret.slice(0, 10)} ${PAIR1.secret.slice(11)}`;
    const problems = problemsOf(cert('metadata', ...curveLines(PAIR1.public, bad)));
    expect(problems).toHaveLength(1);
    // `    secret-key = "` is 18 characters, so key character 11 is column 29.
    expect(problems[0]).toMatchObject({ line: 4, column: 29 });
    expect(problems[0]?.message).toBe(
      'secret-key contains " ", which is not a Z85 character; the key was probably mistyped or damaged in copying',
    );
    // The flux-core vector: "Vtb A" in place of PAIR2's trailing "VtbA".
    const pair2Bad = `${PAIR2.secret.slice(0, 35)}Vtb A`;
    expect(pair2Bad).toHaveLength(40);
    expect(problemsOf(cert('metadata', ...curveLines(PAIR2.public, pair2Bad)))).toMatchObject([{ line: 4, column: 57 }]);
  });

  it('rejects a missing end quote', () => {
    const problems = problemsOf(cert('metadata', 'curve', `    public-key = "${PAIR1.public}`, `    secret-key = "${PAIR1.secret}"`));
    // The entry is unreadable, so Flux also finds no public key in the section that starts on line 2.
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
    expect(problems[1]).toMatchObject({ line: 3, column: 18 });
    expect(problems[1]?.message).toMatch(/no closing quote/);
  });

  it('rejects a key that is too long', () => {
    const problems = problemsOf(cert('metadata', ...curveLines(`${PAIR1.public}x`, PAIR1.secret)));
    expect(problems).toEqual([
      { line: 3, column: 19, message: 'public-key has 41 characters; a CURVE key is 40 Z85 characters (check for a missing or extra character)' },
    ]);
    expect(linesOf(cert('metadata', ...curveLines(PAIR1.public, PAIR1.secret.slice(1))))).toEqual([4]);
  });

  it('rejects a mismatched keypair', () => {
    const problems = problemsOf(cert('metadata', ...curveLines(MISMATCHED_PAIR.public, MISMATCHED_PAIR.secret)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 19 });
    expect(problems[0]?.message).toContain('does not belong to the secret-key on line 4');
    expect(problems[0]?.message).toContain(PAIR1.public);
  });
});

describe('readCurveCert: other rules of cert_read', () => {
  it('rejects duplicate metadata keys', () => {
    const problems = problemsOf(cert('metadata', '    name = "a"', '    name = "b"', ...curveLines(PAIR1.public, PAIR1.secret)));
    expect(problems).toEqual([{ line: 3, column: 5, message: 'metadata key name is already defined on line 2; remove one of them' }]);
  });

  it('rejects keys other than public-key and secret-key in curve', () => {
    expect(linesOf(cert(...curveLines(PAIR1.public, PAIR1.secret), '    comment = "x"'))).toEqual([4]);
  });

  it('rejects a repeated curve key or section', () => {
    expect(linesOf(cert(...curveLines(PAIR1.public, PAIR1.secret), `    public-key = "${PAIR1.public}"`))).toEqual([4]);
    expect(linesOf(cert('curve', `    public-key = "${PAIR1.public}"`, 'curve', `    secret-key = "${PAIR1.secret}"`))).toEqual([3]);
  });

  it('rejects unquoted values (as pyzmq writes metadata)', () => {
    const problems = problemsOf(cert('metadata', '    name = picl0', ...curveLines(PAIR1.public, PAIR1.secret)));
    expect(problems).toEqual([{ line: 2, column: 12, message: 'the value of name must be enclosed in double quotes: name = "value"' }]);
  });

  it('rejects characters outside the key and value charsets', () => {
    expect(problemsOf(cert('metadata', '    user_name = "x"', ...curveLines(PAIR1.public, PAIR1.secret)))).toMatchObject([
      { line: 2, column: 9 },
    ]);
    expect(problemsOf(cert('metadata', '    name = "a,b"', ...curveLines(PAIR1.public, PAIR1.secret)))).toMatchObject([
      { line: 2, column: 14 },
    ]);
    expect(problemsOf(cert('metadata', '    name = "say "hi""', ...curveLines(PAIR1.public, PAIR1.secret)))).toMatchObject([
      { line: 2, column: 17 },
    ]);
  });

  it('rejects entries that are not key = "value" and entries before any section', () => {
    expect(linesOf(cert('metadata', '    just words', ...curveLines(PAIR1.public, PAIR1.secret)))).toEqual([2]);
    expect(linesOf(cert('    name = "x"', ...curveLines(PAIR1.public, PAIR1.secret)))).toEqual([1]);
    expect(linesOf(cert('name = "x"', ...curveLines(PAIR1.public, PAIR1.secret)))).toEqual([1]);
    expect(linesOf(cert('metadata', '     = "x"', ...curveLines(PAIR1.public, PAIR1.secret)))).toEqual([2]);
  });

  it('reports lines longer than the 255 bytes Flux reads at once', () => {
    const long = `    note = "${'a'.repeat(250)}"`;
    expect(problemsOf(cert('metadata', long, ...curveLines(PAIR1.public, PAIR1.secret)))).toMatchObject([
      { line: 2, column: 256, message: expect.stringContaining('263 bytes') },
    ]);
    // Bytes, not characters: a comment of 128 two-byte characters is too long.
    expect(linesOf(cert(`#${'é'.repeat(128)}`, ...curveLines(PAIR1.public, PAIR1.secret)))).toEqual([1]);
    expect(readCurveCert(cert(`#${'a'.repeat(254)}`, ...curveLines(PAIR1.public, PAIR1.secret))).ok).toBe(true);
  });

  it('reports CRLF line endings and trailing spaces', () => {
    const crlf = ['metadata', ...curveLines(PAIR1.public, PAIR1.secret)].join('\r\n') + '\r\n';
    expect(linesOf(crlf)).toEqual([1, 2, 3, 4]);
    expect(linesOf(cert('metadata', 'curve ', `    public-key = "${PAIR1.public}"  `, `    secret-key = "${PAIR1.secret}"`))).toEqual([2, 3]);
  });

  it('rejects text after the closing quote', () => {
    const problems = problemsOf(cert(...curveLines(PAIR1.public, PAIR1.secret), 'metadata', '    name = "a" # trailing comment'));
    expect(problems).toMatchObject([{ line: 5, column: 15, message: expect.stringContaining('after the closing quote') }]);
  });

  it('reports a key whose Z85 blocks exceed 32 bits', () => {
    const damaged = `%nSc1${PAIR1.secret.slice(5)}`;
    const problems = problemsOf(cert(...curveLines(PAIR1.public, damaged)));
    expect(problems).toMatchObject([{ line: 3, column: 19, message: expect.stringContaining('larger than 32 bits') }]);
  });

  it('collects every problem, sorted by position', () => {
    const text = cert(
      '    stray = "x"',
      'metadata',
      '    name = "a"',
      '    name = "b"',
      'extra',
      'curve',
      `    public-key = "${PAIR1.public.slice(0, 39)}"`,
      `    secret-key = "${PAIR1.secret.replace('^', '~')}"`,
    );
    expect(linesOf(text)).toEqual([1, 4, 5, 7, 8]);
  });

  it('formats problems with their position', () => {
    const [p] = problemsOf(cert(...curveLines(PAIR1.public.slice(1), PAIR1.secret)));
    expect(p && formatCertProblem(p)).toBe(
      'line 2, column 19: public-key has 39 characters; a CURVE key is 40 Z85 characters (check for a missing or extra character)',
    );
  });
});
