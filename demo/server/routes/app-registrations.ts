import type { FastifyInstance } from 'fastify';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';
import type { NormalizedFlow } from '../../../src/flow/flow.types.js';
import { clientGuard } from '../auth.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import type { StoredDoc } from '../db.js';
import { ApiError, notFound, verifikError } from '../errors.js';
import { isObjectId, newObjectId } from '../ids.js';
import { readPopulates, presentRegistration } from '../registrants/populate.js';
import {
  contactValidated,
  FINAL_STATUSES,
  flowOf,
  normalizeStoredFlow,
  REGISTRANT_TOKEN_MINUTES,
  registrantGuard,
  requireOpen,
  updateRegistration,
} from '../registrants/registration.js';
import { checkSecurity } from '../registrants/security.js';
import { intBetween, text } from '../validation/fields.js';
import { parseOrThrow } from '../validation/issues.js';
import { parseRegistrantBody } from './registrant-body.js';
import { listEnvelope, objectBody, paging, queryString } from './shared.js';

/**
 * App registrations (verifik-api.md §3): create (public), me (registrant), retrieve and list
 * (client), sync (registrant) and resend-link (client).
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
];
/** Extra sign-up fields (company, role, location…) are kept, up to this size as JSON. */
const MAX_EXTRA_BYTES = 8 * 1024;
/** How long a resend-link token lives (Verifik: 30 minutes). */
const LINK_TOKEN_MINUTES = 30;

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

/** Allowed statuses per sync step (Verifik's table). A Map: steps come from the request. */
const SYNC_STEPS = new Map<string, readonly string[]>([
  ['instructions', ['ONGOING']],
  ['signUpForm', ['ONGOING']],
  ['basicInformation', ['ONGOING']],
  ['document', ['ONGOING']],
  ['liveness', ['ONGOING']],
  ['form', ['ONGOING']],
  ['skipKYC', ['COMPLETED_WITHOUT_KYC']],
  ['end', ['COMPLETED', 'FAILED', 'NEEDS_MANUAL_VERIFICATION']],
]);

const emailFormat = z.email();
const blank = (value: string | undefined) => (value ?? '').trim() === '';

/** The contact details and names of a sign-up, normalized and checked against the flow's form. */
function signUpDetails(input: z.infer<typeof createSchema>, flow: NormalizedFlow) {
  const email = blank(input.email) ? undefined : input.email!.replace(/\s+/g, '').toLowerCase();
  const phone = blank(input.phone) ? undefined : input.phone!.replace(/[\s().-]/g, '');
  const countryCode = blank(input.countryCode) ? undefined : input.countryCode!.trim();
  const form = flow.signUpForm;

  if (!email && !phone) throw new ApiError(409, 'MissingParameter', 'Needs an email or a phone at least');
  if (form.email && !email) throw new ApiError(409, 'MissingParameter', 'missing email');
  if (form.phone && !phone) throw new ApiError(409, 'MissingParameter', 'missing phone');
  if (email && !emailFormat.safeParse(email).success) throw verifikError(409, 'invalid_email');
  if (phone) {
    if (!countryCode) throw new ApiError(409, 'MissingParameter', 'missing countryCode');
    if (!/^\+\d{1,3}$/.test(countryCode)) {
      throw new ApiError(409, 'MissingParameter', 'Invalid countryCode format: a + and 1 to 3 digits');
    }
    if (!/^\d+$/.test(phone) || !isValidPhoneNumber(`${countryCode}${phone}`)) throw verifikError(409, 'invalid_phone');
  }

  let { firstName, lastName, fullName } = input;
  if (form.nameStyle === 'separate') {
    if (blank(firstName)) throw new ApiError(409, 'MissingParameter', 'missing firstName');
    if (blank(lastName)) throw new ApiError(409, 'MissingParameter', 'missing lastName');
  }
  if (blank(fullName) && !blank(firstName)) fullName = [firstName, lastName].filter(Boolean).join(' ');
  if (form.nameStyle === 'together' && blank(fullName)) throw new ApiError(409, 'MissingParameter', 'missing fullName');
  [firstName, lastName, fullName] = [firstName, lastName, fullName].map((name) => name?.trim() || undefined);
  return {
    email,
    phone: phone && countryCode ? phone : undefined,
    countryCode: phone ? countryCode : undefined,
    firstName,
    lastName,
    fullName,
  };
}

