/**
 * A strict reader for CURVE certificates, following the rules of flux-core's `cert_read`, so that
 * a certificate the app accepts (pasted into `flux.curveCert` or generated) is one the broker
 * will load. Unlike Flux, which stops with a bare EINVAL, this collects every problem with a
 * position and a hint.
 *
 * Where Flux's exact tolerance is unknown (trailing whitespace, CR line endings, repeated
 * sections or curve keys), the reader reports a problem: a false alarm costs a small edit,
 * while a missed one leaves a broker that will not start.
 */
import { quote } from '../common/quoteText.ts';
import { isZ85Char, z85Decode, z85Encode, Z85_KEY_LENGTH } from './z85.ts';
import { curvePublicKey } from './publicKey.ts';
import { firstBadKeyChar, firstBadValueChar, MAX_CERT_LINE_BYTES } from './zpl.ts';

export interface CertProblem {
  /** One-based line inside the certificate text. */
  line: number;
  /** One-based column (UTF-16 code units, as editors count). */
  column: number;
  /** What is wrong and what to do; no position prefix (see `formatCertProblem`). */
  message: string;
}

export type CurveCertReadResult =
  | { ok: true; publicKey: string; secretKey: string; metadata: Record<string, string> }
  | { ok: false; problems: CertProblem[] };

type SectionName = 'metadata' | 'curve';
type CurveKeyName = 'public-key' | 'secret-key';

interface Located {
  line: number;
  column: number;
}

interface CurveEntry extends Located {
  value: string;
  /** False when the value already produced a problem, so later checks do not pile on. */
  usable: boolean;
}

const SECTION_RE = /^(metadata|curve)[ \t]*$/;
const BLANK_RE = /^[ \t]*$/;
// Bad characters beyond the first few add noise, not information.
const MAX_CHAR_PROBLEMS_PER_VALUE = 3;

const encoder = new TextEncoder();

/** A character or text from the certificate, quoted with every invisible character escaped. */
function show(ch: string): string {
  return quote(ch);
}

/** `line 9, column 19: message` for logs and the CLI. */
export function formatCertProblem(p: CertProblem): string {
  return `line ${p.line}, column ${p.column}: ${p.message}`;
}

