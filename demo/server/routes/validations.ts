import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { notFound, verifikError } from '../errors.js';
import { isObjectId } from '../ids.js';
import { publicDoc } from '../public-views.js';
import type { CodeRecord, RegistrationRecord } from '../records.js';
import { readCode, registrationOwner, sendCode, verifyCode } from '../services/codes.js';
import {
  currentRegistration,
  expireSuperseded,
  flowOf,
  requireOpen,
  updateRegistration,
} from '../services/registration.js';
import { text } from '../validation/fields.js';
import { parseRegistrantBody } from './registrant-body.js';
import { registrantGuard } from './registrant-guard.js';

/**
 * Email and phone one-time codes of an app registration (verifik-api.md §4–§5), with the
 * registrant token.
 */

const VALIDATION_TYPES = ['onboarding', 'validation', 'login', 'oneTimeLink'] as const;

const common = {
  project: z.string(),
  validationMethod: z.enum(['verificationCode', 'manual']),
  type: z.enum(VALIDATION_TYPES),
  projectFlow: z.string().optional(),
  language: text(10).optional(),
};

const createEmailSchema = z.looseObject({ ...common, email: text(254) });
const createPhoneSchema = z.looseObject({
  ...common,
  phone: text(32),
  countryCode: text(8),
  phoneGateway: z.enum(['sms', 'whatsapp']).optional(),
});
const checkEmailSchema = z.looseObject({ email: text(254).optional(), otp: z.unknown().optional() });
const checkPhoneSchema = z.looseObject({ phone: text(32), countryCode: text(8), otp: z.unknown() });

const digits = (value: string) => value.replace(/\D/g, '');

export function validationRoutes(app: FastifyInstance, context: SandboxContext): void {
  const registrant = { onRequest: registrantGuard(context) };

  /** The checks both create endpoints share: the registration's own project and flow, still open. */
  function checkScope(
    registration: RegistrationRecord,
    body: { project: string; projectFlow?: string | undefined; validationMethod: string },
  ) {
    if (body.project !== registration.project) throw notFound('project');
    if (body.projectFlow !== undefined && body.projectFlow !== registration.projectFlow) throw notFound('projectFlow');
    if (body.validationMethod !== 'verificationCode')
      throw verifikError(409, 'validation_method_not_supported', body.validationMethod);
    requireOpen(registration);
  }

  /** The answer to a create: the validation without its code, plus Verifik's flags. */
  const sentAnswer = ({ existing, ...validation }: CodeRecord & { existing: boolean }) => ({
    data: { ...publicDoc(validation), new: !existing, sent: true },
  });

  app.post('/v2/email-validations/app-registration', registrant, async (request) => {
    const registration = currentRegistration(context, request.registration._id);
    const body = parseRegistrantBody(createEmailSchema, request.body);
    checkScope(registration, body);
    const email = body.email.replace(/\s+/g, '').toLowerCase();
    if (email !== registration.email) throw verifikError(409, 'email_does_not_match_registration');
    const { signUpForm } = flowOf(context, registration);
    if (!signUpForm.email || signUpForm.emailGateway === 'none')
      throw verifikError(409, 'email_validation_not_enabled');
    const validation = sendCode(
      context,
      COLLECTIONS.emailValidations,
      registrationOwner(registration),
      { email },
      { type: body.type, validationMethod: body.validationMethod, emailGateway: signUpForm.emailGateway },
      { channel: 'email', to: email },
      request.ip,
    );
    return sentAnswer(validation);
  });

  app.put<{ Params: { id: string } }>('/v2/email-validations/:id', registrant, async (request) => {
    const registration = currentRegistration(context, request.registration._id);
    const body = parseRegistrantBody(checkEmailSchema, request.body);
    if (body.email === undefined || body.otp === undefined) throw verifikError(409, 'missing_email_and_otp');
    const validation = isObjectId(request.params.id)
      ? context.store.get(COLLECTIONS.emailValidations, request.params.id)
      : undefined;
    const email = body.email.replace(/\s+/g, '').toLowerCase();
    if (!validation || validation.appRegistration !== registration._id || validation.email !== email) {
      throw verifikError(404, 'email_validation_not_found');
    }
    requireOpen(registration);
    const validated = verifyCode(context, COLLECTIONS.emailValidations, validation, readCode(body.otp), 'email');
    context.store.transaction(() =>
      expireSuperseded(context, updateRegistration(context, registration._id, { emailValidation: validated._id })),
    );
    return { data: validatedAnswer(validated, registration) };
  });

  app.post('/v2/phone-validations/app-registration', registrant, async (request) => {
    const registration = currentRegistration(context, request.registration._id);
    const body = parseRegistrantBody(createPhoneSchema, request.body);
    checkScope(registration, body);
    const phone = digits(body.phone);
    const { countryCode } = registration;
    if (phone !== registration.phone || countryCode === undefined || body.countryCode.trim() !== countryCode) {
      throw verifikError(409, 'phone_does_not_match_registration');
    }
    const { signUpForm } = flowOf(context, registration);
    if (!signUpForm.phone || signUpForm.phoneGateway === 'none')
      throw verifikError(409, 'phone_validation_not_enabled');
    const gateway = signUpForm.phoneGateway === 'both' ? (body.phoneGateway ?? 'whatsapp') : signUpForm.phoneGateway;
    const validation = sendCode(
      context,
      COLLECTIONS.phoneValidations,
      registrationOwner(registration),
      { phone, countryCode },
      { type: body.type, validationMethod: body.validationMethod, phoneGateway: gateway },
      { channel: gateway, to: `${countryCode}${phone}` },
      request.ip,
    );
    return sentAnswer(validation);
  });

  /** Verifik validates phone codes without an id: the registration's latest code for that number. */
  app.put('/v2/phone-validations', registrant, async (request) => {
    const registration = currentRegistration(context, request.registration._id);
    const body = parseRegistrantBody(checkPhoneSchema, request.body);
    const [validation] = context.store.list(
      COLLECTIONS.phoneValidations,
      registration.client,
      { appRegistration: registration._id, phone: digits(body.phone), countryCode: body.countryCode.trim() },
      { offset: 0, limit: 1 },
    ).items;
    if (!validation) throw verifikError(404, 'phone_validation_not_found');
    requireOpen(registration);
    const validated = verifyCode(context, COLLECTIONS.phoneValidations, validation, readCode(body.otp), 'phone');
    context.store.transaction(() =>
      expireSuperseded(context, updateRegistration(context, registration._id, { phoneValidation: validated._id })),
    );
    return { data: validatedAnswer(validated, registration) };
  });

  /** Verifik's answer to a good code. */
  function validatedAnswer(validation: CodeRecord, registration: RegistrationRecord) {
    const { steps } = flowOf(context, registration);
    return {
      ...publicDoc(validation),
      status: 'validated',
      showFaceLivenessRecommendation: steps.liveness !== 'skip',
    };
  }
}
