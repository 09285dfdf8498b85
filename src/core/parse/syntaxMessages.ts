/**
 * The `yaml` package's error messages name grammar productions ("implicit keys", "compact
 * mappings", "flow collections"). People editing a MiniCluster need to know what to change in
 * their file, so each known message is rewritten in terms of spaces, colons, dashes and quotes.
 * Unknown messages pass through unchanged so nothing is lost if the package adds new ones.
 * The package's messages quote the file's text; every message leaves here with its invisible
 * characters escaped (see quoteText.ts).
 */
import { printable, quote, shortened } from '../common/quoteText.ts';

export interface YamlErrorContext {
  code: string;
  message: string;
  /** One-based lines where the reported range starts and ends. */
  line: number;
  endLine: number;
  /** The source text at the error position (up to the end of that line). */
  lineText: string;
  /** The source text of the line before the error position. */
  before?: string;
  /** The source text the error is about (up to the end of its first line). */
  token?: string;
  /** The position was moved from where the parser gave up to the opening quote or bracket. */
  atOpening?: boolean;
}

export function rephraseYamlError(e: YamlErrorContext): string {
  return printable(rephrase(e));
}

function rephrase(e: YamlErrorContext): string {
  const { code, message } = e;
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation here; YAML only allows spaces for indentation. Replace the tab with spaces.';
    case 'MULTILINE_IMPLICIT_KEY':
      if (e.lineText.startsWith('- ') || e.lineText === '-') return listInMapping();
      return e.endLine > e.line
        ? `The text from line ${e.line} to line ${e.endLine} reads as one key spread over several lines. ` +
            `Most likely a ':' is missing after a key on line ${e.line} (write 'key: value'), ` +
            `or line ${e.endLine} is indented differently from the lines around it.`
        : 'This key must fit on one line and be followed by \': \'; check for a missing \':\' or a wrongly indented line.';
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (message.startsWith('Nested mappings')) {
        return (
          "A value on the same line as its key cannot itself contain 'key: value'. Put the inner mapping on " +
          "its own lines, indented under the key, or put the whole value in quotes if the ': ' is part of the text."
        );
      }
      return "This '- ' list item is not aligned with the items before it; start every item of one list at the same column.";
    case 'BAD_INDENT':
      if (message.startsWith('All mapping items')) {
        return 'This key is not aligned with the keys above it in the same mapping; indent it with exactly as many spaces as its sibling keys.';
      }
      if (message.startsWith('All sequence items')) {
        return "This '- ' list item is not aligned with the items before it; start every item of one list at the same column.";
      }
      if (message.startsWith('Flow map') || message.startsWith('Flow sequence')) {
        const [open, close, what] = message.startsWith('Flow map') ? ['{', '}', 'mapping'] : ['[', ']', 'list'];
        return e.atOpening
          ? `This '${open}' is never closed: add the closing '${close}' where the ${what} ends, and indent any continuation lines more than the parent key.`
          : `A ${what} opened with '${open}' is not closed before this line: add the closing '${close}', and indent any continuation lines more than the parent key.`;
      }
      return `Indentation problem: ${message}. Indent this line with spaces, consistently with the lines around it.`;
    case 'MISSING_CHAR':
      if (message.startsWith('Missing closing "quote')) {
        return 'This "double-quoted" text is never closed, so it runs on to the end of the file; add the closing " (or write the value without quotes).';
      }
      if (message.startsWith("Missing closing 'quote")) {
        return "This 'single-quoted' text is never closed, so it runs on to the end of the file; add the closing ' (inside single quotes, write '' for one quote).";
      }
      if (message.startsWith('Implicit map keys need to be followed')) {
        if (e.lineText.startsWith('- ') || e.lineText === '-') return listInMapping();
        return "This line has no ':' after its key; write 'key: value' (with a space after the colon), or remove the line.";
      }
      if (message.startsWith('Missing , or :')) {
        return "Items inside '{...}' must be written 'key: value' and separated by ', '; a ',' or ': ' is missing here.";
      }
      if (message.startsWith('Missing , between')) {
        return "Items inside '[...]' or '{...}' must be separated by ', '; a comma is missing here.";
      }
      if (message.startsWith('Comments must be separated')) {
        return "Put a space before '#' to start a comment, or put the value in quotes if '#' is part of it.";
      }
      if (message.startsWith('Tags and anchors must be separated')) {
        return "Put a space after the tag (!...) or anchor (&...) before the value.";
      }
      if (message.startsWith('Missing space after :')) {
        return "Put a space after ':' inside '{...}'.";
      }
      return message;
    case 'BAD_SCALAR_START': {
      const ch = message.slice(-1);
      return `A value cannot start with ${ch} unless it is quoted; put the whole value in quotes, e.g. "${ch}...".`;
    }
    case 'BAD_DQ_ESCAPE':
      return `${message} inside "double quotes": write \\\\ for a backslash, or use 'single quotes', where backslashes are kept as they are.`;
    case 'UNEXPECTED_TOKEN':
      if (message.includes('block-seq-ind on same line with key')) return listInMapping();
      if (message.startsWith('Unexpected scalar at node end') || message.startsWith('Unexpected flow-scalar at node end')) {
        return textAfterValue(e.before ?? '');
      }
      if (/^Unexpected [\w-]+ token in YAML stream/.test(message) && e.token !== undefined) {
        return `Unexpected ${quote(shortened(e.token))} after the end of the document's top-level value; check the indentation of this line against the first lines of the document.`;
      }
      if (message.startsWith('Unexpected map-value-ind')) {
        return "Unexpected ':' with no key before it; write 'key: value', or check the indentation of this line.";
      }
      if (message.startsWith('Block scalar header includes extra characters')) {
        return "Only '|' or '>' (optionally with -, + or an indentation digit) may follow the key; move the text to the next lines, indented.";
      }
      return `${message}; check the indentation and punctuation of this line.`;
    case 'MULTIPLE_ANCHORS':
      return 'A value can have at most one anchor (&name); remove the extra one.';
    case 'MULTIPLE_TAGS':
      return 'A value can have at most one tag (!...); remove the extra one.';
    case 'ALIAS_PROPS':
      return 'An alias (*name) cannot have an anchor or tag of its own; remove the & or ! before it.';
    case 'BAD_ALIAS':
      return `${message}; give the anchor or alias a name, e.g. &common and *common.`;
    case 'KEY_OVER_1024_CHARS':
      return "A key written without '? ' must be shorter than 1024 characters; shorten the key.";
    case 'BLOCK_IN_FLOW':
      return "Inside '{...}' or '[...]' values must be written inline; block values ('|', '>', '- ', indented mappings) are not allowed there.";
    case 'RESOURCE_EXHAUSTION':
      return 'The document is nested too deeply to be read; flatten the structure.';
    case 'BAD_DIRECTIVE':
      return `${message}. Kubernetes reads every file as YAML 1.1 whatever the %YAML line says; remove the directive line.`;
    case 'TAG_RESOLVE_FAILED':
      if (message.startsWith('Unresolved tag')) {
        const tag = message.slice(message.indexOf(':') + 1).trim();
        return `The tag ${tag} is not one Kubernetes knows: the value is kept, but a single value under an unknown tag is always read as text. Remove the tag.`;
      }
      return `${message}; remove the tag or write a standard one such as !!str.`;
    case 'MULTIPLE_DOCS':
      return 'Only the first document of the file is used.';
    default:
      return message;
  }
}

