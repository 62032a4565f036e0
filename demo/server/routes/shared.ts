import { z } from 'zod';
import { ApiError } from '../errors.js';
import { intBetween } from '../validation/fields.js';
import { parseOrThrow } from '../validation/issues.js';

/** Request-shape helpers shared by the route modules. */

export type JsonObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as an object, or a 400 `INVALID_BODY` for arrays, strings, numbers, null or nothing. */
export function objectBody(body: unknown): JsonObject {
  if (!isPlainObject(body)) throw new ApiError(400, 'INVALID_BODY', 'request body must be a JSON object');
  return body;
}

/** Fields the server owns: a client may send them back (as GET returned them), they are ignored. */
const SERVER_FIELDS = ['_id', 'client', 'version', 'createdAt', 'updatedAt', '__v', 'collectionCode'];

export function withoutServerFields(body: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_FIELDS.includes(key)));
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `patch` applied onto `base` for PUT: objects merge key by key, anything else (arrays included)
 * replaces. Neither argument is modified.
 */
export function mergeDeep(base: JsonObject, patch: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeDeep(current, value) : value;
  }
  return merged;
}

const pageQuery = z.looseObject({
  page: z.coerce.number().pipe(intBetween(1, 1_000_000)).optional(),
  limit: z.coerce.number().pipe(intBetween(1, 100)).optional(),
  perPage: z.coerce.number().pipe(intBetween(1, 100)).optional(),
});

export interface Paging {
  page: number;
  limit: number;
  offset: number;
}

/** `page` (from 1) and `limit` or `perPage` (default 20, at most 100), as Verifik's list endpoints take them. */
export function paging(query: unknown): Paging {
  const parsed = parseOrThrow(pageQuery, query ?? {});
  const page = parsed.page ?? 1;
  const limit = parsed.limit ?? parsed.perPage ?? 20;
  return { page, limit, offset: (page - 1) * limit };
}

/** Verifik's list envelope. */
export const listEnvelope = <T>(items: T[], total: number, { page, limit }: Paging) => ({
  data: items,
  total,
  limit,
  page,
  pages: Math.ceil(total / limit),
});

/** A single string query parameter, or a 400 when it was repeated. */
export function queryString(query: unknown, name: string): string | undefined {
  const value = isPlainObject(query) ? query[name] : undefined;
  if (value === undefined || typeof value === 'string') return value;
  throw new ApiError(400, 'INVALID_TYPE', `${name} must be given once`);
}
