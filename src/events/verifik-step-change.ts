import type { StepId } from '../flow/machine.js';

/** Name of the event fired when the widget moves to another step. */
export const VERIFIK_STEP_CHANGE = 'verifik-step-change';

export interface VerifikStepChangeDetail {
  /** The step left, or null when the flow starts (or resumes). */
  from: StepId | null;
  to: StepId;
  /** 1-based position of `to` among the flow's steps; equals `total` on the done screen. */
  index: number;
  /** How many steps the person goes through: the done screen is not counted, as in the "Step n of m" line. */
  total: number;
}

export type VerifikStepChangeEvent = CustomEvent<VerifikStepChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    [VERIFIK_STEP_CHANGE]: VerifikStepChangeEvent;
  }
}
