import type { z } from 'zod';
import { ApiError, type ErrorDetail } from '../errors.js';

/**
 * Turns schema violations into the sandbox's error codes, so a client can tell a missing field
 * from a value out of range without parsing the message. Every message starts with the field.
 */
export const ERROR_CODES = {
  missing: 'MISSING_FIELD',
  type: 'INVALID_TYPE',
  enum: 'INVALID_ENUM',
  range: 'OUT_OF_RANGE',
  format: 'INVALID_FORMAT',
  url: 'INVALID_URL',
  id: 'INVALID_ID',
} as const;

/** `a.b[0].c` from zod's path array. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name ? `${name}.${String(key)}` : String(key);
  }, '');
}

const ARTICLES: Record<string, string> = { array: 'an array', object: 'an object', int: 'an integer' };

function describe(issue: z.core.$ZodIssue): { code: string; text: string } {
  const absent = issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
  if (absent) return { code: ERROR_CODES.missing, text: 'is required' };
  switch (issue.code) {
    case 'invalid_type':
      return { code: ERROR_CODES.type, text: `must be ${ARTICLES[issue.expected] ?? `a ${issue.expected}`}` };
    case 'invalid_value':
      return {
        code: ERROR_CODES.enum,
        text: `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`,
      };
    case 'too_small':
    case 'too_big':
      return { code: ERROR_CODES.range, text: issue.message };
    case 'custom':
      return { code: (issue.params?.['code'] as string | undefined) ?? ERROR_CODES.format, text: issue.message };
    default:
      return { code: ERROR_CODES.format, text: issue.message };
  }
}

/**
 * One detail per violation. `fieldCodes` replaces the generic code of an invalid (not missing)
 * top-level field, e.g. the seeds' `INVALID_FLOW_TYPE` for `type`.
 */
function toDetails(issues: readonly z.core.$ZodIssue[], fieldCodes: Record<string, string> = {}): ErrorDetail[] {
  return issues.map((issue) => {
    const field = fieldName(issue.path);
    const { code, text } = describe(issue);
    const fieldCode = issue.path.length === 1 && code !== ERROR_CODES.missing ? fieldCodes[field] : undefined;
    return { field, code: fieldCode ?? code, message: `${field} ${text}` };
  });
}

/** Parses `input` with `schema` or throws a 400 whose code and message are the first violation's. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, fieldCodes: Record<string, string> = {}): T {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const details = toDetails(result.error.issues, fieldCodes);
  const [first] = details;
  throw new ApiError(400, first?.code ?? ERROR_CODES.format, first?.message ?? 'invalid body', details);
}
