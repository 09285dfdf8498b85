/** Turns the schema validator's issues into messages that say what to write instead. */
import type { z } from 'zod';
import type { PathSegment } from '../diagnostics.ts';
import { valueAt } from './plain.ts';
import { quote } from './quoteText.ts';

export interface IssueMessage {
  path: PathSegment[];
  message: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `the number ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function typeMessage(expected: string, actual: unknown): string {
  const want = EXPECTED[expected] ?? expected;
  if (actual === undefined) return `Required field is missing: add it (${want}).`;
  let hint = '';
  if (expected === 'string' && (typeof actual === 'boolean' || typeof actual === 'number')) {
    hint = typeof actual === 'boolean'
      ? ' Kubernetes reads unquoted yes/no/on/off/true/false as booleans (YAML 1.1): put the value in quotes.'
      : ' Put the value in quotes to make it text.';
  } else if ((expected === 'number' || expected === 'int') && typeof actual === 'string') {
    hint = /^[+-]?\d+$/.test(actual) ? ' Remove the quotes.' : '';
  } else if (expected === 'boolean' && typeof actual === 'string') {
    hint = ' Write true or false without quotes.';
  } else if (actual === null) {
    hint = ' Give it a value or remove the key.';
  }
  return `Expected ${want}, found ${describe(actual)}.${hint}`;
}

export function schemaIssueMessages(issues: readonly z.core.$ZodIssue[], input: unknown): IssueMessage[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const actual = valueAt(input, path);
    switch (issue.code) {
      case 'invalid_type':
        return { path, message: typeMessage(issue.expected, actual) };
      case 'too_big':
        return {
          path,
          message: issue.maximum === 65535
            ? `Port ${String(actual)} is not a valid port: use 1-65535.`
            : `${String(actual)} is too large: the largest allowed value is ${String(issue.maximum)}.`,
        };
      case 'too_small':
        return { path, message: `${String(actual)} is too small: the smallest allowed value is ${String(issue.minimum)}.` };
      case 'invalid_union':
        // Quantities are the only unions: a number or a quantity string.
        return {
          path,
          message: `Expected a Kubernetes quantity, found ${describe(actual)}: write a number with an optional suffix such as 500m, 2, 4Gi or 200M.`,
        };
      case 'invalid_format':
        return { path, message: `${describe(actual)}: ${issue.message}.` };
      default:
        return { path, message: issue.message };
    }
  });
}
