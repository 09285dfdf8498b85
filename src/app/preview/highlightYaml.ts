/**
 * A small YAML highlighter for the generated objects: a line scanner, not a parser. It has to be
 * right about the YAML the renderer writes (block mappings and sequences, quoted and plain
 * scalars, literal blocks, `{}`/`[]`) and merely harmless on anything else, because it runs on
 * every edit over up to ~60 KB of text.
 *
 * Why hand-written when the `yaml` package has a lexer: speed. bench/highlightYamlLexer.ts is the
 * same highlighter on `yaml`'s Lexer tokens; it gives the very same tokens on every object the
 * core generates from our fixtures and the operator's examples, and is more exact on hand-written
 * YAML (multi-line plain scalars, an anchor before a key, comments after a directive). But on the
 * generated output of our 36 fixtures (median 11.8 KB), `npm run bench:highlight` measured median
 * times of 0.065 ms for this scanner, 0.31 ms for the lexer-based one and 0.23 ms for merely
 * iterating the lexer's tokens (Node 20; timed the same way in Chromium: 0.07, 0.37, 0.25 ms).
 * The lexer's generators alone cost more than three times this whole scanner, so no highlighter
 * built on them can catch up. (The renderer cannot hand out tokens either: `yaml`'s stringifier
 * writes the text.) Re-run the bench when `yaml` changes.
 *
 * Invariant: the tokens' texts concatenated give back the input exactly, so rendering them
 * (which escapes each text as a React child) shows and copies the real text.
 */

export type YamlTokenKind =
  | 'plain' // whitespace, line breaks, text that is none of the below
  | 'key' // a mapping key, plain or quoted
  | 'string' // a quoted or plain string value
  | 'number'
  | 'bool' // booleans and null, as a YAML 1.1 reader (kubectl) resolves them
  | 'comment'
  | 'punct' // `-`, `:`, `?`, `,`, `[`, `]`, `{`, `}`
  | 'document' // `---`, `...`, `%` directives
  | 'indicator' // block scalar header (`|`, `>-`, `|2+`), anchors, aliases, tags
  | 'block'; // the content of a literal or folded block scalar

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

