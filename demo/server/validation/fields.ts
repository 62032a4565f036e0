import { z } from 'zod';
import { isObjectId } from '../ids.js';
import { ERROR_CODES } from './issues.js';

/** Field builders shared by the project and project-flow schemas. */

/** A number within `[min, max]`, with a message naming both bounds. */
export const between = (min: number, max: number) => {
  const error = `must be between ${min} and ${max}`;
  return z.number().min(min, { error }).max(max, { error });
};

/** An integer within `[min, max]`. */
export const intBetween = (min: number, max: number) => between(min, max).int({ error: 'must be an integer' });

/** An absolute http(s) URL: nothing else may be redirected to or called back. */
export const httpUrl = () =>
  z.string().refine(
    (value) => {
      try {
        const { protocol } = new URL(value);
        return protocol === 'http:' || protocol === 'https:';
      } catch {
        return false;
      }
    },
    { error: 'must be an absolute http(s) URL', params: { code: ERROR_CODES.url } },
  );

/** A reference to another record: a 24-hex-digit ObjectId. */
export const objectId = () =>
  z.string().refine(isObjectId, { error: 'must be a 24-hex-digit id', params: { code: ERROR_CODES.id } });

/** Text with a maximum length. */
export const text = (max = 500) => z.string().max(max, { error: `must be at most ${max} characters` });

/**
 * The integrator's own id for the person (`reference`): 1 to 128 characters without control
 * characters, kept on the registration and carried in the final token.
 */
export const registrationReference = z
  .string()
  .regex(/^[^\p{Cc}]{1,128}$/u, { error: 'must be 1 to 128 characters without control characters' });

export const email = () => z.email({ error: 'must be an email address' });
