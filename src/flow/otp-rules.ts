/**
 * The one-time-code rules, shared by the code step, the code input, the strings and the sandbox
 * (which imports this pure module), so the number of digits, the expiry and the resend wait are
 * stated once.
 */

/** Digits in an email or phone code. */
export const OTP_LENGTH = 6;

/** How long a sent code stays valid, in seconds (10 minutes). */
export const OTP_TTL_SECONDS = 10 * 60;

/** How long the person waits before asking for a new code, in seconds. */
export const OTP_RESEND_SECONDS = 30;
