import { executeServerCommand } from '@web/test-runner-commands';
import { RegistrantApi } from '../../../src/api/registrant-api.js';
import type { ProjectFlow } from '../../../src/api/types.js';
import { normalizeFlow } from '../../../src/flow/normalize-flow.js';
import { planSteps } from '../../../src/flow/steps.js';
import type { StepId, VerifikEnroll } from '../../../src/index.js';
import { person } from './basic-flow.js';
import { sandbox } from './sandbox.js';
import { waitUntil } from './wait.js';

/**
 * Two devices for the cross-device tests: the test's page is the computer, and phones in their
 * own Chromium (mobile viewport, touch, fake camera showing cris's face) are driven from Node
 * (test/helpers/wtr-handoff-phone-plugin.mjs). A phone opens the link decoded from the QR code
 * the computer shows, as a phone camera would.
 */

/** The integrator's page the phone opens, configured like the computer's element. */
export const pageUrl = (project: string, flow: string) =>
  `${location.origin}/test/helpers/browser/handoff-page.html?${new URLSearchParams({
    project,
    flow,
    api: sandbox.url,
    tokenEndpoint: `${sandbox.url}/api/verifik/registration`,
  })}`;

export const phoneOpen = (url: string) => executeServerCommand('phone-open', { url }) as Promise<number>;
export const phoneDo = (phone: number, action: string, payload: Record<string, unknown> = {}) =>
  executeServerCommand('phone-do', { phone, action, ...payload }) as Promise<string | boolean>;

/**
 * Waits on the phone, asking again every 250 ms; a wait that fails says what the phone showed
 * then (its step, headings and open dialogs), since nothing else records the phone's side.
 */
async function onPhoneUntil(phone: number, predicate: () => Promise<unknown>, message: string): Promise<void> {
  try {
    await waitUntil(predicate, message, { interval: 250 });
  } catch (error) {
    const shown = await phoneDo(phone, 'state').catch((stateError: Error) => stateError.message);
    throw new Error(`${(error as Error).message} (the phone shows: ${String(shown)})`);
  }
}

/** Waits until the phone can do `action` (a button or the file picker is there), and does it. */
export const onPhone = (phone: number, action: 'click' | 'upload', payload: Record<string, unknown>) =>
  onPhoneUntil(phone, () => phoneDo(phone, action, payload), `the phone can ${action} ${String(payload['name'])}`);

/** Waits until the phone shows `step`. */
export const phoneStep = (phone: number, step: string) =>
  onPhoneUntil(phone, async () => (await phoneDo(phone, 'step')) === step, `the phone shows ${step}`);

/** Waits for the phone's screen titled `title`; answers its whole text. */
export async function phoneScreen(phone: number, title: string): Promise<string> {
  await onPhoneUntil(
    phone,
    async () => (await phoneDo(phone, 'text', { selector: 'h2' })) === title,
    `the phone shows "${title}"`,
  );
  return (await phoneDo(phone, 'text', { selector: '[data-step], [part="error"]' })) as string;
}

export const screen = (element: VerifikEnroll) => element.shadowRoot!.querySelector('verifik-handoff-screen');
export const screenText = (element: VerifikEnroll) => screen(element)?.shadowRoot?.textContent ?? '';

/** The QR code on the computer's screen, drawn on a canvas and decoded in Node as a phone would. */
export async function decodeQr(element: VerifikEnroll): Promise<string> {
  const svg = screen(element)!.shadowRoot!.querySelector('svg.qr')!;
  const side = 400;
  const image = new Image(side, side);
  image.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = new OffscreenCanvas(side, side);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, side, side);
  const { data } = context.getImageData(0, 0, side, side);
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return (await executeServerCommand('phone-decode', { width: side, height: side, rgba: btoa(binary) })) as string;
}

/**
 * A registration signed up on `flow`, its session saved in this tab at `step` as after a reload:
 * the element mounted next resumes there.
 */
export async function resumeAt(flow: ProjectFlow & { project: string }, step: StepId): Promise<RegistrantApi> {
  let token = '';
  const api = new RegistrantApi({
    apiUrl: sandbox.url,
    project: flow.project,
    projectFlow: flow._id,
    tokenEndpoint: undefined,
    fetch: undefined,
    onToken: (_id, issued) => (token = issued),
  });
  await api.signUp({ email: person().email, language: 'en' });
  const steps = planSteps(normalizeFlow(flow));
  const index = steps.findIndex(({ id }) => id === step);
  const outcomes = Object.fromEntries(steps.slice(0, index).map(({ id }) => [id, 'passed']));
  sessionStorage.setItem(
    `verifik-enroll:${flow.project}:${flow._id}`,
    JSON.stringify({
      appRegistrationId: api.appRegistrationId,
      token,
      machine: { flowId: flow._id, steps, index, outcomes, attempts: {}, status: 'running' },
      fields: {},
    }),
  );
  return api;
}

/** Whether this browser has a camera (Chromium's default group has none; Firefox's fake one shows). */
export const cameraHere = async () =>
  (await navigator.mediaDevices.enumerateDevices()).some(({ kind }) => kind === 'videoinput');