export function appRegistrationRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { store } = context;
  const admin = { onRequest: clientGuard(context.client) };
  const registrant = { onRequest: registrantGuard(context) };

  const registrantToken = (registration: StoredDoc, minutes = REGISTRANT_TOKEN_MINUTES) =>
    context.tokens.sign(
      {
        sub: registration._id,
        scope: 'registrant',
        project: registration['project'] as string,
        projectFlow: registration['projectFlow'] as string,
      },
      context.now(),
      minutes,
    );

  /** Earlier registrations of the same person in the same flow: by email, or by phone. */
  function earlierRegistrations(client: string, projectFlow: string, details: ReturnType<typeof signUpDetails>) {
    const page = { offset: 0, limit: 100 };
    const byEmail = details.email
      ? store.list(COLLECTIONS.appRegistrations, client, { projectFlow, email: details.email }, page).items
      : [];
    const byPhone = details.phone
      ? store.list(
          COLLECTIONS.appRegistrations,
          client,
          { projectFlow, phone: details.phone, countryCode: details.countryCode! },
          page,
        ).items
      : [];
    return [
      ...byEmail.map((registration) => ({ registration, by: 'email' })),
      ...byPhone.map((registration) => ({ registration, by: 'phone' })),
    ].filter(({ registration }) => registration['status'] !== 'EXPIRED');
  }

  /**
   * Public, as Verifik's hosted sign-up page calls it. A second sign-up of the same email or
   * phone in the same flow starts a new registration; the unfinished earlier one expires (with its
   * enrolled face) only once the new one has passed a one-time code, so nobody can cancel someone
   * else's registration by knowing their email. Refused once one has finished.
   */
  app.post('/v2/app-registrations', async (request) => {
    const input = parseRegistrantBody(createSchema, request.body);
    const project = isObjectId(input.project) ? store.get(COLLECTIONS.projects, input.project) : undefined;
    if (!project) throw notFound('project');
    const rawFlow = isObjectId(input.projectFlow) ? store.get(COLLECTIONS.projectFlows, input.projectFlow) : undefined;
    if (
      !rawFlow ||
      rawFlow['project'] !== project._id ||
      rawFlow['type'] !== 'onboarding' ||
      rawFlow['status'] !== 'active'
    ) {
      throw notFound('projectFlow');
    }
    const flow = normalizeStoredFlow(rawFlow);
    const details = signUpDetails(input, flow);
    checkSecurity(rawFlow, details);

    const extra = Object.fromEntries(
      Object.entries(objectBody(request.body)).filter(([key]) => !KNOWN_FIELDS.includes(key)),
    );
    if (JSON.stringify(extra).length > MAX_EXTRA_BYTES) {
      throw new ApiError(
        413,
        'PAYLOAD_TOO_LARGE',
        `extra sign-up fields must total at most ${MAX_EXTRA_BYTES} bytes of JSON`,
      );
    }

    const earlier = earlierRegistrations(project.client, rawFlow._id, details);
    for (const { registration, by } of earlier) {
      if (FINAL_STATUSES.includes(registration['status'] as string))
        throw verifikError(409, `${by}_is_registered_already`);
    }

    const now = context.now();
    const owner = { client: project.client, createdAt: now.toISOString(), updatedAt: now.toISOString() };
    const id = newObjectId(now);
    const names = { fullName: details.fullName, firstName: details.firstName, lastName: details.lastName };
    const informationValidation = store.insert(COLLECTIONS.informationValidations, {
      ...owner,
      _id: newObjectId(now),
      appRegistration: id,
      project: project._id,
      ...names,
    });
    const registration = store.insert(COLLECTIONS.appRegistrations, {
      ...owner,
      _id: id,
      project: project._id,
      projectFlow: rawFlow._id,
      status: 'STARTED',
      currentStep: '1',
      email: details.email,
      phone: details.phone,
      countryCode: details.countryCode,
      ...names,
      language: input.language ?? 'en',
      informationValidation: informationValidation._id,
      emailValidation: null,
      phoneValidation: null,
      documentValidation: null,
      biometricValidation: null,
      compareFaceVerification: null,
      person: null,
      signature: null,
      // Unfinished registrations of the same person: they expire once this one proves the contact.
      supersedes: earlier.map(({ registration }) => registration._id),
      failedValidations: 0,
      extra,
    });
    const { token } = await registrantToken(registration);
    return { data: { appRegistration: presentRegistration(context, registration), informationValidation, token } };
  });

  const me = async (request: { registration: StoredDoc; query: unknown }) => ({
    data: presentRegistration(context, request.registration, readPopulates(request.query), 'registrant'),
  });
  app.get('/v2/app-registrations/me', registrant, me);
  app.post('/v2/app-registrations/me', registrant, me);

  app.get('/v2/app-registrations', admin, async (request) => {
    const page = paging(request.query);
    const populates = readPopulates(request.query);
    const where: Record<string, string> = {};
    for (const field of ['status', 'project', 'projectFlow', 'email']) {
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

  function ownedRegistration(clientId: string, id: string): StoredDoc {
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

  /** What every mandatory step needs before `end` with COMPLETED; the first missing one, or undefined. */
  function missingForCompletion(registration: StoredDoc, flow: NormalizedFlow): string | undefined {
    const record = (collection: string, field: string) =>
      typeof registration[field] === 'string' ? store.get(collection, registration[field]) : undefined;
    const document = record(COLLECTIONS.documentValidations, 'documentValidation');
    const biometric = record(COLLECTIONS.biometricValidations, 'biometricValidation');
    const compare = record(COLLECTIONS.compareFaceVerifications, 'compareFaceVerification');
    if (flow.steps.basicInformation === 'mandatory' && !registration['basicInformation']) return 'basicInformation';
    if (flow.steps.document === 'mandatory' && document?.['status'] !== 'VALIDATED') return 'document';
    if (flow.steps.liveness === 'mandatory' && biometric?.['status'] !== 'VALIDATED') return 'liveness';
    if ((flow.steps.form === 'mandatory' || flow.requiresSignature) && !registration['signature']) return 'form';
    if (document && biometric && !(compare?.['result'] as { passed?: boolean } | undefined)?.passed) return 'faceMatch';
    return undefined;
  }

  app.put<{ Params: { id: string } }>('/v2/app-registrations/:id/sync', registrant, async (request) => {
    const { registration } = request;
    if (request.params.id !== registration._id) throw new ApiError(403, 'Forbidden', 'Access forbidden');
    const { step, status } = parseRegistrantBody(syncSchema, request.body);
    const allowed = SYNC_STEPS.get(step);
    if (!allowed) throw verifikError(400, 'step_not_supported', step);
    if (!allowed.includes(status)) throw verifikError(409, 'status_not_allowed_for_step', `${step}:${status}`);
    requireOpen(registration);

    const flow = flowOf(context, registration);
    const { basicInformation, document, liveness, form } = flow.steps;
    const finishing = step === 'end' && status !== 'FAILED' && status !== 'NEEDS_MANUAL_VERIFICATION';
    if (step !== 'instructions' && (step !== 'end' || finishing) && !contactValidated(context, registration, flow)) {
      throw new ApiError(409, 'Conflict', 'signUpForm_validation_not_passed');
    }
    if (
      step === 'skipKYC' &&
      ([basicInformation, document, liveness, form].includes('mandatory') || flow.requiresSignature)
    ) {
      throw verifikError(409, 'kyc_is_mandatory');
    }
    if (finishing) {
      const missing = missingForCompletion(registration, flow);
      if (missing) throw verifikError(409, 'mandatory_step_not_completed', missing);
    }

    const updated = updateRegistration(context, registration, { currentStep: step, status });
    const final = step === 'end' || step === 'skipKYC';
    const { token } = final
      ? await context.tokens.sign(
          {
            sub: updated._id,
            scope: 'final',
            status,
            project: updated['project'] as string,
            projectFlow: updated['projectFlow'] as string,
          },
          context.now(),
          24 * 60,
        )
      : await registrantToken(updated);
    return {
      data: {
        token,
        firstName: updated['firstName'],
        lastName: updated['lastName'],
        fullName: updated['fullName'],
        step,
        steps: flow.steps,
        appRegistrationId: updated._id,
        status,
      },
    };
  });

  /**
   * The registrant updates their registration. Verifik's hosted page uses this route for contact
   * changes; the sandbox takes `basicInformation` here (an inferred shape: verifik-api.md §2 does
   * not document where that step's answers go). Every field the flow enables is required.
   */
  app.put<{ Params: { id: string } }>('/v2/app-registrations/:id', registrant, async (request) => {
    const { registration } = request;
    if (request.params.id !== registration._id) throw new ApiError(403, 'Forbidden', 'Access forbidden');
    const body = parseRegistrantBody(updateSchema, request.body);
    requireOpen(registration);
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
    const information = store.get(COLLECTIONS.informationValidations, registration['informationValidation'] as string);
    if (information)
      store.replace(COLLECTIONS.informationValidations, {
        ...information,
        ...answers,
        updatedAt: context.now().toISOString(),
      });
    const updated = updateRegistration(context, registration, {
      basicInformation: answers,
      currentStep: 'basicInformation',
    });
    return { data: presentRegistration(context, updated, [], 'registrant') };
  });

  app.post<{ Params: { id: string } }>('/v2/app-registrations/:id/resend-link', admin, async (request) => {
    const registration = ownedRegistration(request.clientId, request.params.id);
    const body = parseOrThrow(
      z.looseObject({ sendEmail: z.boolean().optional(), recipientEmail: z.email().optional() }),
      objectBody(request.body ?? {}),
    );
    if (FINAL_STATUSES.includes(registration['status'] as string)) {
      throw verifikError(409, 'cannot_resend_link_for_this_status', registration['status'] as string);
    }
    const { token, issuedAt, expiresAt } = await registrantToken(registration, LINK_TOKEN_MINUTES);
    const origin = `${request.protocol}://${request.host}`;
    const link = `${origin}/?project=${registration['project']}&token=${token}`;
    const recipient = body.recipientEmail ?? (registration['email'] as string | undefined);
    const emailSent = Boolean(body.sendEmail && recipient);
    if (emailSent) {
      store.insert(COLLECTIONS.outbox, {
        _id: newObjectId(issuedAt),
        client: registration.client,
        createdAt: issuedAt.toISOString(),
        updatedAt: issuedAt.toISOString(),
        channel: 'email',
        to: recipient,
        subject: 'Continue your verification',
        text: `Continue your verification: ${link}`,
        appRegistration: registration._id,
      });
    }
    return {
      data: {
        token,
        link,
        step: registration['currentStep'],
        steps: flowOf(context, registration).steps,
        appRegistrationId: registration._id,
        status: registration['status'],
        expiresAt: expiresAt.toISOString(),
        issuedAt: issuedAt.toISOString(),
        accessType: 'registrant',
        emailSent,
        email: registration['email'],
        names: registration['fullName'],
      },
    };
  });
}
