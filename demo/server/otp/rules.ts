/**
 * The one-time-code rules of the sandbox. The length, expiry and resend wait are the widget's own
 * (`src/flow/otp-rules.ts`, a pure module), so the codes issued, the messages that carry them, the
 * throttle and the widget's copy cannot disagree; the server-only limits are stated here.
 */
export { OTP_LENGTH, OTP_RESEND_SECONDS, OTP_TTL_SECONDS } from '../../../src/flow/otp-rules.js';

/** Wrong tries of one code before a new one is needed. */
export const OTP_MAX_WRONG_ATTEMPTS = 5;
/** Codes per registration and contact (each new code resets the tries, so this bounds the guesses). */
export const OTP_MAX_CODES = 5;
