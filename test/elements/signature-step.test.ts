import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { RegistrantApi } from '../../src/api/registrant-api.js';
import { en } from '../../src/i18n/en.js';
import type { VerifikSignatureStep } from '../../src/index.js';
import '../../src/verifik-enroll.js';
import { sandbox } from '../helpers/browser/sandbox.js';

/** A registration in a flow that requires a signature. */
async function registration() {
  const admin = (path: string, body: unknown) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.clientToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json());
  const project = (await admin('/v2/projects', { name: 'Signing bank', allowedCountries: ['Brazil'] })).data._id;
  const flow = (
    await admin('/v2/project-flows', {
      project,
      type: 'onboarding',
      status: 'active',
      onboardingSettings: { requiresSignature: true, signUpForm: { fullName: true, email: true } },
    })
  ).data;
  const api = new RegistrantApi({
    apiUrl: sandbox.url,
    project,
    projectFlow: flow._id,
    tokenEndpoint: undefined,
    fetch: undefined,
    onToken: () => {},
  });
  await api.signUp({ fullName: 'Bea Lima', email: `sign.${Date.now()}@example.com`, language: 'pt' });
  return api;
}

const submit = (element: VerifikSignatureStep) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

describe('<verifik-signature-step>', () => {
  it('asks for a signature, then saves one drawn with the mouse', async () => {
    const element = await fixture<VerifikSignatureStep>(
      html`<verifik-signature-step .api=${await registration()} .t=${en}></verifik-signature-step>`,
    );
    await expect(element).shadowDom.to.be.accessible();
    submit(element);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('#pad-error')!.textContent).to.equal(
      'Sign in the box, or type your full name.',
    );
    expect(element.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Type my name instead');
    await expect(element).shadowDom.to.be.accessible();

    const box = element.shadowRoot!.querySelector('canvas')!.getBoundingClientRect();
    const at = (x: number, y: number): [number, number] => [Math.round(box.left + x), Math.round(box.top + y)];
    await sendMouse({ type: 'move', position: at(20, 60) });
    await sendMouse({ type: 'down' });
    for (const [x, y] of [
      [60, 30],
      [100, 90],
      [140, 40],
      [180, 80],
    ] as const)
      await sendMouse({ type: 'move', position: at(x, y) });
    await sendMouse({ type: 'up' });
    const complete = oneEvent(element, 'step-complete');
    submit(element);
    await complete;
  });

  it('keyboard users type their name instead', async () => {
    const element = await fixture<VerifikSignatureStep>(
      html`<verifik-signature-step .api=${await registration()} .t=${en}></verifik-signature-step>`,
    );
    element.shadowRoot!.querySelector<HTMLButtonElement>('[data-toggle]')!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLInputElement>('#field-typedName')!.focus();
    await sendKeys({ type: 'Bea Lima' });
    const complete = oneEvent(element, 'step-complete');
    await sendKeys({ press: 'Enter' });
    await complete;
    await expect(element).shadowDom.to.be.accessible();
  });
});
