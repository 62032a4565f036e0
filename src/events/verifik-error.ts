import type { VerifikErrorCode } from '../errors/error-codes.js';
import type { StepId } from '../flow/machine.js';

export type { VerifikErrorCode } from '../errors/error-codes.js';

/** Name of the event fired when something goes wrong. */
export const VERIFIK_ERROR = 'verifik-error';

/**
 * Where an error happened: a step id (`done` while the registration is completed at Verifik), or
 * `setup` while the project and flow load.
 */
export type VerifikErrorStep = StepId | 'setup';

export interface VerifikErrorDetail {
  /** Stable code: see {@link VerifikErrorCode}. */
  code: VerifikErrorCode;
  /** The message shown to the person, in the widget's language. */
  message: string;
  /** The step the error happened in; `setup` while the project and flow load. */
  step: VerifikErrorStep;
  /** Whether the person can retry (the widget shows a retry button). */
  recoverable: boolean;
}

export type VerifikErrorEvent = CustomEvent<VerifikErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    [VERIFIK_ERROR]: VerifikErrorEvent;
  }
}
