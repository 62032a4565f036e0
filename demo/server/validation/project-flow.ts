import { z } from 'zod';
import type { FlowShape } from '../../../src/flow/flow-shape.js';
import { between, httpUrl, intBetween, objectId, text } from './fields.js';

/**
 * Project flows as Verifik's documentation describes them (`shared/seeds/`). Four shapes share
 * one endpoint; `flowShape()` picks the schema. Objects are loose: unknown fields are stored as
 * sent, documented ones are checked. Ranges and enums are the seeds' own, or verifik-api.md §8
 * where a seed is silent.
 */

export const FLOW_TYPES = ['login', 'onboarding'] as const;
export const FLOW_STATUSES = ['draft', 'active', 'paused'] as const;
export const STEP_REQUIREMENTS = ['mandatory', 'optional', 'skip'] as const;
export const EMAIL_GATEWAYS = ['mailgun', 'none'] as const;
export const PHONE_GATEWAYS = ['sms', 'whatsapp', 'both', 'none'] as const;
export const SCAN_METHODS = ['SCAN_ZERO', 'SCAN_PROMPT', 'SCAN_STUDIO', 'SCAN_PRO'] as const;
export const SEARCH_MODES = ['FAST', 'ACCURATE'] as const;

const requirement = () => z.enum(STEP_REQUIREMENTS);
const flag = () => z.boolean();

const security = z.looseObject({
  strategy: z.enum(['whitelist', 'blacklist', 'none']).optional(),
  source: z.enum(['API', 'CSV', 'NONE', 'SMART_ENROLL']).nullable().optional(),
  apiUrl: httpUrl().optional(),
  apiTestType: z.enum(['email', 'phone']).optional(),
  apiTestValue: text().optional(),
  usesWhiteList: flag().optional(),
  whiteList: z
    .array(
      z.looseObject({
        name: text().optional(),
        email: text().optional(),
        countryCode: text(5).optional(),
        phone: text(20).optional(),
      }),
    )
    .optional(),
});

const integrations = z.looseObject({
  redirectUrl: z.union([httpUrl(), z.literal('')]).optional(),
  webhook: objectId().nullable().optional(),
  webhookUrl: httpUrl().optional(),
  source: security.shape.source,
  strategy: security.shape.strategy,
  apiUrl: security.shape.apiUrl,
  apiTestType: security.shape.apiTestType,
  apiTestValue: security.shape.apiTestValue,
});

/** Fields every flow may carry, whatever its shape. */
const common = {
  project: objectId(),
  type: z.enum(FLOW_TYPES),
  name: text(120).optional(),
  description: text(2000).optional(),
  status: z.enum(FLOW_STATUSES).optional(),
  redirectUrl: z.union([httpUrl(), z.literal('')]).optional(),
  webhookUrl: httpUrl().optional(),
  identityUrl: httpUrl().optional(),
  webhook: objectId().nullable().optional(),
  systemForm: objectId().nullable().optional(),
  allowedCountries: z.array(text(60)).optional(),
  security: security.optional(),
  integrations: integrations.optional(),
};

const signUpForm = z.looseObject({
  email: flag().optional(),
  emailGateway: z.enum(EMAIL_GATEWAYS).optional(),
  phone: flag().optional(),
  phoneGateway: z.enum(PHONE_GATEWAYS).optional(),
  firstName: flag().optional(),
  lastName: flag().optional(),
  fullName: flag().optional(),
  fullNameStyle: z.enum(['together', 'separate']).optional(),
  countryCode: text(5).optional(),
  legalDocument: flag().optional(),
  legalDocumentValidation: flag().optional(),
  showPrivacyNotice: flag().optional(),
  showTermsAndConditions: flag().optional(),
  allowAdditionalFields: flag().optional(),
  extraFields: z.array(z.unknown()).optional(),
  additionalFields: z.array(z.unknown()).optional(),
});

const basicInformation = z.looseObject({
  fullName: flag().optional(),
  age: flag().optional(),
  gender: flag().optional(),
  address: flag().optional(),
  postalCode: flag().optional(),
  dateOfBirth: flag().optional(),
  legalDocument: flag().optional(),
});

/** v2 `document` (seed 002's table). */
const document = z.looseObject({
  compareMinScore: between(0.5, 1).optional(),
  validationMethod: z.enum(SCAN_METHODS).optional(),
  fallbackValidationMethod: z.enum(SCAN_METHODS).optional(),
  maxAttempts: intBetween(3, 10).optional(),
  scanDocumentAllowed: flag().optional(),
  uploadDocumentAllowed: flag().optional(),
  useGovernmentID: flag().optional(),
  useLicense: flag().optional(),
  usePassport: flag().optional(),
  verifyCriminalHistory: flag().optional(),
  verifyNames: flag().optional(),
  includeOCR: flag().optional(),
  includeGovernmentVerification: flag().optional(),
  useBasicLiveness: flag().optional(),
  useProLiveness: flag().optional(),
  idPrompt: objectId().optional(),
  licensePrompt: objectId().optional(),
  passportPrompt: objectId().optional(),
});

/** v2 `liveness` (seed 002's table). */
const liveness = z.looseObject({
  livenessMinScore: between(0.5, 1).optional(),
  maxAttempts: intBetween(3, 10).optional(),
  searchMinScore: between(0.3, 1).optional(),
  searchMode: z.enum(SEARCH_MODES).optional(),
});

