import type { StepId, StepOutcome } from '../flow/machine.js';

/** Name of the event fired when a step ends: passed, skipped, or failed after its last attempt. */
export const VERIFIK_STEP_COMPLETE = 'verifik-step-complete';

export interface VerifikStepCompleteDetail {
  step: StepId;
  outcome: StepOutcome;
  /** `phone`: the person did this step on their phone (cross-device handoff); absent when done here. */
  handoff?: 'phone';
}

export type VerifikStepCompleteEvent = CustomEvent<VerifikStepCompleteDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    [VERIFIK_STEP_COMPLETE]: VerifikStepCompleteEvent;
  }
}
