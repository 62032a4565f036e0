import { COLLECTIONS, type SandboxContext } from '../context.js';
import { notFound, verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';
import type { AppLoginRecord, FlowRecord, LoginType, RegistrationRecord } from '../records.js';
import type { CodeTarget } from './codes.js';
import { announceAppLogin } from './login-events.js';

/**
 * Smart Access login flows (docs/login.md): which flow, which person, and the AppLogin and
 * signed login token a successful login ends with.
 */

/** A login flow's `loginSettings` with the sandbox's defaults (verifik-api.md §8 ranges). */
export interface LoginSettings {
  /** Email codes offered (`email` and a gateway other than `none`). */
  email: boolean;
  /** Phone codes offered (`phone` and a gateway other than `none`). */
  phone: boolean;
  phoneGateway: 'sms' | 'whatsapp' | 'both' | 'none';
  faceLiveness: boolean;
  livenessMinScore: number;
  searchMode: 'FAST' | 'ACCURATE';
  searchMinScore: number;
  showFaceLivenessRecommendation: boolean;
}

/** How long a login token is valid. */
export const LOGIN_TOKEN_MINUTES = 60;
/** How long the person a code identified has to open a face session. */
export const LOGIN_SESSION_MINUTES = 15;
/** Registration statuses whose person may log in. */
const REGISTERED = new Set(['COMPLETED', 'COMPLETED_WITHOUT_KYC']);

export function loginSettingsOf(flow: FlowRecord): LoginSettings {
  const raw = (flow['loginSettings'] ?? {}) as Record<string, unknown>;
  const phoneGateway = (raw['phoneGateway'] as LoginSettings['phoneGateway'] | undefined) ?? 'whatsapp';
  return {
    email: raw['email'] === true && raw['emailGateway'] !== 'none',
    phone: raw['phone'] === true && phoneGateway !== 'none',
    phoneGateway,
    faceLiveness: raw['faceLiveness'] === true,
    livenessMinScore: (raw['livenessMinScore'] as number | undefined) ?? 0.6,
    searchMode: (raw['searchMode'] as LoginSettings['searchMode'] | undefined) ?? 'ACCURATE',
    searchMinScore: (raw['searchMinScore'] as number | undefined) ?? 0.85,
    showFaceLivenessRecommendation: raw['showFaceLivenessRecommendation'] === true,
  };
}

/**
 * The active login flow `projectFlow` of `project`, with its settings: a 404 for an unknown
 * project or flow, a flow of another project, an onboarding flow or one not active.
 */
export function loginFlow(
  context: SandboxContext,
  project: string,
  projectFlow: string,
): { flow: FlowRecord; settings: LoginSettings } {
  if (!context.store.get(COLLECTIONS.projects, project)) throw notFound('project');
  const flow = context.store.get(COLLECTIONS.projectFlows, projectFlow);
  if (!flow || flow.project !== project || flow.type !== 'login' || flow.status !== 'active') {
    throw notFound('projectFlow');
  }
  const settings = loginSettingsOf(flow);
  if (!settings.email && !settings.phone && !settings.faceLiveness) throw verifikError(409, 'login_method_not_enabled');
  return { flow, settings };
}

/** The newest registration of the project that `contact` completed, if any. */
export function registeredPerson(
  context: SandboxContext,
  flow: FlowRecord,
  contact: CodeTarget,
): RegistrationRecord | undefined {
  const { items } = context.store.list(
    COLLECTIONS.appRegistrations,
    flow.client,
    { project: flow.project, ...contact },
    { offset: 0, limit: 100 },
  );
  return items.find((registration) => REGISTERED.has(registration.status));
}

/** The registration a login found, if its person may still log in. */
export function stillRegistered(context: SandboxContext, id: string): RegistrationRecord | undefined {
  const registration = context.store.get(COLLECTIONS.appRegistrations, id);
  return registration && REGISTERED.has(registration.status) ? registration : undefined;
}

export interface LoginProof {
  type: LoginType;
  emailValidation?: string | null | undefined;
  phoneValidation?: string | null | undefined;
  biometricValidation?: string | null | undefined;
}

/** Stores the AppLogin of a successful login, tells the listeners, and signs its login token. */
export async function completeLogin(
  context: SandboxContext,
  flow: FlowRecord,
  registration: RegistrationRecord,
  proof: LoginProof,
): Promise<{ appLogin: AppLoginRecord; token: string }> {
  const now = context.now();
  // Stored and told in one transaction: a listener's queued webhook is kept with the login or not at all.
  const appLogin = context.store.transaction(() => {
    const stored = context.store.insert(COLLECTIONS.appLogins, {
      _id: newObjectId(now),
      client: flow.client,
      name: registration.fullName ?? [registration.firstName, registration.lastName].filter(Boolean).join(' '),
      status: 'completed',
      project: flow.project,
      projectFlow: flow._id,
      type: proof.type,
      appRegistration: registration._id,
      emailValidation: proof.emailValidation ?? null,
      phoneValidation: proof.phoneValidation ?? null,
      biometricValidation: proof.biometricValidation ?? null,
      face: null,
      accessControlLog: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    announceAppLogin({ appLogin: stored, flow });
    return stored;
  });
  const { token } = await context.tokens.sign(
    {
      sub: appLogin._id,
      scope: 'login',
      type: 'login',
      loginType: proof.type,
      appRegistration: registration._id,
      project: flow.project,
      projectFlow: flow._id,
      ...(registration.reference === undefined ? {} : { reference: registration.reference }),
    },
    now,
    LOGIN_TOKEN_MINUTES,
  );
  return { appLogin, token };
}

/** An AppLogin as answered inside a validation's answer. */
export const appLoginSummary = (appLogin: AppLoginRecord) => ({
  _id: appLogin._id,
  type: appLogin.type,
  status: appLogin.status,
  emailValidation: appLogin.emailValidation,
  phoneValidation: appLogin.phoneValidation,
  biometricValidation: appLogin.biometricValidation,
});
