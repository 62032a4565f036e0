/**
 * Public API without side effects: the element class, its events and types; `verifik-enroll.js`
 * defines the tags. The step elements are internal and not exported.
 */
export { VerifikEnroll } from './enroll/verifik-enroll.js';
export type { VerifikPrefill } from './enroll/prefill.js';
export {
  VERIFIK_STEP_CHANGE,
  type VerifikStepChangeDetail,
  type VerifikStepChangeEvent,
} from './events/verifik-step-change.js';
export {
  VERIFIK_STEP_COMPLETE,
  type VerifikStepCompleteDetail,
  type VerifikStepCompleteEvent,
} from './events/verifik-step-complete.js';
export {
  VERIFIK_COMPLETE,
  VERIFIK_FINAL_STATUSES,
  type VerifikCompleteDetail,
  type VerifikCompleteEvent,
  type VerifikLoginCompleteDetail,
  type VerifikOnboardingCompleteDetail,
  type VerifikCompletionStatus,
} from './events/verifik-complete.js';
export { VERIFIK_CANCEL, type VerifikCancelDetail, type VerifikCancelEvent } from './events/verifik-cancel.js';
export type { StepId, StepOutcome } from './flow/machine.js';
export { VerifikApiError } from './api/errors.js';
export type { KycProject, ProjectFlow } from './api/types.js';
export { VERIFIK_READY, type VerifikReadyDetail, type VerifikReadyEvent } from './events/verifik-ready.js';
export {
  VERIFIK_ERROR,
  type VerifikErrorCode,
  type VerifikErrorDetail,
  type VerifikErrorEvent,
  type VerifikErrorStep,
} from './events/verifik-error.js';
export type { Translation, TranslationOverrides } from './i18n/translation.js';
