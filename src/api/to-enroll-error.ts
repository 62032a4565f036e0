import { EnrollError } from '../errors/enroll-error.js';
import type { VerifikErrorCode } from '../errors/error-codes.js';
import { VerifikApiError } from './errors.js';

/** Verifik's codes the widget explains itself, and whether the person can act on them. */
const API_CODES: Record<string, [VerifikErrorCode, boolean]> = {
  invalid_email: ['invalid_email', true],
  invalid_phone: ['invalid_phone', true],
  email_is_registered_already: ['already_registered', false],
  phone_is_registered_already: ['already_registered', false],
  user_not_allowed: ['registration_refused', false],
  otp_does_not_match: ['otp_does_not_match', true],
  otp_attempts_exceeded: ['otp_attempts_exceeded', true],
  emailValidation_has_expired: ['otp_expired', true],
  phoneValidation_has_expired: ['otp_expired', true],
  otp_resend_too_soon: ['otp_resend_too_soon', true],
  appRegistration_already_finished: ['session_expired', false],
  liveness_failed: ['liveness_failed', true],
  multiple_faces: ['multiple_faces', true],
  no_face_detected: ['no_face_detected', true],
  duplicated_person: ['duplicated_person', false],
  max_attempts_reached: ['attempts_exhausted', false],
  document_face_not_found: ['document_face_not_found', true],
  document_settings_not_set: ['invalid_flow', false],
  image_unreadable: ['image_rejected', true],
  invalid_base64: ['image_rejected', true],
  image_too_large: ['image_rejected', true],
  INVALID_IMAGE: ['image_rejected', true],
  // Login flows (Smart Access).
  LIVENESS_DETECTION_FAILED: ['liveness_failed', true],
  IDENTITY_VERIFICATION_FAILED: ['login_face_not_recognised', true],
  user_blacklisted: ['login_blacklisted', false],
  user_not_whitelisted: ['login_not_whitelisted', false],
  person_not_found: ['login_unknown_person', false],
  handoff_expired: ['handoff_link_expired', false],
  handoff_revoked: ['handoff_link_expired', false],
  handoff_already_used: ['handoff_link_used', false],
  handoff_not_found: ['handoff_link_invalid', false],
};

/**
 * Any error as an {@link EnrollError}. `notFound` is the code a 404 means in this context (a
 * project, a flow…).
 */
export function toEnrollError(error: unknown, notFound: VerifikErrorCode = 'api_error'): EnrollError {
  if (error instanceof EnrollError) return error;
  if (error instanceof VerifikApiError) {
    // The login's `INVALID_BIOMETRIC_DATA@no_face_detected` names the problem after the `@`.
    const code = error.code === 'INVALID_BIOMETRIC_DATA' ? (error.detail ?? 'image_unreadable') : error.code;
    const known = Object.hasOwn(API_CODES, code) ? API_CODES[code] : undefined;
    if (known) return new EnrollError(known[0], error.message, known[1], error.detail);
    if (error.status === 401) return new EnrollError('session_expired', error.message);
    if (error.status === 404) return new EnrollError(notFound, error.message);
    if (error.code === 'network_error') return new EnrollError('network_error', error.message, true);
    if (error.code === 'invalid_response') return new EnrollError('invalid_response', error.message, true);
    if (error.retryable) return new EnrollError('server_error', error.message, true);
    return new EnrollError('api_error', `${error.code}: ${error.message}`);
  }
  return new EnrollError('api_error', error instanceof Error ? error.message : String(error));
}
