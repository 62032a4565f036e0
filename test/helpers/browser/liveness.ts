import { html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { RegistrantApi } from '../../../src/api/registrant-api.js';
import type { VerifikLivenessStep } from '../../../src/steps/liveness/liveness-step.js';
import './all-steps.js';
import { createFlow, registrantApi } from './sandbox.js';
import { stepFixture } from './step-fixture.js';

/** A flow with a mandatory selfie only (sign-up without codes), on a new project of the sandbox. */
export async function selfieFlow(maxAttempts = 3) {
  return createFlow({
    steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'skip', liveness: 'mandatory', form: 'skip' },
    signUpForm: { email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
    liveness: { livenessMinScore: 0.65, maxAttempts, searchMinScore: 0.85, searchMode: 'FAST' },
  });
}

let registrants = 0;

/** A registrant signed up on `flow`, through the sandbox's real API. */
export async function signedUp(flow: { _id: string; project: string }): Promise<RegistrantApi> {
  const api = registrantApi(flow.project, flow._id);
  registrants++;
  await api.signUp({ email: `selfie.${Date.now()}.${registrants}@example.com`, language: 'en' });
  return api;
}

/** The liveness step, mounted alone for `api`, with what it tells its root recorded. */
export async function mountLivenessStep(api: RegistrantApi, challenge: 'none' | 'turn' = 'none') {
  const events: string[] = [];
  const errors: string[] = [];
  const element = await stepFixture<VerifikLivenessStep>(
    html`<verifik-liveness-step
      challenge=${challenge}
      attempts-left="3"
      @step-complete=${() => events.push('complete')}
      @step-fail=${(event: CustomEvent<{ final: boolean }>) => events.push(event.detail.final ? 'fail:final' : 'fail')}
      @step-error=${(event: CustomEvent<{ code: string }>) => errors.push(event.detail.code)}
    ></verifik-liveness-step>`,
    { api },
  );
  return { element, events, errors };
}

export const inShadow = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<T>(selector);

/** Presses the primer's Start button from the keyboard and waits until the camera preview plays. */
export async function startCamera(element: VerifikLivenessStep): Promise<HTMLVideoElement> {
  inShadow<HTMLButtonElement>(element, '.actions button')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => (inShadow<HTMLVideoElement>(element, 'video')?.readyState ?? 0) >= 2, 'the camera plays');
  return inShadow<HTMLVideoElement>(element, 'video')!;
}

/** The text of the announced hint line. */
export const hintText = (element: Element) => inShadow(element, '.hint[role="status"]')?.textContent?.trim() ?? '';
