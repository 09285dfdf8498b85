/**
 * How the spec parser reads a YAML document, in a module of its own so that code which edits the
 * `yaml` Document (the form, the migration, secret stripping) can share it without the parser.
 */
import { Schema } from 'yaml';

/**
 * One schema instance for every parse: building it per document costs more than it looks, and the
 * package only reads it. Passing it also pins YAML 1.1 even if a file says `%YAML 1.2`, as yaml.v2 does.
 */
const SCHEMA = new Schema({ schema: 'yaml-1.1', resolveKnownTags: false });

export const SPEC_DOCUMENT_OPTIONS = { version: '1.1', schema: SCHEMA, uniqueKeys: false } as const;

/**
 * Far beyond any real spec (Kubernetes objects nest a dozen levels), and shallow enough that the
 * `yaml` composer and the value walk, which recurse per level, stay far from the stack limit.
 */
export const MAX_DEPTH = 256;

export const TOO_DEEP_MESSAGE = `The document nests more than ${MAX_DEPTH} levels deep here; a MiniCluster spec needs far fewer. Check for unclosed '[' or '{', or flatten the structure.`;
