import { COLLECTIONS, type SandboxContext } from './context.js';
import { newFlowRecord } from './routes/project-flows.js';
import { parseOrThrow } from './validation/issues.js';
import { flowShape } from '../../src/flow/flow-shape.js';
import { FLOW_SCHEMAS } from './validation/project-flow.js';
import { projectSchema } from './validation/project.js';

/**
 * Fixed ids of the demo records, so the demo page, the docs and the tests can name them. They are
 * ObjectId-shaped like every other id.
 */
export const DEMO_IDS = {
  project: '65a1d3e0c0ffee0000000001',
  basicFlow: '65a1d3e0c0ffee0000000002',
  fullFlow: '65a1d3e0c0ffee0000000003',
  loginFlow: '65a1d3e0c0ffee0000000004',
} as const;

const signUpForm = {
  firstName: true,
  lastName: true,
  fullName: false,
  email: true,
  emailGateway: 'mailgun',
  phone: true,
  phoneGateway: 'both',
  extraFields: [],
  showTermsAndConditions: true,
  showPrivacyNotice: true,
};

/** The two flows of Verifik's Smart Enroll tutorial (seed 004), filled in, and a login flow. */
const DEMO_FLOWS = [
  {
    _id: DEMO_IDS.basicFlow,
    type: 'onboarding',
    name: 'Basic Enrollment (optional KYC)',
    status: 'active',
    onboardingSettings: {
      requiresSignature: false,
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'optional',
        liveness: 'optional',
        form: 'skip',
      },
      signUpForm,
    },
  },
  {
    _id: DEMO_IDS.fullFlow,
    type: 'onboarding',
    name: 'Full Verification (mandatory KYC)',
    status: 'active',
    onboardingSettings: {
      requiresSignature: false,
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'mandatory',
        liveness: 'mandatory',
        form: 'skip',
      },
      signUpForm,
      document: {
        compareMinScore: 0.67,
        maxAttempts: 3,
        scanDocumentAllowed: true,
        uploadDocumentAllowed: true,
        useGovernmentID: true,
        usePassport: true,
        useLicense: true,
        validationMethod: 'SCAN_PROMPT',
      },
      liveness: { livenessMinScore: 0.65, maxAttempts: 3, searchMinScore: 0.85, searchMode: 'FAST' },
    },
  },
  {
    _id: DEMO_IDS.loginFlow,
    type: 'login',
    name: 'Passwordless login',
    status: 'active',
    loginSettings: {
      email: true,
      emailGateway: 'mailgun',
      phone: false,
      phoneGateway: 'none',
      faceLiveness: true,
      livenessMinScore: 0.65,
      searchMode: 'FAST',
      searchMinScore: 0.85,
    },
  },
];

/**
 * On first start, a demo project with the tutorial's flows, so `npm start` shows a working widget
 * at once. Runs once per database; the records are checked by the same schemas as the API's.
 */
export function seedDemo(context: SandboxContext): boolean {
  const { store, client } = context;
  if (store.getMeta('demo_seeded')) return false;
  const now = context.now().toISOString();
  const project = {
    name: 'Verifik Enroll demo',
    allowedCountries: ['All'],
    contactEmail: 'privacy@example.com',
    privacyUrl: 'https://example.com/privacy',
    termsAndConditionsUrl: 'https://example.com/terms',
    defaultLanguage: 'en',
    status: 'active',
  };
  parseOrThrow(projectSchema, project);
  store.insert(COLLECTIONS.projects, {
    ...project,
    _id: DEMO_IDS.project,
    client: client.id,
    createdAt: now,
    updatedAt: now,
  });
  for (const { _id, ...flow } of DEMO_FLOWS) {
    const body = { ...flow, project: DEMO_IDS.project };
    parseOrThrow(FLOW_SCHEMAS[flowShape(body)], body);
    store.insert(COLLECTIONS.projectFlows, newFlowRecord(body, { _id, client: client.id, now: context.now() }));
  }
  store.setMeta('demo_seeded', now);
  return true;
}
