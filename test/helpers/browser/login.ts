import type { ProjectFlow } from '../../../src/api/types.js';
import { adminPost, createFlow, registrantApi } from './sandbox.js';

/** A project with an onboarding flow (email, no code) and a login flow of `loginSettings`. */
export async function loginProject(
  loginSettings: Record<string, unknown>,
  { hiddenLoginOption = false, security }: { hiddenLoginOption?: boolean; security?: Record<string, unknown> } = {},
) {
  const onboarding = await createFlow({
    hiddenLoginOption,
    steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'skip', liveness: 'skip', form: 'skip' },
    signUpForm: {
      firstName: true,
      lastName: true,
      email: true,
      emailGateway: 'none',
      phone: false,
      phoneGateway: 'none',
    },
  });
  const project = String(onboarding['project']);
  const login = await adminPost<ProjectFlow>('/v2/project-flows', {
    project,
    type: 'login',
    status: 'active',
    name: 'Login',
    loginSettings,
    ...(security ? { security } : {}),
  });
  return { project, onboarding: onboarding._id, login: login._id };
}

/**
 * Registers `email` (and a Colombian `phone`) on the onboarding flow through the sandbox's API
 * and completes it: someone who can log in.
 */
export async function registered(project: string, flow: string, email: string, phone?: string): Promise<string> {
  const api = registrantApi(project, flow);
  const contact = phone ? { email, phone, countryCode: '+57' } : { email };
  await api.signUp({ ...contact, firstName: 'Ana', lastName: 'García', language: 'en' });
  await api.sync('skipKYC', 'COMPLETED_WITHOUT_KYC');
  return api.appRegistrationId!;
}

/** The claims of a JWT (not verified: the reference backend does that). */
export const claims = (token: string): Record<string, unknown> =>
  JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
