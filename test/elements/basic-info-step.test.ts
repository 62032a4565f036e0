import { expect, html, oneEvent } from '@open-wc/testing';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';
import type { VerifikBasicInfoStep } from '../../src/steps/basic-info/basic-info-step.js';
import { validateBasicInformation } from '../../src/steps/basic-info/basic-info-step.js';
import '../helpers/browser/all-steps.js';
import { createFlow, registrantApi } from '../helpers/browser/sandbox.js';
import { stepFixture } from '../helpers/browser/step-fixture.js';

/** A registration in a flow that asks date of birth, gender and address. */
async function setUp() {
  const raw = await createFlow({
    steps: { signUpForm: 'mandatory', basicInformation: 'mandatory' },
    signUpForm: { fullName: true, email: true, phone: false },
    basicInformation: { dateOfBirth: true, gender: true, address: true },
  });
  const api = registrantApi(raw['project'] as string, raw._id);
  await api.signUp({ fullName: 'Ana García', email: `basic.${Date.now()}@example.com`, language: 'en' });
  return { flow: normalizeFlow(raw), api };
}

describe('<verifik-basic-info-step>', () => {
  it('validates: every enabled field, a past date of birth, an age from 0 to 120', () => {
    const today = new Date('2026-01-01');
    const problems = validateBasicInformation(
      { dateOfBirth: '2030-01-01', age: '130', address: ' ' },
      ['dateOfBirth', 'age', 'address', 'gender'],
      today,
    );
    expect(Object.fromEntries(problems)).to.deep.equal({
      dateOfBirth: 'invalidDate',
      age: 'invalidAge',
      address: 'required',
      gender: 'required',
    });
    expect(
      validateBasicInformation({ dateOfBirth: '1990-02-01', age: '36' }, ['dateOfBirth', 'age'], today).size,
    ).to.equal(0);
  });

  it('asks the enabled fields, shows problems at their inputs, saves at the sandbox', async () => {
    const { flow, api } = await setUp();
    const element = await stepFixture<VerifikBasicInfoStep>(html`<verifik-basic-info-step></verifik-basic-info-step>`, {
      flow,
      api,
    });
    const root = element.shadowRoot!;
    expect([...root.querySelectorAll('label')].map((label) => label.textContent!.trim())).to.deep.equal([
      'Date of birth',
      'Gender',
      'Address',
    ]);
    expect(root.querySelector<HTMLInputElement>('#field-dateOfBirth')!.type).to.equal('date');
    await expect(element).shadowDom.to.be.accessible();

    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await element.updateComplete;
    expect([...root.querySelectorAll('[aria-invalid="true"]')].map((input) => input.id)).to.deep.equal([
      'field-dateOfBirth',
      'field-gender',
      'field-address',
    ]);
    await expect(element).shadowDom.to.be.accessible();

    const date = root.querySelector<HTMLInputElement>('#field-dateOfBirth')!;
    date.value = '1990-02-01';
    date.dispatchEvent(new InputEvent('input'));
    const gender = root.querySelector<HTMLSelectElement>('#field-gender')!;
    gender.value = 'female';
    gender.dispatchEvent(new Event('change'));
    const address = root.querySelector<HTMLInputElement>('#field-address')!;
    address.value = 'Calle 1 # 2-3';
    address.dispatchEvent(new InputEvent('input'));
    const complete = oneEvent(element, 'step-complete');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await complete;
  });
});