export function readCurveCert(text: string): CurveCertReadResult {
  const problems: CertProblem[] = [];
  const add = (line: number, column: number, message: string): void => {
    problems.push({ line, column, message });
  };

  const lines = text.split('\n');
  // The newline that ends the last line does not start another one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();

  let section: SectionName | 'unknown' | null = null;
  const sectionLines = new Map<SectionName, number>();
  const metadata = new Map<string, { value: string; line: number }>();
  const curve = new Map<CurveKeyName, CurveEntry>();
  let sawContent = false;

  const readEntry = (lineNo: number, content: string, startCol: number): void => {
    if (section === null || section === 'unknown') return;
    const eq = content.indexOf('=');
    if (eq < 0) {
      add(lineNo, startCol, `expected an entry of the form key = "value" in the ${section} section, found ${show(content)}`);
      return;
    }
    const key = content.slice(0, eq).replace(/[ \t]+$/, '');
    if (key === '') {
      add(lineNo, startCol, 'the entry has no key before "="; write key = "value"');
      return;
    }
    const badKey = firstBadKeyChar(key);
    if (badKey >= 0) {
      add(
        lineNo,
        startCol + badKey,
        `key ${show(key)} contains ${show(key.charAt(badKey))}; key names may only use letters, digits, "." and "-"`,
      );
      return;
    }
    const afterEq = content.slice(eq + 1);
    const rest = afterEq.replace(/^[ \t]+/, '');
    const valueCol = startCol + eq + 1 + (afterEq.length - rest.length);
    if (!rest.startsWith('"')) {
      add(lineNo, valueCol, `the value of ${key} must be enclosed in double quotes: ${key} = "value"`);
      return;
    }
    const quoted = rest.replace(/[ \t]+$/, '');
    if (quoted.length < 2 || !quoted.endsWith('"')) {
      const close = quoted.indexOf('"', 1);
      if (close > 0) {
        add(
          lineNo,
          valueCol + close + 1,
          `unexpected text after the closing quote of ${key}; the line must end with the quote (put comments on a line of their own)`,
        );
      } else {
        add(lineNo, valueCol, `the value of ${key} has no closing quote; add " at the end of the line`);
      }
      return;
    }
    if (quoted.length < rest.length) {
      // Reported, but the value is still read: the key is plainly there, and a second
      // "no public-key" problem would only distract.
      add(lineNo, valueCol + quoted.length, `remove the spaces after the closing quote of ${key}; Flux expects the line to end with the quote`);
    }
    const value = quoted.slice(1, -1);
    const innerCol = valueCol + 1;

    if (section === 'metadata') {
      const bad = firstBadValueChar(value);
      if (bad >= 0) {
        add(
          lineNo,
          innerCol + bad,
          `the value of ${key} contains ${show(value.charAt(bad))}, which Flux does not accept; ` +
            'use letters, digits, space, tab and .-:+=^!/*?&<>()[]{}@%$#',
        );
        return;
      }
      const previous = metadata.get(key);
      if (previous) {
        add(lineNo, startCol, `metadata key ${key} is already defined on line ${previous.line}; remove one of them`);
        return;
      }
      metadata.set(key, { value, line: lineNo });
      return;
    }

    // section === 'curve'
    if (key !== 'public-key' && key !== 'secret-key') {
      add(
        lineNo,
        startCol,
        `the curve section may only contain public-key and secret-key, not ${key}; move other entries to the metadata section`,
      );
      return;
    }
    const previous = curve.get(key);
    if (previous) {
      add(lineNo, startCol, `${key} is already defined on line ${previous.line}; keep only one`);
      return;
    }
    let usable = true;
    if (value.length !== Z85_KEY_LENGTH) {
      usable = false;
      add(
        lineNo,
        innerCol,
        `${key} has ${value.length} characters; a CURVE key is ${Z85_KEY_LENGTH} Z85 characters (check for a missing or extra character)`,
      );
    }
    let badCount = 0;
    for (let i = 0; i < value.length; i++) {
      const ch = value.charAt(i);
      if (isZ85Char(ch)) continue;
      usable = false;
      badCount++;
      if (badCount <= MAX_CHAR_PROBLEMS_PER_VALUE) {
        add(lineNo, innerCol + i, `${key} contains ${show(ch)}, which is not a Z85 character; the key was probably mistyped or damaged in copying`);
      }
    }
    if (badCount > MAX_CHAR_PROBLEMS_PER_VALUE) {
      add(lineNo, innerCol, `${key} contains ${badCount - MAX_CHAR_PROBLEMS_PER_VALUE} more non-Z85 characters`);
    }
    curve.set(key, { value, line: lineNo, column: innerCol, usable });
  };

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    let line = rawLine;

    const bytes = encoder.encode(line).length;
    if (bytes > MAX_CERT_LINE_BYTES) {
      add(
        lineNo,
        MAX_CERT_LINE_BYTES + 1,
        `line is ${bytes} bytes long; Flux reads at most ${MAX_CERT_LINE_BYTES} bytes per line and would split it, so shorten it`,
      );
    }
    if (line.endsWith('\r')) {
      line = line.slice(0, -1);
      add(lineNo, line.length + 1, 'line ends with a carriage return (Windows line ending); save the certificate with LF line endings');
    }

    if (BLANK_RE.test(line)) return;
    const content = line.replace(/^[ \t]+/, '');
    if (content.startsWith('#')) return;
    sawContent = true;
    const indent = line.length - content.length;
    const startCol = indent + 1;

    const sectionMatch = SECTION_RE.exec(content);
    if (sectionMatch) {
      const name = sectionMatch[1] as SectionName;
      if (indent > 0) {
        add(lineNo, 1, `section name ${name} must start in column 1; remove the indentation`);
      }
      if (content.length > name.length) {
        add(lineNo, startCol + name.length, `remove the spaces after the section name ${name}`);
      }
      const previous = sectionLines.get(name);
      if (previous !== undefined) {
        add(lineNo, startCol, `section ${name} already started on line ${previous}; put all its entries under one ${name} line`);
      } else {
        sectionLines.set(name, lineNo);
      }
      section = name;
      return;
    }

    if (indent === 0) {
      if (content.includes('=')) {
        // Parsed anyway so that one unindented key does not also trigger "key missing".
        if (section === 'unknown') return;
        if (section === null) {
          add(lineNo, 1, 'entry outside any section; put it, indented, under a metadata or curve line');
        } else {
          add(lineNo, 1, `entry must be indented (with spaces or a tab) under the ${section} section`);
        }
        readEntry(lineNo, content, startCol);
      } else {
        add(
          lineNo,
          1,
          `unknown section ${show(content.replace(/[ \t]+$/, ''))}; a certificate has only metadata and curve sections`,
        );
        section = 'unknown';
      }
      return;
    }

    if (section === null) {
      add(lineNo, startCol, 'indented entry before any section; add a metadata or curve line above it');
      return;
    }
    readEntry(lineNo, content, startCol);
  });

  if (!sawContent) {
    return {
      ok: false,
      problems: [
        ...problems,
        { line: 1, column: 1, message: 'the certificate is empty; paste a certificate made by flux keygen or let the app generate one' },
      ],
    };
  }

  const curveLine = sectionLines.get('curve');
  if (curveLine === undefined) {
    add(
      lines.length,
      1,
      'there is no curve section; add an unindented line curve followed by indented public-key = "..." and secret-key = "..."',
    );
  } else {
    for (const key of ['public-key', 'secret-key'] as const) {
      if (!curve.has(key)) {
        add(curveLine, 1, `the curve section has no ${key}; add an indented line ${key} = "<40 Z85 characters>"`);
      }
    }
  }

  const pub = curve.get('public-key');
  const sec = curve.get('secret-key');
  if (pub?.usable && sec?.usable) {
    const decoded = decodeKey(sec, 'secret-key', add);
    const pubOk = decodeKey(pub, 'public-key', add) !== null;
    if (decoded && pubOk) {
      const expected = z85Encode(curvePublicKey(decoded));
      if (expected !== pub.value) {
        add(
          pub.line,
          pub.column,
          `public-key does not belong to the secret-key on line ${sec.line} (that secret key's public key is ${expected}); ` +
            'the two keys come from different certificates: copy both from the same certificate or generate a new one',
        );
      }
    }
  }

  if (problems.length > 0) {
    // Sort by position so the list reads top to bottom whatever order the checks ran in.
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, problems };
  }
  return {
    ok: true,
    publicKey: pub?.value ?? '',
    secretKey: sec?.value ?? '',
    metadata: Object.fromEntries([...metadata].map(([k, v]) => [k, v.value])),
  };
}

/**
 * Five Z85 characters can exceed 32 bits (e.g. "#####"); no generator produces such a key, so
 * it is reported rather than wrapped around as libzmq's decoder would.
 */
function decodeKey(
  entry: CurveEntry,
  key: CurveKeyName,
  add: (line: number, column: number, message: string) => void,
): Uint8Array | null {
  try {
    return z85Decode(entry.value);
  } catch {
    for (let i = 0; i < entry.value.length; i += 5) {
      try {
        z85Decode(entry.value.slice(i, i + 5));
      } catch {
        add(
          entry.line,
          entry.column + i,
          `${key} characters ${i + 1}-${i + 5} (${show(entry.value.slice(i, i + 5))}) encode a number larger than 32 bits, which no key generator produces; the key is damaged`,
        );
        break;
      }
    }
    return null;
  }
}
