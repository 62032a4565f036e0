import type { VerifikErrorCode } from './error-codes.js';

export type { VerifikErrorCode } from './error-codes.js';

/** A failure of the widget, with the stable code `verifik-error` reports. */
export class EnrollError extends Error {
  constructor(
    readonly code: VerifikErrorCode,
    message: string,
    readonly recoverable = false,
    /** What followed `@` in Verifik's message: tries left, seconds to wait, a score. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'EnrollError';
  }
}

/** A module of the widget (a chunk loaded on demand) that could not load: Retry may load it. */
export const chunkLoadError = (error: unknown): EnrollError =>
  new EnrollError('network_error', error instanceof Error ? error.message : String(error), true);