/** Text where the value before it has ended ("Unexpected scalar at node end"), told by what ends that value. */
function textAfterValue(before: string): string {
  const last = before.trimEnd().slice(-1);
  if (last === '') {
    return (
      "This line does not continue the document's top-level value: start it at the column of the " +
      "document's first key (every top-level key at the same column, and no 'key: value' entries after a list at the same level)."
    );
  }
  if (last === '"' || last === "'") {
    return 'Unexpected text after the value: a quoted value ends at its closing quote, so put the whole value inside the quotes, or start a comment with " #".';
  }
  if (last === ']' || last === '}') {
    return `Unexpected text after the value: a value written in brackets ends at its closing '${last}', so put the text inside the brackets, or start a comment with " #".`;
  }
  return 'Unexpected text after the value: this value cannot continue here; check the indentation and punctuation of this line, or start a comment with " #".';
}


function listInMapping(): string {
  return (
    "A list item ('- ') appears where the mapping expects 'key: value' entries; a list and keys cannot be " +
    "mixed at one level. Put the list under a key (e.g. 'containers:') and make sure it is indented consistently."
  );
}

/**
 * Several of the package's errors describe one mistake from different angles on the same line
 * (a mis-indented line gives "nested mappings are not allowed" and "implicit keys need to be on
 * a single line"; a stray list item gives three). Only the most telling one per line is shown:
 * lower rank wins, ties go to the one reported first.
 */
export function errorRank(code: string, message: string, spansLines: boolean): number {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 0;
    case 'MISSING_CHAR':
      if (message.startsWith('Missing closing')) return 1;
      if (message.startsWith('Implicit map keys need to be followed')) return 5;
      return 2;
    case 'BAD_INDENT':
      return 2;
    case 'MULTILINE_IMPLICIT_KEY':
      return spansLines ? 3 : 6;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return message.startsWith('Nested mappings') ? 4 : 3;
    case 'UNEXPECTED_TOKEN':
      return 6;
    default:
      return 2;
  }
}
