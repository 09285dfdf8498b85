/**
 * A candidate the preview's highlighter is measured against (bench/highlight.bench.ts): the same
 * tokens, named the same way, but found by the `yaml` package's lexer instead of a hand-written
 * line scanner. The lexer decides where every token starts and ends (keys, scalars, block scalars
 * and their extent, flow collections, comments, document markers); what is left here is naming
 * them: the lexer does not say which scalar is a mapping key (one followed by `:` on its line),
 * what a plain scalar resolves to, or which scalar is the content of a block scalar header.
 *
 * It is not the app's highlighter because it is slower (see src/app/preview/highlightYaml.ts):
 * iterating the lexer's tokens alone takes several times as long as the hand-written scanner
 * takes for everything. Kept so that the comparison can be run again, e.g. after a `yaml` upgrade.
 *
 * Invariant, as for the app's: the tokens' texts concatenated give back the input exactly.
 */
import { Lexer } from 'yaml';
import { plainScalarKind, type YamlToken, type YamlTokenKind } from '../src/app/preview/highlightYaml.ts';

// The lexer marks document starts, scalars and broken-off flow collections with these control
// characters, emitted as tokens of their own that are not part of the text.
const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';
/** The same characters in the input (never valid YAML) would be taken for markers. */
const MARKER_CHARS = /[\x02\x18\x1f]/g;

/** A line break and the next line's indentation, inside a scalar that spans lines. */
const CONTINUATION = /\r?\n */g;

class Emitter {
  readonly tokens: YamlToken[] = [];
  private lastKind: YamlTokenKind | undefined;

  emit(kind: YamlTokenKind, text: string): void {
    if (text === '') return;
    // Merging keeps the DOM small: a whole script becomes one span.
    if (kind === this.lastKind) {
      const last = this.tokens[this.tokens.length - 1]!;
      last.text += text;
    } else {
      this.tokens.push({ kind, text });
      this.lastKind = kind;
    }
  }

  /**
   * A scalar that may span lines: line breaks and the indentation after them are layout, not
   * part of the value, and stay plain like all other indentation.
   */
  emitScalar(kind: YamlTokenKind, text: string): void {
    if (text.indexOf('\n') < 0) {
      this.emit(kind, text);
      return;
    }
    let last = 0;
    CONTINUATION.lastIndex = 0;
    for (let m = CONTINUATION.exec(text); m; m = CONTINUATION.exec(text)) {
      this.emit(kind, text.slice(last, m.index));
      this.emit('plain', m[0]);
      last = m.index + m[0].length;
    }
    this.emit(kind, text.slice(last));
  }
}

/** Splits YAML text into highlighted tokens whose texts, joined, are exactly `text`. */
export function highlightYamlWithLexer(text: string): YamlToken[] {
  const out = new Emitter();
  // Control characters the lexer would read as its markers become another character it reads as
  // text; the tokens' texts are then cut from the real input by position.
  const masked = text.search(MARKER_CHARS) >= 0;
  const source = masked ? text.replace(MARKER_CHARS, '\x01') : text;
  let pos = 0;

  let scalarNext = false; // the lexer announced a scalar: the next token is its text
  let blockNext = false; // after a block scalar header: the next scalar is its content
  let headerLine = false; // between a block scalar header and its line break
  let afterBlock = false; // just after block content: blank lines still belong to the block
  let blank = ''; // after block content, the start of a line not yet known to be blank
  // A scalar is a key when `:` follows on its line; until that is known it waits here.
  let held: string | undefined;
  let heldKind: YamlTokenKind = 'string';
  let heldSpace = '';

  const release = (kind: YamlTokenKind) => {
    const scalar = held!;
    // An implicit key cannot span lines: of a scalar that does (an error), only its last line is
    // taken for the key.
    let lastLine = kind === 'key' ? scalar.lastIndexOf('\n') + 1 : 0;
    if (lastLine > 0) while (scalar.charCodeAt(lastLine) === 32) lastLine++;
    if (lastLine > 0) {
      out.emitScalar(heldKind, scalar.slice(0, lastLine));
      out.emit(kind, scalar.slice(lastLine));
    } else out.emitScalar(kind, scalar);
    out.emit('plain', heldSpace);
    held = undefined;
    heldSpace = '';
  };

  for (const lexed of new Lexer().lex(source)) {
    let tok = lexed;
    if (!scalarNext && tok.length === 1 && (tok === SCALAR || tok === DOCUMENT || tok === FLOW_END)) {
      if (tok === SCALAR) scalarNext = true;
      continue;
    }
    if (tok === '') {
      // An empty scalar; when it is a block scalar's content, blank lines after it are the block's.
      if (scalarNext && blockNext) afterBlock = true;
      if (scalarNext) blockNext = false;
      scalarNext = false;
      continue;
    }
    if (masked) tok = text.slice(pos, pos + tok.length);
    pos += tok.length;
    const c = tok.charCodeAt(0);

    if (held !== undefined) {
      if (!scalarNext && (c === 32 || c === 9)) {
        heldSpace += tok;
        continue;
      }
      if (!scalarNext && tok === ':') {
        release('key');
        out.emit('punct', tok);
        continue;
      }
      release(heldKind);
    }

    if (afterBlock) {
      if (c === 32 || c === 9) {
        blank += tok;
        continue;
      }
      afterBlock = false;
      if (c === 10 || (c === 13 && tok === '\r\n')) {
        out.emit('block', blank + tok);
        blank = '';
        afterBlock = true;
        continue;
      }
      out.emit('plain', blank);
      blank = '';
    }

    if (scalarNext) {
      scalarNext = false;
      if (blockNext) {
        blockNext = false;
        out.emit('block', tok);
        afterBlock = true;
      } else {
        held = tok;
        heldKind = plainScalarKind(tok);
      }
      continue;
    }

    switch (c) {
      case 10: // \n
      case 13: // \r\n
        headerLine = false;
        out.emit('plain', tok);
        break;
      case 32: // space
      case 9: // tab
        out.emit('plain', tok);
        break;
      case 35: // #
        out.emit('comment', tok);
        break;
      case 34: // "
      case 39: // '
        if (headerLine) out.emit('plain', tok);
        else {
          held = tok;
          heldKind = 'string';
        }
        break;
      case 124: // |
      case 62: // >
        if (headerLine) out.emit('plain', tok);
        else {
          out.emit('indicator', tok);
          blockNext = true;
          headerLine = true;
        }
        break;
      case 38: // &
      case 42: // *
      case 33: // !
        out.emit(headerLine ? 'plain' : 'indicator', tok);
        break;
      case 37: // %
        out.emit(headerLine ? 'plain' : 'document', tok);
        break;
      case 45: // -
      case 46: // .
        out.emit(headerLine ? 'plain' : tok.length === 3 ? 'document' : 'punct', tok);
        break;
      case 63: // ?
      case 58: // :
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
        out.emit(headerLine ? 'plain' : 'punct', tok);
        break;
      default:
        out.emit('plain', tok);
    }
  }
  if (held !== undefined) release(heldKind);
  out.emit(afterBlock ? 'block' : 'plain', blank);
  // Never drop text, whatever the lexer did.
  if (pos < text.length) out.emit('plain', text.slice(pos));
  return out.tokens;
}
