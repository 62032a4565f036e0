import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, verifikError } from '../errors.js';
import { isObjectId } from '../ids.js';
import { publicDoc } from '../public-views.js';
import type { CodeRecord, FlowRecord } from '../records.js';
import { type CodeTarget, readCode, sendCode, verifyCode } from '../services/codes.js';
import {
  appLoginSummary,
  completeLogin,
  LOGIN_SESSION_MINUTES,
  type LoginSettings,
  loginFlow,
  registeredPerson,
  stillRegistered,
} from '../services/login.js';
import { checkLoginSecurity } from '../services/login-security.js';
import type { Delivery } from '../services/outbox.js';
import { text } from '../validation/fields.js';
import { parseRegistrantBody } from './registrant-body.js';

/**
 * Login codes (docs/login.md): `POST /v2/{email,phone}-validations` with `type: "login"` sends a
 * code to a registered contact, `POST /v2/{email,phone}-validations/validate` checks it. Both are
 * public, as Verifik's hosted sign-in page calls them. A contact nobody registered is answered
 * exactly like a registered one (a decoy validation no code matches), so the answers never tell
 * whether someone is enrolled.
 */

type Kind = 'email' | 'phone';

const common = {
  project: z.string(),
  projectFlow: z.string(),
  type: z.string(),
  validationMethod: z.literal('verificationCode').optional(),
  language: text(10).optional(),
};

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY_CODE = /^\+\d{1,3}$/;
const digits = (value: string) => value.replace(/\D/g, '');

/** What differs between email and phone codes. */
interface Channel {
  collection: typeof COLLECTIONS.emailValidations | typeof COLLECTIONS.phoneValidations;
  createSchema: z.ZodType<Record<string, unknown>>;
  /** The contact and where its message goes, from a create body (400 when malformed). */
  contact(body: Record<string, unknown>, settings: LoginSettings): { target: CodeTarget; delivery: Delivery };
  gateway(delivery: Delivery): Pick<CodeRecord, 'emailGateway' | 'phoneGateway'>;
}

const CHANNELS: Record<Kind, Channel> = {
  email: {
    collection: COLLECTIONS.emailValidations,
    createSchema: z.looseObject({ ...common, email: text(254) }),
    contact(body) {
      const email = String(body['email']).replace(/\s+/g, '').toLowerCase();
      if (!EMAIL_SHAPE.test(email)) throw new ApiError(400, 'INVALID_FORMAT', 'email must be an email address');
      return { target: { email }, delivery: { channel: 'email', to: email } };
    },
    gateway: () => ({ emailGateway: 'mailgun' }),
  },
  phone: {
    collection: COLLECTIONS.phoneValidations,
    createSchema: z.looseObject({
      ...common,
      phone: text(32),
      countryCode: text(8),
      phoneGateway: z.enum(['sms', 'whatsapp']).optional(),
    }),
    contact(body, settings) {
      const phone = digits(String(body['phone']));
      const countryCode = String(body['countryCode']).trim();
      if (phone.length < 4 || phone.length > 15)
        throw new ApiError(400, 'INVALID_FORMAT', 'phone must be 4 to 15 digits');
      if (!COUNTRY_CODE.test(countryCode)) {
        throw new ApiError(400, 'INVALID_FORMAT', 'countryCode must be + and 1 to 3 digits');
      }
      const chosen = body['phoneGateway'] as 'sms' | 'whatsapp' | undefined;
      const channel = settings.phoneGateway === 'both' ? (chosen ?? 'whatsapp') : settings.phoneGateway;
      return {
        target: { phone, countryCode },
        delivery: { channel: channel === 'sms' ? 'sms' : 'whatsapp', to: `${countryCode}${phone}` },
      };
    },
    gateway: (delivery) => ({ phoneGateway: delivery.channel }),
  },
};

const validateSchemas: Record<Kind, z.ZodType<Record<string, unknown>>> = {
  email: z.looseObject({ emailValidationId: z.string(), otp: z.unknown(), email: text(254).optional() }),
  phone: z.looseObject({ phoneValidationId: z.string(), otp: z.unknown() }),
};

