import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clientGuard } from '../auth.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound, verifikError } from '../errors.js';
import { isObjectId } from '../ids.js';
import type { RegistrationRecord } from '../records.js';
import { eraseRegistration } from '../services/erasure.js';
import { registrantToken, resendLink } from '../services/link-tokens.js';
import { presentRegistration, readPopulates } from '../services/populate.js';
import { currentRegistration, flowOf, requireOpen, updateRegistration } from '../services/registration.js';
import { replacePhone } from '../services/replace-phone.js';
import { createRegistration } from '../services/sign-up.js';
import { isFinalStep, syncRegistration } from '../services/sync.js';
import { intBetween, registrationReference, text } from '../validation/fields.js';
import { parseOrThrow } from '../validation/issues.js';
import { registrantGuard } from './registrant-guard.js';
import { parseRegistrantBody } from './registrant-body.js';
import { listEnvelope, objectBody, paging, queryString } from './shared.js';

/**
 * App registrations (verifik-api.md §3): create (public), me (registrant), retrieve, list and
 * erase (client), sync (registrant) and resend-link (client).
 */

const KNOWN_FIELDS = [
  'project',
  'projectFlow',
  'email',
  'phone',
  'countryCode',
  'fullName',
  'firstName',
  'lastName',
  'language',
  'reference',
];

const createSchema = z.looseObject({
  project: z.string(),
  projectFlow: z.string(),
  email: text(254).optional(),
  phone: text(32).optional(),
  countryCode: text(8).optional(),
  fullName: text(200).optional(),
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, { error: 'must be a language tag such as es or pt-BR' })
    .optional(),
  reference: registrationReference.optional(),
});

const syncSchema = z.looseObject({ step: z.string(), status: z.string() });

/** A date of birth: a real calendar day, not in the future, at most 120 years ago. */
const dateOfBirth = z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).refine(
  (value) => {
    const date = Date.parse(value);
    return date <= Date.now() && date >= Date.now() - 120 * 365.25 * 86_400_000;
  },
  { error: 'must be a past date within 120 years' },
);

const updateSchema = z.looseObject({
  phone: text(32).optional(),
  countryCode: text(8).optional(),
  replacePhone: z.boolean().optional(),
  basicInformation: z
    .looseObject({
      fullName: text(200).optional(),
      dateOfBirth: dateOfBirth.optional(),
      age: intBetween(0, 120).optional(),
      gender: z.enum(['female', 'male', 'other', 'undisclosed']).optional(),
      address: text(300).optional(),
      postalCode: text(12).optional(),
      legalDocument: text(40).optional(),
    })
    .optional(),
});

const resendSchema = z.looseObject({ sendEmail: z.boolean().optional(), recipientEmail: z.email().optional() });

