import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';
import {
  OTP_LENGTH,
  OTP_MAX_CODES,
  OTP_MAX_WRONG_ATTEMPTS,
  OTP_RESEND_SECONDS,
  OTP_TTL_SECONDS,
} from '../otp/rules.js';
import type { Where } from '../db.js';
import type { CodeRecord, RegistrationRecord } from '../records.js';
import { takeCodeAllowance } from './limits.js';
import { deliver, type Delivery } from './outbox.js';

/**
 * One-time codes for email and phone validations (rules in `otp/rules.ts`): digits from a
 * cryptographic RNG, stored only as an HMAC, valid for a while, a few wrong tries before a new code
 * is needed, a resend throttle, a few codes per registration and contact, and time-window limits
 * per contact and per client address. Codes are "delivered" to the dev outbox.
 */

type CodeCollection = typeof COLLECTIONS.emailValidations | typeof COLLECTIONS.phoneValidations;

const TTL_MINUTES = OTP_TTL_SECONDS / 60;

const MESSAGES: Record<string, (code: string) => { subject: string; text: string }> = {
  en: (code) => ({
    subject: 'Your verification code',
    text: `Your verification code is ${code}. It expires in ${TTL_MINUTES} minutes.`,
  }),
  es: (code) => ({
    subject: 'Tu código de verificación',
    text: `Tu código de verificación es ${code}. Vence en ${TTL_MINUTES} minutos.`,
  }),
  pt: (code) => ({
    subject: 'Seu código de verificação',
    text: `Seu código de verificação é ${code}. Ele expira em ${TTL_MINUTES} minutos.`,
  }),
};

/** What a person who has no account is told instead of a code (the sign-in page looks the same). */
const NO_ACCOUNT_MESSAGES: Record<string, (code: string) => { subject: string; text: string }> = {
  en: () => ({
    subject: 'Sign-in attempt',
    text: 'Someone tried to sign in with this address, but no account uses it. If it was not you, ignore this message.',
  }),
  es: () => ({
    subject: 'Intento de inicio de sesión',
    text: 'Alguien intentó iniciar sesión con esta dirección, pero ninguna cuenta la usa. Si no fuiste tú, ignora este mensaje.',
  }),
  pt: () => ({
    subject: 'Tentativa de acesso',
    text: 'Alguém tentou entrar com este endereço, mas nenhuma conta o usa. Se não foi você, ignore esta mensagem.',
  }),
};

const hash = (key: Buffer, salt: string, code: string) => createHmac('sha256', key).update(`${salt}:${code}`).digest();

/** What a code is for: an email, or a phone with its country code. */
export type CodeTarget = { email: string } | { phone: string; countryCode: string };

/** Whom a code is sent for: a registration, or a login flow's attempt (`appRegistration` '' when nobody). */
export interface CodeOwner {
  client: string;
  project: string;
  projectFlow: string;
  appRegistration: string;
  language: string;
}

/** A registration as the owner of its onboarding codes. */
export const registrationOwner = (registration: RegistrationRecord): CodeOwner => ({
  client: registration.client,
  project: registration.project,
  projectFlow: registration.projectFlow,
  appRegistration: registration._id,
  language: registration.language,
});

export interface SendOptions {
  /**
   * The validations that count as this contact's (resend, code limit): by default the owner's
   * registration and the target; login codes count per flow and contact.
   */
  scope?: Where<CodeCollection>;
  /**
   * Nobody can use a code here (a login for a contact nobody registered): the same work is done
   * and a message is written, but it carries no code and no code matches the stored hash.
   */
  decoy?: boolean;
}

/**
 * Sends a new code for `target`. An unexpired validation in the same scope is resent rather than
 * duplicated; resending within the throttle is a 429 `otp_resend_too_soon@<seconds left>`, and the
 * limits per contact and client `address` are 429s with `Retry-After`.
 */