// yaml.v2 (what `kubectl` reads with) resolves these plain scalars to bools or null, so they are
// shown as such even though a YAML 1.2 reader would see some of them as strings.
const BOOL_OR_NULL = new Set([
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  'y', 'Y', 'n', 'N',
  'null', 'Null', 'NULL', '~',
]);
const NUMBER =
  /^(?:[-+]?(?:[0-9][0-9_]*)?\.?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const BLOCK_HEADER = /^[|>](?:[1-9][-+]?|[-+][1-9]?)?(?=[ \t]|$)/;

export function plainScalarKind(text: string): YamlTokenKind {
  if (BOOL_OR_NULL.has(text)) return 'bool';
  if (NUMBER.test(text)) return 'number';
  return 'string';
}

/** A literal/folded block scalar being read: its lines are those indented at least `indent`. */
interface BlockState {
  /** Indentation of the node that owns the block; content must be indented more. */
  parent: number;
  /** Content indentation, from the header's indicator or the first non-empty line. */
  indent: number | undefined;
}

class Emitter {
  readonly tokens: YamlToken[] = [];
  emit(kind: YamlTokenKind, text: string): void {
    if (text === '') return;
    const last = this.tokens[this.tokens.length - 1];
    // Merging keeps the DOM small: a whole script becomes one span.
    if (last && last.kind === kind) last.text += text;
    else this.tokens.push({ kind, text });
  }
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';
const endsPlain = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t';

/** End (exclusive) of the quoted scalar opening at `start`, or -1 when it runs past the line. */
function quoteEnd(line: string, start: number, quote: string): number {
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') {
      i++;
      continue;
    }
    if (ch === quote) {
      if (quote === "'" && line[i + 1] === "'") {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return -1;
}

/** Index of the `:` that ends a plain implicit key starting at `start`, or -1. */
function plainKeyColon(line: string, start: number, inFlow: boolean): number {
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (ch === '#' && isBlank(line[i - 1])) return -1;
    if (inFlow && (ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}')) return -1;
    if (ch === ':') {
      const next = line[i + 1];
      if (endsPlain(next) || (inFlow && (next === ',' || next === ']' || next === '}'))) return i;
    }
  }
  return -1;
}

class LineScanner {
  pos = 0;
  /** Column of the node a block scalar header would belong to (key or `-`). */
  nodeCol = 0;
  block: BlockState | undefined;
  /** An open multi-line quoted scalar's quote character. */
  openQuote: string | undefined;
  flowDepth = 0;

  constructor(
    private readonly out: Emitter,
    private line: string,
  ) {}

  reset(line: string): void {
    this.line = line;
    this.pos = 0;
  }

  private blanks(): void {
    const start = this.pos;
    while (isBlank(this.line[this.pos])) this.pos++;
    this.out.emit('plain', this.line.slice(start, this.pos));
  }

  private rest(kind: YamlTokenKind): void {
    this.out.emit(kind, this.line.slice(this.pos));
    this.pos = this.line.length;
  }

  /** Whitespace, then a comment or whatever is left as plain text. */
  /** A quoted string at the cursor; false when it stays open past the end of the line. */
  private quoted(quote: '"' | "'"): boolean {
    const end = quoteEnd(this.line, this.pos + 1, quote);
    if (end < 0) {
      this.openQuote = quote;
      this.rest('string');
      return false;
    }
    this.out.emit('string', this.line.slice(this.pos, end));
    this.pos = end;
    return true;
  }

  private trailer(): void {
    this.blanks();
    if (this.pos >= this.line.length) return;
    if (this.line[this.pos] === '#') this.rest('comment');
    else this.rest('plain');
  }

  /** Continues (or finishes) a quoted scalar that started on an earlier line. */
  continueQuote(): void {
    const quote = this.openQuote ?? '"';
    const end = quoteEnd(this.line, this.pos, quote);
    if (end < 0) {
      this.rest('string');
      return;
    }
    this.out.emit('string', this.line.slice(this.pos, end));
    this.pos = end;
    this.openQuote = undefined;
    this.afterValue();
  }

  private afterValue(): void {
    if (this.flowDepth > 0) this.flow();
    else this.trailer();
  }

  /** A line (or the rest of one) in block context. */
  block_(): void {
    const line = this.line;
    const indentEnd = this.pos;
    if (indentEnd === 0 && /^(?:---|\.\.\.)(?=[ \t]|$)/.test(line)) {
      this.out.emit('document', line.slice(0, 3));
      this.pos = 3;
      this.nodeCol = -1;
      this.blanks();
      this.value();
      return;
    }
    if (indentEnd === 0 && line[0] === '%') {
      this.rest('document');
      return;
    }
    this.blanks();
    this.nodeCol = this.pos;
    // Sequence entries and explicit keys may nest on one line (`- - a`, `- key: v`). A block
    // scalar right after `-` belongs to the entry, whose content is indented past the dash.
    for (;;) {
      const ch = line[this.pos];
      if ((ch === '-' || ch === '?' || ch === ':') && endsPlain(line[this.pos + 1])) {
        this.nodeCol = this.pos;
        this.out.emit('punct', ch);
        this.pos++;
        this.blanks();
        continue;
      }
      break;
    }
    if (this.pos >= line.length) return;
    if (this.key(false)) {
      this.blanks();
      this.value();
      return;
    }
    this.value();
  }

  /** An implicit key and its `:` at the current position, if there is one. */
  private key(inFlow: boolean): boolean {
    const line = this.line;
    const start = this.pos;
    const ch = line[start];
    if (ch === '"' || ch === "'") {
      const end = quoteEnd(line, start + 1, ch);
      if (end < 0) return false;
      let colon = end;
      while (isBlank(line[colon])) colon++;
      if (line[colon] !== ':') return false;
      // JSON-style `"a":b` (no space after the colon) is a key only in flow context.
      if (!inFlow && !endsPlain(line[colon + 1])) return false;
      if (!inFlow) this.nodeCol = start;
      this.out.emit('key', line.slice(start, end));
      this.out.emit('plain', line.slice(end, colon));
      this.out.emit('punct', ':');
      this.pos = colon + 1;
      return true;
    }
    if (ch === undefined || '#[]{},&*!|>%@`'.includes(ch)) return false;
    const colon = plainKeyColon(line, start, inFlow);
    if (colon < 0) return false;
    let keyEnd = colon;
    while (keyEnd > start && isBlank(line[keyEnd - 1])) keyEnd--;
    if (!inFlow) this.nodeCol = start;
    this.out.emit('key', line.slice(start, keyEnd));
    this.out.emit('plain', line.slice(keyEnd, colon));
    this.out.emit('punct', ':');
    this.pos = colon + 1;
    return true;
  }

  /** A node after a key, `-` or `---`. */
  private value(): void {
    const line = this.line;
    // Anchors, aliases and tags come before the node they decorate.
    while (this.pos < line.length && '&*!'.includes(line[this.pos] ?? '')) {
      const start = this.pos;
      while (this.pos < line.length && !isBlank(line[this.pos])) this.pos++;
      this.out.emit('indicator', line.slice(start, this.pos));
      this.blanks();
    }
    if (this.pos >= line.length) return;
    const ch = line[this.pos];
    if (ch === '#') {
      this.rest('comment');
      return;
    }
    if (ch === '"' || ch === "'") {
      if (this.quoted(ch)) this.trailer();
      return;
    }
    if (ch === '|' || ch === '>') {
      const header = BLOCK_HEADER.exec(line.slice(this.pos));
      if (header) {
        this.out.emit('indicator', header[0]);
        this.pos += header[0].length;
        const digit = /[1-9]/.exec(header[0]);
        const parent = this.nodeCol;
        this.block = { parent, indent: digit ? Math.max(parent, 0) + Number(digit[0]) : undefined };
        this.trailer();
        return;
      }
    }
    if (ch === '[' || ch === '{') {
      this.flow();
      return;
    }
    // A plain scalar runs to a comment or the end of the line.
    const start = this.pos;
    let end = line.length;
    for (let i = start + 1; i < line.length; i++) {
      if (line[i] === '#' && isBlank(line[i - 1])) {
        end = i;
        break;
      }
    }
    while (end > start && isBlank(line[end - 1])) end--;
    const text = line.slice(start, end);
    this.out.emit(plainScalarKind(text), text);
    this.pos = end;
    this.trailer();
  }

  /** Flow collections (`{a: 1, b: [x]}`), which may span lines. */
  flow(): void {
    const line = this.line;
    while (this.pos < line.length) {
      const ch = line[this.pos] ?? '';
      if (isBlank(ch)) {
        this.blanks();
        continue;
      }
      if (ch === '[' || ch === '{') {
        this.flowDepth++;
        this.out.emit('punct', ch);
        this.pos++;
        continue;
      }
      if (ch === ']' || ch === '}') {
        this.flowDepth = Math.max(0, this.flowDepth - 1);
        this.out.emit('punct', ch);
        this.pos++;
        if (this.flowDepth === 0) {
          this.trailer();
          return;
        }
        continue;
      }
      if (ch === ',' || ch === ':' || ch === '?') {
        this.out.emit('punct', ch);
        this.pos++;
        continue;
      }
      if (ch === '#') {
        this.rest('comment');
        return;
      }
      if (this.key(true)) continue;
      if (ch === '"' || ch === "'") {
        if (!this.quoted(ch)) return;
        continue;
      }
      if (ch === '&' || ch === '*' || ch === '!') {
        const start = this.pos;
        while (this.pos < line.length && !isBlank(line[this.pos]) && !',[]{}'.includes(line[this.pos] ?? '')) this.pos++;
        this.out.emit('indicator', line.slice(start, this.pos));
        continue;
      }
      const start = this.pos;
      let end = start;
      while (end < line.length) {
        const c = line[end];
        if (c === ',' || c === '[' || c === ']' || c === '{' || c === '}') break;
        if (c === ':' && (endsPlain(line[end + 1]) || ',]}'.includes(line[end + 1] ?? ''))) break;
        if (c === '#' && isBlank(line[end - 1])) break;
        end++;
      }
      let textEnd = end;
      while (textEnd > start && isBlank(line[textEnd - 1])) textEnd--;
      const text = line.slice(start, textEnd);
      this.out.emit(plainScalarKind(text), text);
      this.pos = textEnd;
    }
  }
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Splits YAML text into highlighted tokens whose texts, joined, are exactly `text`. */
export function highlightYaml(text: string): YamlToken[] {
  const out = new Emitter();
  const scanner = new LineScanner(out, '');
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    const hasBreak = nl >= 0;
    if (!hasBreak) nl = text.length;
    let lineEnd = nl;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(start, lineEnd);
    const lineBreak = text.slice(lineEnd, hasBreak ? nl + 1 : nl);
    start = hasBreak ? nl + 1 : nl;

    const block = scanner.block;
    if (block) {
      const spaces = leadingSpaces(line);
      const empty = spaces === line.length;
      if (block.indent === undefined && !empty && spaces > block.parent) block.indent = spaces;
      if (empty || (block.indent !== undefined && spaces >= block.indent)) {
        out.emit('block', line);
        out.emit('block', lineBreak);
        continue;
      }
      scanner.block = undefined;
    }

    scanner.reset(line);
    const indent = leadingSpaces(line);
    out.emit('plain', line.slice(0, indent));
    scanner.pos = indent;
    if (scanner.openQuote !== undefined) scanner.continueQuote();
    else if (scanner.flowDepth > 0) scanner.flow();
    else if (indent < line.length) {
      const rest = line.slice(indent);
      if (rest.startsWith('#')) {
        out.emit('comment', rest);
        scanner.pos = line.length;
      } else {
        scanner.block_();
      }
    }
    // Never drop text, whatever path the scanner took.
    if (scanner.pos < line.length) out.emit('plain', line.slice(scanner.pos));
    out.emit('plain', lineBreak);
  }
  return out.tokens;
}

/** Splits the tokens at line ends (a token may span lines, like a block scalar's content). */
export function tokenLines(tokens: readonly YamlToken[]): YamlToken[][] {
  const lines: YamlToken[][] = [];
  let line: YamlToken[] = [];
  for (const token of tokens) {
    const parts = token.text.split('\n');
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      // The line break stays at the end of its token, where the trailing-space marker looks for it.
      const text = last ? part : `${part}\n`;
      if (text !== '') line.push({ kind: token.kind, text });
      if (!last) {
        lines.push(line);
        line = [];
      }
    });
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