export function appRegistrationRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { store } = context;
  const admin = { onRequest: clientGuard(context.client) };
  const registrant = { onRequest: registrantGuard(context) };

  /** Public, as Verifik's hosted sign-up page calls it. */
  app.post('/v2/app-registrations', async (request) => {
    const input = parseRegistrantBody(createSchema, request.body);
    const extra = Object.fromEntries(
      Object.entries(objectBody(request.body)).filter(([key]) => !KNOWN_FIELDS.includes(key)),
    );
    const { registration, informationValidation } = createRegistration(context, input, extra);
    const { token } = await registrantToken(context, registration);
    return { data: { appRegistration: presentRegistration(context, registration), informationValidation, token } };
  });

  const me = async (request: { registration: RegistrationRecord; query: unknown }) => ({
    data: presentRegistration(
      context,
      currentRegistration(context, request.registration._id),
      readPopulates(request.query),
      'registrant',
    ),
  });
  app.get('/v2/app-registrations/me', registrant, me);
  app.post('/v2/app-registrations/me', registrant, me);

  app.get('/v2/app-registrations', admin, async (request) => {
    const page = paging(request.query);
    const populates = readPopulates(request.query);
    const where: Partial<Record<'status' | 'project' | 'projectFlow' | 'email', string>> = {};
    for (const field of ['status', 'project', 'projectFlow', 'email'] as const) {
      const value = queryString(request.query, `where_${field}`);
      if (value !== undefined) where[field] = value;
    }
    const { items, total } = store.list(COLLECTIONS.appRegistrations, request.clientId, where, page);
    return listEnvelope(
      items.map((registration) => presentRegistration(context, registration, populates)),
      total,
      page,
    );
  });

  function ownedRegistration(clientId: string, id: string): RegistrationRecord {
    const registration = isObjectId(id) ? store.get(COLLECTIONS.appRegistrations, id) : undefined;
    if (!registration || registration.client !== clientId) throw notFound('AppRegistration');
    return registration;
  }

  app.get<{ Params: { id: string } }>('/v2/app-registrations/:id', admin, async (request) => ({
    data: presentRegistration(
      context,
      ownedRegistration(request.clientId, request.params.id),
      readPopulates(request.query),
    ),
  }));

  /** The person's right to erasure: the registration and everything derived from it. */
  app.delete<{ Params: { id: string } }>('/v2/app-registrations/:id', admin, async (request) => {
    const registration = ownedRegistration(request.clientId, request.params.id);
    eraseRegistration(context, registration._id);
    return { data: { _id: registration._id, deleted: true } };
  });

  app.put<{ Params: { id: string } }>('/v2/app-registrations/:id/sync', registrant, async (request) => {
    if (request.params.id !== request.registration._id) throw new ApiError(403, 'Forbidden', 'Access forbidden');
    const { step, status } = parseRegistrantBody(syncSchema, request.body);
    const { registration: updated, flow } = syncRegistration(context, request.registration._id, step, status);
    const { token } = isFinalStep(step)
      ? await context.tokens.sign(
          {
            sub: updated._id,
            scope: 'final',
            status: updated.status,
            project: updated.project,
            projectFlow: updated.projectFlow,
            ...(updated.reference === undefined ? {} : { reference: updated.reference }),
          },
          context.now(),
          24 * 60,
        )
      : await registrantToken(context, updated);
    return {
      data: {
        token,
        firstName: updated.firstName,
        lastName: updated.lastName,
        fullName: updated.fullName,
        step,
        steps: flow.steps,
        appRegistrationId: updated._id,
        status: updated.status,
      },
    };
  });

  /**
   * The registrant updates their registration. Verifik's hosted page uses this route for contact
   * changes (`{countryCode, phone, replacePhone: true}`, see services/replace-phone.ts); the
   * sandbox also takes `basicInformation` here (an inferred shape: verifik-api.md §2 does
   * not document where that step's answers go). Every field the flow enables is required.
   */
  app.put<{ Params: { id: string } }>('/v2/app-registrations/:id', registrant, async (request) => {
    if (request.params.id !== request.registration._id) throw new ApiError(403, 'Forbidden', 'Access forbidden');
    const body = parseRegistrantBody(updateSchema, request.body);
    const registration = currentRegistration(context, request.registration._id);
    requireOpen(registration);
    if (body.replacePhone) {
      if (!body.phone || !body.countryCode) {
        throw new ApiError(409, 'MissingParameter', body.phone ? 'missing countryCode' : 'missing phone');
      }
      const updated = replacePhone(context, registration, { phone: body.phone, countryCode: body.countryCode });
      return { data: presentRegistration(context, updated, [], 'registrant') };
    }
    const flow = flowOf(context, registration);
    if (!body.basicInformation) return { data: presentRegistration(context, registration, [], 'registrant') };
    if (flow.steps.basicInformation === 'skip') throw verifikError(409, 'basic_information_not_enabled');
    const enabled = Object.entries(flow.basicInformation)
      .filter(([, on]) => on)
      .map(([field]) => field);
    const answers = Object.fromEntries(
      enabled.map((field) => [field, body.basicInformation?.[field as keyof typeof body.basicInformation]]),
    );
    const missing = enabled.find((field) => answers[field] === undefined || answers[field] === '');
    if (missing) throw new ApiError(409, 'MissingParameter', `missing basicInformation.${missing}`);
    const updated = store.transaction(() => {
      const information = store.get(COLLECTIONS.informationValidations, registration.informationValidation);
      if (information) {
        store.replace(COLLECTIONS.informationValidations, {
          ...information,
          ...answers,
          updatedAt: context.now().toISOString(),
        });
      }
      return updateRegistration(context, registration._id, {
        basicInformation: answers,
        currentStep: 'basicInformation',
      });
    });
    return { data: presentRegistration(context, updated, [], 'registrant') };
  });

  app.post<{ Params: { id: string } }>('/v2/app-registrations/:id/resend-link', admin, async (request) => {
    const registration = ownedRegistration(request.clientId, request.params.id);
    const body = parseOrThrow(resendSchema, objectBody(request.body ?? {}));
    const { token, link, issuedAt, expiresAt, emailSent } = await resendLink(context, registration, body);
    return {
      data: {
        token,
        link,
        step: registration.currentStep,
        steps: flowOf(context, registration).steps,
        appRegistrationId: registration._id,
        status: registration.status,
        expiresAt: expiresAt.toISOString(),
        issuedAt: issuedAt.toISOString(),
        accessType: 'registrant',
        emailSent,
        email: registration.email,
        names: registration.fullName,
      },
    };
  });
}
