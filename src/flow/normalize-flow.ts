import { EnrollError } from '../errors/enroll-error.js';
import { flowShape } from './flow-shape.js';
import type {
  BasicInformationSettings,
  CountryDocuments,
  DocumentCategory,
  DocumentSettings,
  ExtraField,
  FlowStage,
  LivenessSettings,
  LoginSettings,
  NameStyle,
  NormalizedFlow,
  Requirement,
  SignUpFormSettings,
} from './flow.types.js';

/** A flow the widget cannot run, naming the field at fault (`onboardingSettings.steps.document`). */
export class FlowConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'FlowConfigError';
  }
}

/** Defaults where a flow is silent: Verifik's documented app-registration defaults. */
export const FLOW_DEFAULTS = {
  attempts: 3,
  compareMinScore: 0.85,
  livenessMinScore: 0.6,
  searchMinScore: 0.9,
  searchMode: 'ACCURATE',
} as const;

const REQUIREMENTS: readonly Requirement[] = ['mandatory', 'optional', 'skip'];
const CATEGORIES: readonly DocumentCategory[] = ['government_id', 'passport', 'license'];
const FIELD_TYPES: readonly ExtraField['type'][] = ['text', 'email', 'tel', 'number', 'date'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads one object of untrusted JSON, each getter checking its field and naming it by its full
 * path in errors. Absent (undefined or null) fields take the given fallback.
 */
class Reader {
  constructor(
    private readonly value: Json,
    private readonly path: string,
  ) {}

  static of(value: unknown, path: string): Reader {
    if (!isObject(value)) throw new FlowConfigError(path, 'must be an object');
    return new Reader(value, path);
  }

  private field(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  raw(key: string): unknown {
    return this.value[key];
  }

  object(key: string): Reader | undefined {
    return this.has(key) ? Reader.of(this.value[key], this.field(key)) : undefined;
  }

  array(key: string): unknown[] {
    if (!this.has(key)) return [];
    const value = this.value[key];
    if (!Array.isArray(value)) throw new FlowConfigError(this.field(key), 'must be an array');
    return value;
  }

  string(key: string, fallback?: string): string | undefined {
    if (!this.has(key)) return fallback;
    const value = this.value[key];
    if (typeof value !== 'string') throw new FlowConfigError(this.field(key), 'must be a string');
    return value;
  }

  bool(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const value = this.value[key];
    if (typeof value !== 'boolean') throw new FlowConfigError(this.field(key), 'must be true or false');
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    if (!this.has(key)) return fallback;
    const value = this.value[key];
    if (!allowed.includes(value as T)) {
      throw new FlowConfigError(this.field(key), `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
    }
    return value as T;
  }

  number(key: string, min: number, max: number, fallback: number, integer = false): number {
    if (!this.has(key)) return fallback;
    const value = this.value[key];
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      throw new FlowConfigError(
        this.field(key),
        `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
      );
    }
    return value;
  }

  /** A 0–1 score. */
  score(key: string, fallback: number): number {
    return this.number(key, 0, 1, fallback);
  }

  /** An attempt count. */
  attempts(key: string): number {
    return this.number(key, 1, 20, FLOW_DEFAULTS.attempts, true);
  }
}

function nameStyle(form: Reader | undefined): NameStyle {
  if (!form) return 'separate';
  const separate = form.bool('firstName', false) || form.bool('lastName', false);
  const together = form.bool('fullName', false);
  const style = form.oneOf('fullNameStyle', ['together', 'separate'] as const, separate ? 'separate' : 'together');
  if (form.has('fullNameStyle')) return separate || together || !form.has('fullName') ? style : 'none';
  if (separate) return 'separate';
  return together ? 'together' : 'none';
}

function extraField(value: unknown, path: string): ExtraField {
  if (typeof value === 'string' && value) return { name: value, label: value, type: 'text', required: false };
  const field = Reader.of(value, path);
  const name = field.string('name') ?? field.string('key');
  if (!name) throw new FlowConfigError(path, 'must have a name');
  return {
    name,
    label: field.string('label', name)!,
    type: field.oneOf('type', FIELD_TYPES, 'text'),
    required: field.bool('required', false),
  };
}

function signUpForm(form: Reader | undefined, path: string): SignUpFormSettings {
  const email = form?.bool('email', true) ?? true;
  const phone = form?.bool('phone', false) ?? false;
  if (!email && !phone) throw new FlowConfigError(path, 'must enable email or phone: a registration needs one of them');
  const country = form?.string('countryCode')?.toUpperCase();
  const extras = form
    ? [
        ...form.array('extraFields'),
        ...(form.bool('allowAdditionalFields', true) ? form.array('additionalFields') : []),
      ]
    : [];
  return {
    nameStyle: nameStyle(form),
    email,
    emailGateway: form?.oneOf('emailGateway', ['mailgun', 'none'] as const, 'mailgun') ?? 'mailgun',
    phone,
    phoneGateway: form?.oneOf('phoneGateway', ['sms', 'whatsapp', 'both', 'none'] as const, 'whatsapp') ?? 'whatsapp',
    defaultCountry: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    showTermsAndConditions: form?.bool('showTermsAndConditions', false) ?? false,
    showPrivacyNotice: form?.bool('showPrivacyNotice', false) ?? false,
    extraFields: extras.map((value, index) => extraField(value, `${path}.extraFields[${index}]`)),
  };
}

const BASIC_FIELDS = ['fullName', 'dateOfBirth', 'age', 'gender', 'address', 'postalCode', 'legalDocument'] as const;

function basicInformation(section: Reader | undefined): BasicInformationSettings {
  return Object.fromEntries(
    BASIC_FIELDS.map((key) => [key, section?.bool(key, false) ?? false]),
  ) as unknown as BasicInformationSettings;
}

function stepRequirements(steps: Reader | undefined): Record<FlowStage, Requirement> {
  return {
    signUpForm: steps?.oneOf('signUpForm', REQUIREMENTS, 'mandatory') ?? 'mandatory',
    basicInformation: steps?.oneOf('basicInformation', REQUIREMENTS, 'skip') ?? 'skip',
    document: steps?.oneOf('document', REQUIREMENTS, 'skip') ?? 'skip',
    liveness: steps?.oneOf('liveness', REQUIREMENTS, 'skip') ?? 'skip',
    form: steps?.oneOf('form', REQUIREMENTS, 'skip') ?? 'skip',
  };
}

const defaultLiveness = (): LivenessSettings => ({
  maxAttempts: FLOW_DEFAULTS.attempts,
  minScore: FLOW_DEFAULTS.livenessMinScore,
  searchMinScore: FLOW_DEFAULTS.searchMinScore,
  searchMode: FLOW_DEFAULTS.searchMode,
});

/** How the document may be captured; a flow that allows neither gets the camera, Verifik's default. */
const captureMethods = (scan: boolean, upload: boolean) => ({ scan: scan || !upload, upload });

const defaultDocument = (): DocumentSettings => ({
  maxAttempts: FLOW_DEFAULTS.attempts,
  compareMinScore: FLOW_DEFAULTS.compareMinScore,
  scan: true,
  upload: true,
  categories: CATEGORIES,
  countries: [],
  includeOCR: false,
  verifyNames: false,
  verifyCriminalHistory: false,
});

type Parts = Pick<
  NormalizedFlow,
  'steps' | 'signUpForm' | 'basicInformation' | 'document' | 'liveness' | 'requiresSignature' | 'hiddenLoginOption'
>;

/** Onboarding flows log no one in. */
const NO_LOGIN: LoginSettings = {
  email: false,
  phone: false,
  faceLiveness: false,
  maxAttempts: FLOW_DEFAULTS.attempts,
};

/** Smart Enroll v2: sections in `onboardingSettings`, or at the top level as seed 002's table lists them. */
function fromV2(root: Reader): Parts {
  const settings = root.object('onboardingSettings');
  const section = (name: string): [Reader | undefined, string] =>
    settings?.has(name) ? [settings.object(name), `onboardingSettings.${name}`] : [root.object(name), name];
  const [form, formPath] = section('signUpForm');
  const [document] = section('document');
  const [liveness] = section('liveness');
  const useGovernmentID = document?.bool('useGovernmentID', true) ?? true;
  const usePassport = document?.bool('usePassport', true) ?? true;
  const useLicense = document?.bool('useLicense', true) ?? true;
  return {
    steps: stepRequirements(settings?.object('steps')),
    signUpForm: signUpForm(form, formPath),
    basicInformation: basicInformation(section('basicInformation')[0]),
    document: {
      ...defaultDocument(),
      ...(document && {
        maxAttempts: document.attempts('maxAttempts'),
        compareMinScore: document.score('compareMinScore', FLOW_DEFAULTS.compareMinScore),
        ...captureMethods(document.bool('scanDocumentAllowed', true), document.bool('uploadDocumentAllowed', true)),
        categories: CATEGORIES.filter((_, index) => [useGovernmentID, usePassport, useLicense][index]),
        includeOCR: document.bool('includeOCR', false),
        verifyNames: document.bool('verifyNames', false),
        verifyCriminalHistory: document.bool('verifyCriminalHistory', false),
      }),
    },
    liveness: {
      ...defaultLiveness(),
      ...(liveness && {
        maxAttempts: liveness.attempts('maxAttempts'),
        minScore: liveness.score('livenessMinScore', FLOW_DEFAULTS.livenessMinScore),
        searchMinScore: liveness.score('searchMinScore', FLOW_DEFAULTS.searchMinScore),
        searchMode: liveness.oneOf('searchMode', ['FAST', 'ACCURATE'] as const, FLOW_DEFAULTS.searchMode),
      }),
    },
    requiresSignature: settings?.bool('requiresSignature', false) ?? root.bool('requiresSignature', false),
    // Hidden unless the flow asks for it: Verifik's name says what is usual.
    hiddenLoginOption: settings?.bool('hiddenLoginOption', true) ?? root.bool('hiddenLoginOption', true),
  };
}

/**
 * v3 `documents.documentTypes[]`: each country's active configurations; a country with none
 * active is left out, and so is one listed twice (the first counts).
 */
function countryDocuments(documents: Reader | undefined): CountryDocuments[] {
  const countries: CountryDocuments[] = [];
  (documents?.array('documentTypes') ?? []).forEach((type, index) => {
    const path = `documents.documentTypes[${index}]`;
    const reader = Reader.of(type, path);
    const categories = reader
      .array('configurations')
      .map((configuration, inner) => Reader.of(configuration, `${path}.configurations[${inner}]`))
      .filter((configuration) => configuration.bool('active', true))
      .map((configuration) => configuration.oneOf('documentCategory', CATEGORIES, 'government_id'));
    const country = reader.string('country')?.trim();
    if (!country) throw new FlowConfigError(`${path}.country`, 'is required');
    if (categories.length && !countries.some((known) => known.country === country)) {
      countries.push({ country, categories: [...new Set(categories)] });
    }
  });
  return countries;
}

/** Smart Enroll v3, flat (seed 003). */
function fromV3(root: Reader): Parts {
  const documents = root.object('documents');
  const liveness = root.object('liveness');
  const methods = (documents?.array('verificationMethods') ?? []).map(String);
  const countries = countryDocuments(documents);
  const categories = countries.flatMap((country) => country.categories);
  return {
    steps: stepRequirements(root.object('steps')),
    signUpForm: signUpForm(root.object('signUpForm'), 'signUpForm'),
    basicInformation: basicInformation(root.object('basicInformation')),
    document: {
      ...defaultDocument(),
      ...(documents && {
        maxAttempts: documents.attempts('attemptLimit'),
        ...captureMethods(
          methods.length === 0 || methods.some((method) => method === 'scan' || method.startsWith('SCAN_')),
          methods.length === 0 || methods.includes('upload'),
        ),
        categories: categories.length ? [...new Set(categories)] : CATEGORIES,
        countries,
        includeOCR: documents.bool('includeOCR', false),
        verifyNames: documents.bool('informationVerification', false),
        verifyCriminalHistory: documents.bool('criminalHistoryVerification', false),
      }),
    },
    liveness: {
      ...defaultLiveness(),
      ...(liveness && {
        maxAttempts: liveness.attempts('attemptLimit'),
        minScore: liveness.score('minScore', FLOW_DEFAULTS.livenessMinScore),
        searchMinScore: liveness.score('searchMinScore', FLOW_DEFAULTS.searchMinScore),
        searchMode: liveness.oneOf('searchMode', ['FAST', 'ACCURATE'] as const, FLOW_DEFAULTS.searchMode),
      }),
    },
    requiresSignature: root.bool('requiresSignature', false),
    hiddenLoginOption: root.bool('hiddenLoginOption', true),
  };
}

/** Which stage a generic step type belongs to. */
const GENERIC_STAGES: Record<string, FlowStage | 'email' | 'phone' | 'signature'> = {
  signUpForm: 'signUpForm',
  email: 'email',
  phone: 'phone',
  basicInformation: 'basicInformation',
  document: 'document',
  biometric: 'liveness',
  liveness: 'liveness',
  form: 'form',
  signature: 'signature',
};

/** The generic `configuration` + `steps[]` shape (seed 001). */
function fromGeneric(root: Reader): Parts {
  const configuration = root.object('configuration');
  const steps = root.array('steps').map((step, index) => {
    const reader = Reader.of(step, `steps[${index}]`);
    const type = reader.oneOf('stepType', Object.keys(GENERIC_STAGES), 'signUpForm');
    return { stage: GENERIC_STAGES[type]!, required: reader.bool('required', true) };
  });
  const listed = (stage: string) => steps.find((step) => step.stage === stage);
  const requirement = (stage: string, enabled = false, required = true): Requirement => {
    const step = listed(stage);
    if (step) return step.required ? 'mandatory' : 'optional';
    if (!enabled) return 'skip';
    return required ? 'mandatory' : 'optional';
  };
  const email = configuration?.object('emailVerification');
  const phone = configuration?.object('phoneVerification');
  const biometric = configuration?.object('biometricVerification');
  const phoneMethod = phone?.oneOf('method', ['sms', 'whatsapp', 'both'] as const, 'whatsapp') ?? 'whatsapp';
  const emailEnabled = email?.bool('enabled', true) ?? Boolean(listed('email'));
  const phoneEnabled = phone?.bool('enabled', true) ?? Boolean(listed('phone'));
  return {
    steps: {
      signUpForm: 'mandatory',
      basicInformation: requirement('basicInformation'),
      document: requirement('document'),
      liveness: requirement(
        'liveness',
        biometric?.bool('enabled', true) ?? false,
        biometric?.bool('required', true) ?? true,
      ),
      form: requirement('form', Boolean(listed('signature'))),
    },
    signUpForm: {
      ...signUpForm(undefined, 'configuration'),
      email: emailEnabled || !phoneEnabled,
      phone: phoneEnabled,
      phoneGateway: phoneMethod,
    },
    basicInformation: basicInformation(undefined),
    document: defaultDocument(),
    liveness: defaultLiveness(),
    requiresSignature: Boolean(listed('signature')),
    hiddenLoginOption: root.bool('hiddenLoginOption', true),
  };
}

/** Smart Access `loginSettings`: no onboarding stage runs; a way to log in must be enabled. */
function fromLogin(root: Reader): Parts & Pick<NormalizedFlow, 'login'> {
  const settings = root.object('loginSettings');
  if (!settings) throw new FlowConfigError('loginSettings', 'is required');
  const phoneGateway = settings.oneOf('phoneGateway', ['sms', 'whatsapp', 'both', 'none'] as const, 'whatsapp');
  const login: LoginSettings = {
    email:
      settings.bool('email', false) &&
      settings.oneOf('emailGateway', ['mailgun', 'none'] as const, 'mailgun') !== 'none',
    phone: settings.bool('phone', false) && phoneGateway !== 'none',
    faceLiveness: settings.bool('faceLiveness', false),
    maxAttempts: settings.attempts('maxAttempts'),
  };
  if (!login.email && !login.phone && !login.faceLiveness) {
    throw new FlowConfigError('loginSettings', 'must enable email, phone or faceLiveness: a login needs one of them');
  }
  return {
    steps: { signUpForm: 'skip', basicInformation: 'skip', document: 'skip', liveness: 'skip', form: 'skip' },
    // No sign-up; the code step reads the phone gateway here, as in an onboarding flow.
    signUpForm: { ...signUpForm(undefined, 'loginSettings'), email: false, phone: false, phoneGateway },
    basicInformation: basicInformation(undefined),
    document: defaultDocument(),
    liveness: { ...defaultLiveness(), maxAttempts: login.maxAttempts },
    requiresSignature: false,
    hiddenLoginOption: true,
    login,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The flow's redirect target (v3 keeps it in `integrations`), only when it is an absolute http(s) URL. */
function redirectUrl(root: Reader): string | undefined {
  const integrations = root.object('integrations');
  const inIntegrations = integrations?.has('redirectUrl') ?? false;
  const value = inIntegrations ? integrations!.string('redirectUrl') : root.string('redirectUrl');
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // not a URL at all: reported below
  }
  throw new FlowConfigError(
    inIntegrations ? 'integrations.redirectUrl' : 'redirectUrl',
    'must be an absolute http(s) URL',
  );
}

/** What every flow has, whatever its kind and shape. */
function header(root: Reader) {
  const id = root.string('_id');
  const projectId = root.string('project');
  if (!id) throw new FlowConfigError('_id', 'is required');
  if (!projectId) throw new FlowConfigError('project', 'is required');
  return {
    id,
    projectId,
    name: root.string('name'),
    version: root.number('version', 1, Number.MAX_SAFE_INTEGER, 1, true),
    status: root.oneOf('status', ['draft', 'active', 'paused'] as const, 'draft'),
    redirectUrl: redirectUrl(root),
  };
}

/**
 * One frozen {@link NormalizedFlow} from a project flow in any documented onboarding shape, with
 * defaults filled. Throws a {@link FlowConfigError} naming the field it cannot use.
 */
export function normalizeFlow(raw: unknown): NormalizedFlow {
  const root = Reader.of(raw, '');
  const common = header(root);
  if (root.string('type', 'onboarding') !== 'onboarding') throw new FlowConfigError('type', 'must be "onboarding"');
  const shape = flowShape(raw as Json);
  const parts = shape === 'generic' ? fromGeneric(root) : shape === 'v3' ? fromV3(root) : fromV2(root);
  return deepFreeze({ ...common, kind: 'onboarding', login: NO_LOGIN, ...parts });
}

/**
 * A Smart Access login flow (`type: "login"`, `loginSettings`) as a frozen {@link NormalizedFlow}
 * whose plan holds only the login steps. Throws a {@link FlowConfigError} naming the field it cannot use.
 */
export function normalizeLoginFlow(raw: unknown): NormalizedFlow {
  const root = Reader.of(raw, '');
  const common = header(root);
  if (root.string('type') !== 'login') throw new FlowConfigError('type', 'must be "login"');
  return deepFreeze({ ...common, kind: 'login', ...fromLogin(root) });
}

/**
 * The flow a run follows, from a project flow of either kind (`type: "login"` or onboarding). A
 * flow the widget cannot run is an `invalid_flow` {@link EnrollError} naming the field at fault.
 */
export function normalizeProjectFlow(raw: unknown): NormalizedFlow {
  try {
    return (raw as { type?: unknown } | null)?.type === 'login' ? normalizeLoginFlow(raw) : normalizeFlow(raw);
  } catch (error) {
    if (error instanceof FlowConfigError) throw new EnrollError('invalid_flow', error.message);
    throw error;
  }
}
