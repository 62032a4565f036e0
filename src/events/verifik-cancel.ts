import type { StepId } from '../flow/machine.js';

/** Name of the event fired when the person cancels; the widget then starts over. */
export const VERIFIK_CANCEL = 'verifik-cancel';

export interface VerifikCancelDetail {
  /** The step the person was on. */
  step: StepId;
}

export type VerifikCancelEvent = CustomEvent<VerifikCancelDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    [VERIFIK_CANCEL]: VerifikCancelEvent;
  }
}
