/** Public API without side effects: import the class and types; `verifik-enroll.js` defines the tag. */
export { VerifikEnroll } from './enroll/verifik-enroll.js';
export { VerifikOtpInput } from './ui/otp-input.js';
export { VerifikApiError } from './api/errors.js';
export type { KycProject, ProjectFlow } from './api/types.js';
export { VERIFIK_READY, type VerifikReadyDetail, type VerifikReadyEvent } from './events/verifik-ready.js';
export {
  VERIFIK_ERROR,
  type VerifikErrorCode,
  type VerifikErrorDetail,
  type VerifikErrorEvent,
} from './events/verifik-error.js';
export type { Translation, TranslationOverrides } from './i18n/translation.js';
