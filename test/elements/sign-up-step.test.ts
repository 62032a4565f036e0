import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';
import { loadTranslation } from '../../src/i18n/load-translation.js';
import type { VerifikSignUpStep } from '../../src/steps/sign-up/sign-up-step.js';
import '../helpers/browser/all-steps.js';
import { DEMO, registrantApi } from '../helpers/browser/sandbox.js';
import { stepFixture } from '../helpers/browser/step-fixture.js';

const flow = normalizeFlow({
  _id: DEMO.basicFlow,
  project: DEMO.project,
  type: 'onboarding',
  status: 'active',
  onboardingSettings: {
    steps: { signUpForm: 'mandatory' },
    signUpForm: {
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      phoneGateway: 'both',
      countryCode: 'CO',
      showTermsAndConditions: true,
      extraFields: [{ name: 'company', label: 'Company', required: true }],
    },
  },
});
const project = {
  _id: DEMO.project,
  name: 'Demo',
  termsAndConditionsUrl: 'https://bank.example/terms',
  privacyUrl: 'javascript:alert(1)',
};
const api = () => registrantApi();

/** The step, once its phone field (loaded on demand) is shown. */
async function mount(fields: Record<string, string> = {}, lang = 'en') {
  const t = await loadTranslation(lang === 'es' ? 'es' : 'en');
  const element = await stepFixture<VerifikSignUpStep>(html`<verifik-sign-up-step></verifik-sign-up-step>`, {
    flow,
    project,
    api: api(),
    t,
    fields,
  });
  await waitUntil(() => element.shadowRoot!.querySelector('#field-phone'), 'the phone field');
  return element;
}

/** Submits and waits for the form's answer (problems shown, or the registration sent). */
async function submitted(element: VerifikSignUpStep) {
  submit(element);
  await waitUntil(() => root(element).querySelector('[aria-invalid="true"]'), 'the problems');
}

const root = (element: VerifikSignUpStep) => element.shadowRoot!;
const submit = (element: VerifikSignUpStep) =>
  root(element).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

describe('<verifik-sign-up-step>', () => {
  it('shows the fields the flow enables, labelled, with the flow’s default country, and passes axe', async () => {
    const element = await mount();
    const labels = [...root(element).querySelectorAll('label')].map((label) => label.textContent!.trim());
    expect(labels).to.include.members(['First name', 'Last name', 'Email', 'Country', 'Phone number', 'Company']);
    expect(root(element).querySelector<HTMLSelectElement>('#field-country')!.value).to.equal('CO');
    expect(root(element).querySelector<HTMLInputElement>('#field-email')!.autocomplete).to.equal('email');
    const terms = root(element).querySelector<HTMLAnchorElement>('a')!;
    expect([terms.href, terms.rel, terms.textContent]).to.deep.equal([
      'https://bank.example/terms',
      'noopener noreferrer',
      'Read the terms and conditions',
    ]);
    expect(root(element).querySelector('label[for="field-acceptTerms"] a'), 'the label itself is no link').to.equal(
      null,
    );
    await expect(element).shadowDom.to.be.accessible();
  });

  it('refuses an empty form: every problem tied to its input, focus on the first', async () => {
    const element = await mount();
    await submitted(element);
    const invalid = [...root(element).querySelectorAll('[aria-invalid="true"]')].map((input) => input.id);
    expect(invalid).to.deep.equal([
      'field-firstName',
      'field-lastName',
      'field-email',
      'field-phone',
      'field-extra-company',
      'field-acceptTerms',
    ]);
    const first = root(element).querySelector('#field-firstName')!;
    expect(root(element).activeElement).to.equal(first);
    const message = root(element).querySelector(`#${first.getAttribute('aria-describedby')}`)!;
    expect(message.textContent).to.equal('This field is required.');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('keeps what was typed before (a resumed session) and checks the phone for its country', async () => {
    const element = await mount({
      firstName: 'Ana',
      lastName: 'García',
      email: 'ana@example.com',
      phone: '12345',
      country: 'CO',
      'extra.company': 'ACME',
    });
    expect(root(element).querySelector<HTMLInputElement>('#field-firstName')!.value).to.equal('Ana');
    await submitted(element);
    expect(root(element).querySelector('#field-phone-error')!.textContent).to.equal(
      'Enter a valid phone number for the country you chose.',
    );
  });

  it('creates the registration at the sandbox and completes', async () => {
    const element = await mount({
      firstName: 'Ana',
      lastName: 'García',
      email: `sign-up.${Date.now()}@example.com`,
      phone: '300 765 4321',
      country: 'CO',
      'extra.company': 'ACME',
      acceptTerms: 'true',
    });
    const complete = oneEvent(element, 'step-complete');
    submit(element);
    await complete;
  });

  it('shows Verifik’s refusal of an email under the email field', async () => {
    const element = await mount({
      firstName: 'Ana',
      lastName: 'García',
      email: 'ana@example.c',
      phone: '300 765 4321',
      country: 'CO',
      'extra.company': 'ACME',
      acceptTerms: 'true',
    });
    const failed = oneEvent(element, 'step-error');
    submit(element);
    expect((await failed).detail.code).to.equal('invalid_email');
    await element.updateComplete;
    expect(root(element).querySelector('#field-email')!.getAttribute('aria-invalid')).to.equal('true');
  });
});
