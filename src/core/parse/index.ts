export {
  parseSpecText,
  SPEC_DOCUMENT_OPTIONS,
  DEFAULT_MAX_ALIAS_COUNT,
  DEFAULT_MAX_ALIAS_NODES,
  DEFAULT_MAX_BYTES,
  type ParseOptions,
  type ParsedText,
  type SourceSpan,
} from './parseSpecText.ts';
export { tooLargeMessage } from './tooLarge.ts';