export function sendCode(
  context: SandboxContext,
  collection: CodeCollection,
  owner: CodeOwner,
  target: CodeTarget,
  settings: Pick<CodeRecord, 'type' | 'validationMethod' | 'emailGateway' | 'phoneGateway'>,
  delivery: Delivery,
  address: string,
  options: SendOptions = {},
): CodeRecord & { existing: boolean } {
  const { store } = context;
  const now = context.now();
  const mine = options.scope ?? { appRegistration: owner.appRegistration, ...target };
  const sent = store
    .list(collection, owner.client, mine, { offset: 0, limit: 100 })
    .items.reduce((sum, validation) => sum + validation.sentCount, 0);
  if (sent >= OTP_MAX_CODES) throw verifikError(429, 'otp_send_limit_reached', OTP_MAX_CODES);
  const [active] = store.list(collection, owner.client, { ...mine, status: 'sent' }, { offset: 0, limit: 1 }).items;
  const reusable = active && Date.parse(active.expiresAt) > now.getTime() ? active : undefined;
  if (reusable) {
    const waited = (now.getTime() - Date.parse(reusable.sentAt)) / 1000;
    if (waited < OTP_RESEND_SECONDS) {
      throw verifikError(429, 'otp_resend_too_soon', Math.ceil(OTP_RESEND_SECONDS - waited));
    }
  }
  takeCodeAllowance(context, delivery.to, address);

  const code = String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0');
  // A decoy's hash is of a value no code can be (longer than any code): it never matches.
  const hashed = options.decoy ? randomBytes(OTP_LENGTH).toString('hex') : code;
  const salt = randomBytes(16).toString('hex');
  const expiresAt = new Date(now.getTime() + OTP_TTL_SECONDS * 1000);
  const validation: CodeRecord = {
    ...(reusable ?? { _id: newObjectId(now), client: owner.client, createdAt: now.toISOString() }),
    ...settings,
    ...target,
    appRegistration: owner.appRegistration,
    project: owner.project,
    projectFlow: owner.projectFlow,
    status: 'sent',
    sentAt: now.toISOString(),
    sentCount: (reusable?.sentCount ?? 0) + 1,
    expiresAt: expiresAt.toISOString(),
    resendAvailableAt: new Date(now.getTime() + OTP_RESEND_SECONDS * 1000).toISOString(),
    wrongAttempts: 0,
    attemptsLeft: OTP_MAX_WRONG_ATTEMPTS,
    updatedAt: now.toISOString(),
    _codeSalt: salt,
    _codeHash: hash(context.secret('otp'), salt, hashed).toString('hex'),
  };
  store.transaction(() => {
    if (reusable) store.replace(collection, validation);
    else store.insert(collection, validation);
    const messages = options.decoy ? NO_ACCOUNT_MESSAGES : MESSAGES;
    const message = (messages[owner.language] ?? messages['en']!)(code);
    deliver(context, delivery, options.decoy ? message : { ...message, code }, {
      client: owner.client,
      appRegistration: owner.appRegistration,
      validation: validation._id,
      expiresAt,
    });
  });
  return { ...validation, existing: Boolean(reusable) };
}

/** `otp` as Verifik sends it (a number, so 012345 arrives as 12345) or as a string of digits. */
export function readCode(otp: unknown): string {
  if (typeof otp === 'number' && Number.isInteger(otp) && otp >= 0 && otp < 10 ** OTP_LENGTH) {
    return String(otp).padStart(OTP_LENGTH, '0');
  }
  if (typeof otp === 'string' && new RegExp(`^\\d{${OTP_LENGTH}}$`).test(otp)) return otp;
  throw new ApiError(400, 'INVALID_FORMAT', `otp must be a ${OTP_LENGTH}-digit code`);
}

/**
 * Checks `code` against a validation. Expired: 412 `<kind>Validation_has_expired`. Too many wrong
 * tries: 403 `otp_attempts_exceeded` until a new code is sent. Wrong: 403
 * `otp_does_not_match@<tries left>`. A project in demo mode also accepts its `demoOTP`. A
 * validated code answers again only to its own code.
 */
export function verifyCode(
  context: SandboxContext,
  collection: CodeCollection,
  validation: CodeRecord,
  code: string,
  kind: 'email' | 'phone',
): CodeRecord {
  const now = context.now();
  const project = context.store.get(COLLECTIONS.projects, validation.project);
  const demo = project?.demoMode === true && typeof project.demoOTP === 'string' && project.demoOTP === code;
  const expected = Buffer.from(validation._codeHash, 'hex');
  const matches = demo || timingSafeEqual(hash(context.secret('otp'), validation._codeSalt, code), expected);
  if (validation.status === 'validated') {
    if (matches) return validation;
    throw verifikError(403, 'otp_does_not_match', 0);
  }
  if (Date.parse(validation.expiresAt) <= now.getTime()) throw verifikError(412, `${kind}Validation_has_expired`);
  const wrong = validation.wrongAttempts;
  if (wrong >= OTP_MAX_WRONG_ATTEMPTS) throw verifikError(403, 'otp_attempts_exceeded');
  if (!matches) {
    const attemptsLeft = OTP_MAX_WRONG_ATTEMPTS - (wrong + 1);
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
