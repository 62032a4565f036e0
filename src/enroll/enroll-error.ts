import { VerifikApiError } from '../api/errors.js';
import type { VerifikErrorCode } from '../events/verifik-error.js';

/** A failure of the widget, with the stable code `verifik-error` reports. */
export class EnrollError extends Error {
  constructor(
    readonly code: VerifikErrorCode,
    message: string,
    readonly recoverable = false,
  ) {
    super(message);
    this.name = 'EnrollError';
  }
}

/**
 * Any error met while loading, as an {@link EnrollError}. `notFound` is the code a 404 means in
 * this context (a project, a flow…). Aborts are passed through untouched.
 */
export function toEnrollError(error: unknown, notFound: VerifikErrorCode = 'api_error'): EnrollError {
  if (error instanceof EnrollError) return error;
  if (error instanceof VerifikApiError) {
    if (error.status === 404) return new EnrollError(notFound, error.message);
    if (error.code === 'network_error') return new EnrollError('network_error', error.message, true);
    if (error.code === 'invalid_response') return new EnrollError('invalid_response', error.message, true);
    if (error.retryable) return new EnrollError('server_error', error.message, true);
    return new EnrollError('api_error', `${error.code}: ${error.message}`);
  }
  return new EnrollError('api_error', error instanceof Error ? error.message : String(error));
}
