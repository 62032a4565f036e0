import type { z } from 'zod';
import { ApiError } from '../errors.js';
import { ERROR_CODES, parseOrThrow } from '../validation/issues.js';
import { objectBody } from './shared.js';

/**
 * Parses a registrant-endpoint body. Absent parameters get Verifik's own answer,
 * 409 `{"code":"MissingParameter","message":"missing email"}`; anything else the sandbox's
 * field-naming 400s.
 */
export function parseRegistrantBody<T>(schema: z.ZodType<T>, body: unknown): T {
  try {
    return parseOrThrow(schema, objectBody(body));
  } catch (error) {
    if (error instanceof ApiError && error.code === ERROR_CODES.missing) {
      throw new ApiError(409, 'MissingParameter', `missing ${error.details?.[0]?.field ?? 'parameter'}`);
    }
    throw error;
  }
}
