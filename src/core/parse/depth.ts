/**
 * The `yaml` parser fed lexeme by lexeme (what Parser.parse does internally), so that runaway
 * nesting is caught while the parser's explicit stack grows: the composer and every walk of its
 * nodes recurse per level, and deep recursion can overflow the stack or abort V8 outright. Whether
 * it does depends on what ran before (optimised frames are smaller), so a depth that one parse
 * survives can kill the next: every text is checked before it is composed.
 */
import { Lexer, Parser } from 'yaml';
import type { CST } from 'yaml';
import { MAX_DEPTH } from './documentOptions.ts';

/** True when the parser holds more open nodes than a document may nest (its document token included). */
export const isTooDeep = (parser: Parser): boolean => parser.stack.length > MAX_DEPTH + 1;

/** The offset where `text` first nests more than MAX_DEPTH levels, or undefined. Linear in the text. */
export function tooDeepAt(text: string): number | undefined {
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(text)) {
    for (const _ of parser.next(lexeme));
    if (isTooDeep(parser)) return parser.offset;
  }
  return undefined;
}

export interface TooDeep {
  /** Where the limit was passed. */
  at: number;
  /** Where the document's content starts. */
  contentAt: number;
  /** The document's top-level collection as far as it was read (its earlier pairs complete). */
  root?: CST.Token;
}

/** The parser's top-level tokens of `text`, up to where it first nests too deep. */
export function guardedTokens(text: string): { tokens: CST.Token[]; tooDeep?: TooDeep } {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (isTooDeep(parser)) {
      const root = parser.stack[1];
      return { tokens, tooDeep: { at: parser.offset, contentAt: root?.offset ?? parser.offset, ...(root ? { root } : {}) } };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}