const v2Sections = {
  signUpForm: signUpForm.optional(),
  basicInformation: basicInformation.optional(),
  document: document.optional(),
  liveness: liveness.optional(),
  form: z.looseObject({}).nullable().optional(),
};

/** Smart Enroll v2 (seeds 002 and 004): sections nested in `onboardingSettings` or at the top. */
const onboardingV2 = z.looseObject({
  ...common,
  onboardingSettings: z
    .looseObject({
      hiddenLoginOption: flag().optional(),
      requiresSignature: flag().optional(),
      steps: z
        .looseObject({
          signUpForm: requirement().optional(),
          basicInformation: requirement().optional(),
          document: requirement().optional(),
          liveness: requirement().optional(),
          form: requirement().optional(),
        })
        .optional(),
      ...v2Sections,
    })
    .optional(),
  ...v2Sections,
  requiresSignature: flag().optional(),
  loginSettings: z.null().optional(),
  linkSettings: z.null().optional(),
});

/** Smart Enroll v3, flat (seed 003). */
const onboardingV3 = z.looseObject({
  ...common,
  name: text(120),
  target: z.enum(['personal', 'business']),
  status: z.enum(FLOW_STATUSES),
  signUpForm: signUpForm.optional(),
  basicInformation: basicInformation.optional(),
  documents: z
    .looseObject({
      attemptLimit: intBetween(1, 5).optional(),
      verificationMethods: z.array(z.enum(['scan', 'upload', ...SCAN_METHODS])).optional(),
      documentTypes: z
        .array(
          z.looseObject({
            country: text(60),
            configurations: z.array(
              z.looseObject({
                active: flag().optional(),
                documentCategory: z.enum(['government_id', 'passport', 'license']),
                documentTemplates: z.array(z.unknown()).optional(),
              }),
            ),
          }),
        )
        .optional(),
      screening: flag().optional(),
      informationVerification: flag().optional(),
      criminalHistoryVerification: flag().optional(),
    })
    .optional(),
  liveness: z
    .looseObject({
      attemptLimit: intBetween(1, 5).optional(),
      minScore: between(0.52, 0.9).optional(),
      searchMinScore: between(0.7, 0.95).optional(),
      searchMode: z.enum(SEARCH_MODES).optional(),
    })
    .optional(),
  steps: z.looseObject({
    signUpForm: requirement().optional(),
    basicInformation: requirement().optional(),
    document: requirement().optional(),
    liveness: requirement().optional(),
    form: requirement().optional(),
  }),
  loginSettings: z.null().optional(),
  linkSettings: z.null().optional(),
});

/** The generic `configuration` + `steps[]` shape (seed 001). */
const verification = (methods: readonly [string, ...string[]]) =>
  z.looseObject({
    enabled: flag().optional(),
    required: flag().optional(),
    method: z.enum(methods).optional(),
  });

export const STEP_TYPES = [
  'signUpForm',
  'email',
  'phone',
  'basicInformation',
  'document',
  'biometric',
  'liveness',
  'form',
  'signature',
] as const;

const onboardingGeneric = z.looseObject({
  ...common,
  name: text(120),
  configuration: z.looseObject({
    emailVerification: verification(['verificationCode', 'manual']).optional(),
    phoneVerification: verification(
      PHONE_GATEWAYS.filter((gateway) => gateway !== 'none') as [string, ...string[]],
    ).optional(),
    biometricVerification: z
      .looseObject({ enabled: flag().optional(), required: flag().optional(), livenessDetection: flag().optional() })
      .optional(),
  }),
  steps: z
    .array(
      z.looseObject({
        stepType: z.enum(STEP_TYPES),
        order: intBetween(1, 100),
        required: flag(),
        config: z.looseObject({}).optional(),
      }),
    )
    .min(1, { error: 'must list at least one step' }),
});

/** Smart Access login flows (verifik-api.md §8). */
const login = z.looseObject({
  ...common,
  loginSettings: z.looseObject({
    email: flag().optional(),
    emailGateway: z.enum(EMAIL_GATEWAYS).optional(),
    phone: flag().optional(),
    phoneGateway: z.enum(PHONE_GATEWAYS).optional(),
    faceLiveness: flag().optional(),
    livenessMinScore: between(0.51, 0.9).optional(),
    searchMode: z.enum(SEARCH_MODES).optional(),
    searchMinScore: between(0.7, 0.95).optional(),
    showFaceLivenessRecommendation: flag().optional(),
    allowPasskeys: flag().optional(),
    steps: z.array(z.unknown()).optional(),
  }),
  onboardingSettings: z.null().optional(),
  linkSettings: z.null().optional(),
});

export const FLOW_SCHEMAS: Record<FlowShape, z.ZodType<Record<string, unknown>>> = {
  login,
  generic: onboardingGeneric,
  v2: onboardingV2,
  v3: onboardingV3,
};

/** The codes seeds 001 and 003 give to a bad flow type and project id. */
export const FLOW_FIELD_CODES = { type: 'INVALID_FLOW_TYPE', project: 'INVALID_PROJECT_ID' };

/** Checked before the shape is chosen, so a wrong `type` is reported as such, not as a shape error. */
export const flowHeader = z.looseObject({ project: common.project, type: common.type });
