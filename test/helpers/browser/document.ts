import { html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import type { RegistrantApi } from '../../../src/api/registrant-api.js';
import type { ProjectFlow } from '../../../src/api/types.js';
import { normalizeFlow } from '../../../src/flow/normalize-flow.js';
import { en } from '../../../src/i18n/en.js';
import type { VerifikDocumentStep } from '../../../src/steps/document/document-step.js';
import './all-steps.js';
import { adminGet, adminPost, createFlow, faceImage } from './sandbox.js';
import { stepFixture } from './step-fixture.js';

export { inShadow, signedUp } from './liveness.js';

/**
 * A flow with a mandatory ID document only (sign-up by email without a code), on a new project of
 * the sandbox; `document` overrides its v2 document settings.
 */
export async function documentFlow(document: Record<string, unknown> = {}): Promise<ProjectFlow & { project: string }> {
  const flow = await createFlow({
    steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'mandatory', liveness: 'skip', form: 'skip' },
    signUpForm: { email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
    document: { maxAttempts: 3, useGovernmentID: true, usePassport: false, useLicense: false, ...document },
  });
  return { ...flow, project: String(flow['project']) };
}

/** The document step, mounted alone for `api` on `flow`, with what it tells its root recorded. */
export async function mountDocumentStep(api: RegistrantApi, flow: ProjectFlow, attemptsLeft = 3) {
  const events: string[] = [];
  const errors: string[] = [];
  const element = await stepFixture<VerifikDocumentStep>(
    html`<verifik-document-step
      attempts-left=${attemptsLeft}
      @step-complete=${() => events.push('complete')}
      @step-fail=${() => events.push('fail')}
      @step-error=${(event: CustomEvent<{ code: string }>) => errors.push(event.detail.code)}
    ></verifik-document-step>`,
    { api, flow: normalizeFlow(flow) },
  );
  return { element, events, errors };
}

/** The button of `root` (an element's shadow root) whose text is `text`, or null. */
export const button = (root: ParentNode, text: string): HTMLButtonElement | null =>
  [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text) ?? null;

/** Waits for a button of `root` with `text` and clicks it. */
export async function click(root: ParentNode, text: string, timeout?: number): Promise<void> {
  await waitUntil(() => button(root, text), `a "${text}" button`, { timeout });
  button(root, text)!.click();
}

/** The text of the announced hint line. */
export const hintText = (root: ParentNode) => root.querySelector('.hint[role="status"]')?.textContent?.trim() ?? '';

/** The heading of the current screen. */
export const heading = (root: ParentNode) => root.querySelector('h2')?.textContent?.trim() ?? '';

/** Waits for the review screen, which follows a capture or an upload. */
export const reviewShown = (root: ParentNode, timeout = 15_000) =>
  waitUntil(() => heading(root) === en.document.reviewTitle, 'the review screen', { timeout, interval: 50 });

/**
 * An ID card built in Node (see face-images.ts) as a JPEG File, as a person would pick it; the
 * front shows `person`'s portrait and, when given, `documentNumber`.
 */
export async function testImage(
  name: 'id-card-front' | 'id-card-back',
  person: 'ana' | 'cris' | 'dana' = 'ana',
  documentNumber?: string,
): Promise<File> {
  // The back: a card without a portrait.
  const base64 = await faceImage('card', name === 'id-card-front' ? person : 'none', documentNumber);
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new File([bytes], `${name}.jpg`, { type: 'image/jpeg' });
}

/** Chooses `file` in the step's file picker, as the browser does after the dialog closes. */
export function pickFile(root: ParentNode, file: File): void {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Drops `file` on the step's drop zone. */
export function dropFile(root: ParentNode, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  const zone = root.querySelector('.drop')!;
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
}

/** The registration's document validation, as the sandbox stored it. */
export async function storedDocument(appRegistrationId: string) {
  const registration = await adminGet<{
    documentValidation: {
      status: string;
      inputMethod: string;
      documentCategory: string;
      hasBackImage: boolean;
      country?: string;
    };
  }>(`/v2/app-registrations/${appRegistrationId}?populates[]=documentValidation`);
  return registration.documentValidation;
}

/**
 * A v3 (flat) flow with a mandatory ID document only, uploads allowed, on a new project; its
 * `documents.documentTypes` lists the given countries' configurations.
 */
export async function v3DocumentFlow(
  documentTypes: Array<{ country: string; configurations: Array<{ active: boolean; documentCategory: string }> }>,
): Promise<ProjectFlow & { project: string }> {
  const project = await adminPost('/v2/projects', { name: 'Test bank', allowedCountries: ['Colombia', 'Peru'] });
  const flow = await adminPost<ProjectFlow>('/v2/project-flows', {
    project: project._id,
    type: 'onboarding',
    status: 'active',
    name: 'Documents by country',
    target: 'personal',
    signUpForm: { fullName: false, email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
    documents: {
      attemptLimit: 3,
      verificationMethods: ['upload'],
      documentTypes: documentTypes.map((type) => ({
        ...type,
        configurations: type.configurations.map((configuration) => ({ ...configuration, documentTemplates: [] })),
      })),
    },
    steps: { document: 'mandatory', liveness: 'skip' },
  });
  return { ...flow, project: String(flow['project']) };
}
