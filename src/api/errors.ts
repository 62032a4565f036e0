/**
 * An error answered by the Verifik API (or met on the way to it), with a stable `code`.
 *
 * Verifik answers errors in two styles, both handled here:
 * - `{"code":"MissingParameter","message":"missing project"}` (restify style);
 * - `{"code":"Conflict","message":"409:liveness_failed@0.45"}` (status, code and an optional
 *   value after `@`, which Verifik's own clients split on).
 * Network failures have status 0 and code `network_error`.
 */
export class VerifikApiError extends Error {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Stable machine-readable code, e.g. `otp_does_not_match`, `NotFound`, `network_error`. */
  readonly code: string;
  /** What followed `@` in a `409:liveness_failed@0.45` message, e.g. a score. */
  readonly detail: string | undefined;

  constructor(status: number, code: string, message: string, detail?: string) {
    super(message);
    this.name = 'VerifikApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  /** Whether trying the same request again may succeed: no response, a timeout, or a server error. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** `403:otp_does_not_match` or `409:liveness_failed@0.45`. */
const PREFIXED = /^(\d{3}):([A-Za-z][\w.-]*)(?:@(.*))?$/s;
/** A message that is itself a code, as in `{"error":"Invalid project ID","message":"INVALID_PROJECT_ID"}`. */
const CODE_ONLY = /^[A-Z][A-Z0-9_]+$/;

const asText = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Reads a Verifik error body (any style, or none) into a {@link VerifikApiError}. */
export function parseApiError(status: number, body: unknown): VerifikApiError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = asText(fields['code']);
  const message = asText(fields['message']);
  const error = asText(fields['error']);

  const prefixed = message ? PREFIXED.exec(message) : null;
  if (prefixed) {
    const [, , prefixedCode = '', detail] = prefixed;
    return new VerifikApiError(status, prefixedCode, message ?? prefixedCode, detail);
  }
  if (!code && message && CODE_ONLY.test(message)) {
    return new VerifikApiError(status, message, error ?? message);
  }
  return new VerifikApiError(status, code ?? `http_${status}`, message ?? error ?? `HTTP ${status}`);
}
