import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import type { StoredDoc } from '../db.js';
import { ApiError, verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';

/**
 * One-time codes for email and phone validations: 6 digits from a cryptographic RNG, stored only
 * as an HMAC, valid 10 minutes, at most 5 wrong tries before a new code is needed, and a new code
 * at most every 30 seconds, at most 5 codes per registration and contact (each new code resets the
 * tries, so this bounds the guesses). Codes are "delivered" to the dev outbox (`GET /dev/outbox`).
 */
export const OTP_RULES = { digits: 6, ttlMinutes: 10, maxWrongAttempts: 5, resendSeconds: 30, maxCodes: 5 } as const;

export interface Delivery {
  channel: 'email' | 'sms' | 'whatsapp';
  to: string;
}

const MESSAGES: Record<string, (code: string) => { subject: string; text: string }> = {
  en: (code) => ({
    subject: 'Your verification code',
    text: `Your verification code is ${code}. It expires in 10 minutes.`,
  }),
  es: (code) => ({
    subject: 'Tu código de verificación',
    text: `Tu código de verificación es ${code}. Vence en 10 minutos.`,
  }),
  pt: (code) => ({
    subject: 'Seu código de verificação',
    text: `Seu código de verificação é ${code}. Ele expira em 10 minutos.`,
  }),
};

const hash = (key: Buffer, salt: string, code: string) => createHmac('sha256', key).update(`${salt}:${code}`).digest();

/**
 * Sends a new code for `target` (an email, or a phone with its country code) of a registration.
 * An unexpired validation for the same target is resent rather than duplicated, and resending
 * sooner than 30 s after the last code is a 429 `otp_resend_too_soon@<seconds left>`.
 */
export function sendCode(
  context: SandboxContext,
  collection: string,
  registration: StoredDoc,
  target: Record<string, string>,
  record: Record<string, unknown>,
  delivery: Delivery,
): StoredDoc & { existing: boolean } {
  const now = context.now();
  const sent = context.store
    .list(collection, registration.client, { appRegistration: registration._id, ...target }, { offset: 0, limit: 100 })
    .items.reduce((sum, validation) => sum + Number(validation['sentCount'] ?? 0), 0);
  if (sent >= OTP_RULES.maxCodes) throw verifikError(429, 'otp_send_limit_reached', OTP_RULES.maxCodes);
  const [active] = context.store.list(
    collection,
    registration.client,
    { appRegistration: registration._id, status: 'sent', ...target },
    { offset: 0, limit: 1 },
  ).items;
  const reusable = active && Date.parse(active['expiresAt'] as string) > now.getTime() ? active : undefined;
  if (reusable) {
    const waited = (now.getTime() - Date.parse(reusable['sentAt'] as string)) / 1000;
    if (waited < OTP_RULES.resendSeconds)
      throw verifikError(429, 'otp_resend_too_soon', Math.ceil(OTP_RULES.resendSeconds - waited));
  }

  const code = String(randomInt(0, 10 ** OTP_RULES.digits)).padStart(OTP_RULES.digits, '0');
  const salt = randomBytes(16).toString('hex');
  const validation: StoredDoc = {
    ...(reusable ?? { _id: newObjectId(now), client: registration.client, createdAt: now.toISOString(), sentCount: 0 }),
    ...record,
    ...target,
    appRegistration: registration._id,
    project: registration['project'],
    projectFlow: registration['projectFlow'],
    status: 'sent',
    sentAt: now.toISOString(),
    sentCount: Number(reusable?.['sentCount'] ?? 0) + 1,
    expiresAt: new Date(now.getTime() + OTP_RULES.ttlMinutes * 60_000).toISOString(),
    resendAvailableAt: new Date(now.getTime() + OTP_RULES.resendSeconds * 1000).toISOString(),
    wrongAttempts: 0,
    attemptsLeft: OTP_RULES.maxWrongAttempts,
    updatedAt: now.toISOString(),
    _codeSalt: salt,
    _codeHash: hash(context.secret('otp'), salt, code).toString('hex'),
  };
  if (reusable) context.store.replace(collection, validation);
  else context.store.insert(collection, validation);

  const message = (MESSAGES[registration['language'] as string] ?? MESSAGES['en']!)(code);
  context.store.insert(COLLECTIONS.outbox, {
    _id: newObjectId(now),
    client: registration.client,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...delivery,
    ...message,
    code,
    appRegistration: registration._id,
    validation: validation._id,
  });
  return { ...validation, existing: Boolean(reusable) };
}

/** `otp` as Verifik sends it (a number, so 012345 arrives as 12345) or as a string of 6 digits. */
export function readCode(otp: unknown): string {
  if (typeof otp === 'number' && Number.isInteger(otp) && otp >= 0 && otp < 10 ** OTP_RULES.digits) {
    return String(otp).padStart(OTP_RULES.digits, '0');
  }
  if (typeof otp === 'string' && new RegExp(`^\\d{${OTP_RULES.digits}}$`).test(otp)) return otp;
  throw new ApiError(400, 'INVALID_FORMAT', `otp must be a ${OTP_RULES.digits}-digit code`);
}

/**
 * Checks `code` against a validation. Expired: 412 `<kind>Validation_has_expired`. Five wrong
 * tries: 403 `otp_attempts_exceeded` until a new code is sent. Wrong: 403
 * `otp_does_not_match@<tries left>`. A project in demo mode also accepts its `demoOTP`.
 */
export function verifyCode(
  context: SandboxContext,
  collection: string,
  validation: StoredDoc,
  code: string,
  kind: 'email' | 'phone',
): StoredDoc {
  if (validation['status'] === 'validated') return validation;
  const now = context.now();
  if (Date.parse(validation['expiresAt'] as string) <= now.getTime())
    throw verifikError(412, `${kind}Validation_has_expired`);
  const wrong = Number(validation['wrongAttempts'] ?? 0);
  if (wrong >= OTP_RULES.maxWrongAttempts) throw verifikError(403, 'otp_attempts_exceeded');

  const project = context.store.get(COLLECTIONS.projects, validation['project'] as string);
  const demo = project?.['demoMode'] === true && typeof project['demoOTP'] === 'string' && project['demoOTP'] === code;
  const expected = Buffer.from(validation['_codeHash'] as string, 'hex');
  const matches =
    demo || timingSafeEqual(hash(context.secret('otp'), validation['_codeSalt'] as string, code), expected);
  if (!matches) {
    const attemptsLeft = OTP_RULES.maxWrongAttempts - (wrong + 1);
    context.store.replace(collection, {
      ...validation,
      wrongAttempts: wrong + 1,
      attemptsLeft,
      updatedAt: now.toISOString(),
    });
    throw attemptsLeft > 0
      ? verifikError(403, 'otp_does_not_match', attemptsLeft)
      : verifikError(403, 'otp_attempts_exceeded');
  }
  return context.store.replace(collection, {
    ...validation,
    status: 'validated',
    validatedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
}
