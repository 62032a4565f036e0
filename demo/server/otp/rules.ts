/**
 * The one-time-code rules, the single source in the sandbox: the codes it issues, the messages
 * that carry them and the resend throttle read these values.
 */

/** Digits in a code. */
export const OTP_LENGTH = 6;
/** How long a code is valid, in seconds (10 minutes). */
export const OTP_TTL_SECONDS = 10 * 60;
/** How long before another code may be sent for the same contact, in seconds. */
export const OTP_RESEND_SECONDS = 30;
/** Wrong tries of one code before a new one is needed. */
export const OTP_MAX_WRONG_ATTEMPTS = 5;
/** Codes per registration and contact (each new code resets the tries, so this bounds the guesses). */
export const OTP_MAX_CODES = 5;