/** A login validation as answered: never whose registration it belongs to (nobody's, for a decoy). */
const presentCode = ({ appRegistration: _whose, ...validation }: CodeRecord) => publicDoc(validation);

const contactOf = (validation: CodeRecord): CodeTarget =>
  validation.email !== undefined
    ? { email: validation.email }
    : { phone: validation.phone ?? '', countryCode: validation.countryCode ?? '' };

export function loginCodeRoutes(app: FastifyInstance, context: SandboxContext): void {
  for (const kind of ['email', 'phone'] as const) {
    const channel = CHANNELS[kind];

    app.post(`/v2/${kind}-validations`, async (request) => {
      const body = parseRegistrantBody(channel.createSchema, request.body);
      if (body['type'] !== 'login') throw verifikError(409, 'validation_type_not_supported', String(body['type']));
      const { flow, settings } = loginFlow(context, String(body['project']), String(body['projectFlow']));
      if (!settings[kind]) throw verifikError(409, `${kind}_login_not_enabled`);
      const { target, delivery } = channel.contact(body, settings);
      await checkLoginSecurity(flow, target);
      // Known or not, the same work follows: only the message's content differs.
      const registration = registeredPerson(context, flow, target);
      const { existing, ...validation } = sendCode(
        context,
        channel.collection,
        {
          client: flow.client,
          project: flow.project,
          projectFlow: flow._id,
          appRegistration: registration?._id ?? '',
          language: typeof body['language'] === 'string' ? body['language'] : 'en',
        },
        target,
        { type: 'login', validationMethod: 'verificationCode', ...channel.gateway(delivery) },
        delivery,
        request.ip,
        { scope: { projectFlow: flow._id, type: 'login', ...target }, decoy: !registration },
      );
      return { data: { ...presentCode(validation), new: !existing, sent: true } };
    });

    app.post(`/v2/${kind}-validations/validate`, async (request) => {
      const body = parseRegistrantBody(validateSchemas[kind], request.body);
      const id = body[`${kind}ValidationId`];
      const found = isObjectId(id) ? context.store.get(channel.collection, id) : undefined;
      const email = typeof body['email'] === 'string' ? body['email'].replace(/\s+/g, '').toLowerCase() : undefined;
      if (!found || found.type !== 'login' || (email !== undefined && email !== found.email)) {
        throw verifikError(404, `${kind}_validation_not_found`);
      }
      const { flow, settings } = loginFlow(context, found.project, found.projectFlow);
      // One code, one login: a used code cannot be replayed for another token.
      if (found.status === 'validated') throw verifikError(409, `${kind}Validation_already_used`);
      const validated = verifyCode(context, channel.collection, found, readCode(body['otp']), kind);
      const contact = contactOf(validated);
      const registration =
        stillRegistered(context, validated.appRegistration) ?? registeredPerson(context, flow, contact);
      // Only a demo project's shared code can pass a decoy: it still proves nobody.
      if (!registration) throw verifikError(403, 'otp_does_not_match', 0);
      await checkLoginSecurity(flow, contact);
      const answer = {
        ...presentCode(validated),
        showFaceLivenessRecommendation: settings.showFaceLivenessRecommendation,
        faceLivenessRequired: settings.faceLiveness,
      };
      if (settings.faceLiveness)
        return { data: { ...answer, token: await loginSessionToken(flow, registration._id, kind, validated._id) } };
      const { appLogin, token } = await completeLogin(context, flow, registration, {
        type: kind,
        [`${kind}Validation`]: validated._id,
      });
      return { data: { ...answer, appLogin: appLoginSummary(appLogin), token } };
    });
  }

  /** The token with which the person a code identified opens a face session. */
  async function loginSessionToken(flow: FlowRecord, registration: string, type: Kind, id: string) {
    const { token } = await context.tokens.sign(
      {
        sub: registration,
        scope: 'loginSession',
        project: flow.project,
        projectFlow: flow._id,
        appRegistration: registration,
        codeValidation: { type, id },
      },
      context.now(),
      LOGIN_SESSION_MINUTES,
    );
    return token;
  }
}
