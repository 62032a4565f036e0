/**
 * Errors the sandbox answers with, in Verifik's envelope: `{code, message}` plus, for validation
 * failures, `details[{field, code, message}]` (as Verifik's v3 API does).
 */
export interface ErrorDetail {
  field: string;
  code: string;
  message: string;
}

/** An error that becomes an HTTP response with a stable `code`. Throw it from any handler. */
export class ApiError extends Error {
  /** Response headers that go with the error (`Retry-After` of a 429). */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The JSON body of this error. */
  toBody(): { code: string; message: string; details?: ErrorDetail[] } {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** 404 in Verifik's documented style: `{"code":"NotFound","message":"project_not_found"}`. */
export const notFound = (what: string): ApiError => new ApiError(404, 'NotFound', `${what}_not_found`);

/**
 * An error in Verifik's status-prefixed style, which its clients split on `@`:
 * `{"code":"liveness_failed","message":"409:liveness_failed@0.45"}`.
 */
export function verifikError(status: number, code: string, detail?: string | number): ApiError {
  const suffix = detail === undefined ? '' : `@${detail}`;
  return new ApiError(status, code, `${status}:${code}${suffix}`);
}
