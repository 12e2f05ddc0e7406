// What is wrong with a call's input, in sentences a person can act on ("The note can be at most
// 100,000 characters long."), since the renderer and the CLI show them as they are. The schema
// library's own messages ("Too big: expected string to have <=100000 characters") are written
// for programmers.

import { isWellFormedText } from '../../shared/text/index.js';

/// One problem the input's schema found: the fields this module reads of a zod issue.
export interface InputIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  keys?: string[];
  values?: unknown[];
}

/// The first few problems, one sentence each.
export function describeInputIssues(call: string, issues: readonly InputIssue[]): string {
  return issues.slice(0, 3).map((i) => issueSentence(call, i)).join(' ');
}

function issueSentence(call: string, issue: InputIssue): string {
  const what = fieldLabel(issue.path);
  const n = (x: number | bigint | undefined) => Number(x).toLocaleString('en');
  // A message the contract wrote for this check ("a tag needs a name") says it best.
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return sentence(issue.message);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return sentence(`${what} can be at most ${n(issue.maximum)} characters long`);
      if (issue.origin === 'array') return sentence(`${what} can hold at most ${n(issue.maximum)} items`);
      return sentence(issue.inclusive === false ? `${what} must be less than ${n(issue.maximum)}` : `${what} can be at most ${n(issue.maximum)}`);
    case 'too_small':
      if (issue.origin === 'string') return sentence(Number(issue.minimum) <= 1 ? `${what} cannot be empty` : `${what} must be at least ${n(issue.minimum)} characters long`);
      if (issue.origin === 'array') return sentence(`${what} needs at least ${n(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`);
      return sentence(issue.inclusive === false ? `${what} must be more than ${n(issue.minimum)}` : `${what} must be at least ${n(issue.minimum)}`);
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return sentence(`${what} is missing`);
      return sentence(`${what} should be ${KINDS[issue.expected ?? ''] ?? issue.expected}`);
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).map((k) => `"${k}"`).join(', ');
      // The call's name as it is spelt (it starts in lower case), not as the start of a sentence.
      return issue.path.length ? sentence(`${what} does not take ${keys}`) : `${call} does not take ${keys}.`;
    }
    case 'invalid_value':
      return sentence(`${what} must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`);
    default:
      return sentence(`${what}: ${issue.message.toLowerCase()}`);
  }
}

/// How the schema library's own messages begin (zod 4).
const ZOD_DEFAULT_MESSAGE = /^(Too (big|small)|Invalid|Unrecognized)/;

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object with named fields',
  null: 'null',
};

/// `note` → "The note"; `tagNames.0` → "Each tag name"; `articleId` → "The article id".
export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (names.length === 0) return 'The input';
  const words = names[names.length - 1].replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const inList = typeof path[path.length - 1] === 'number';
  return inList ? `Each ${words.replace(/s$/, '')}` : `The ${words}`;
}

function sentence(s: string): string {
  const t = s.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}

/// The path to the first string in `value` that is not well-formed Unicode (half of a UTF-16
/// surrogate pair alone), or null. SQLite would store it as bytes that read back as garbage.
export function illFormedText(value: unknown, path: PropertyKey[] = [], depth = 0): PropertyKey[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = illFormedText(v, [...path, Array.isArray(value) ? Number(k) : k], depth + 1);
    if (found) return found;
  }
  return null;
}
