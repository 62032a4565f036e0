import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { VerifikSignatureStep } from '../../src/steps/signature/signature-step.js';
import '../helpers/browser/all-steps.js';
import { createFlow, registrantApi } from '../helpers/browser/sandbox.js';
import { stepFixture } from '../helpers/browser/step-fixture.js';
import { waitUntil } from '../helpers/browser/wait.js';

/** A registration in a flow that requires a signature. */
async function registration() {
  const flow = await createFlow({ requiresSignature: true, signUpForm: { fullName: true, email: true } });
  const api = registrantApi(flow['project'] as string, flow._id);
  await api.signUp({ fullName: 'Bea Lima', email: `sign.${Date.now()}@example.com`, language: 'pt' });
  return api;
}

const submit = (element: VerifikSignatureStep) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

describe('<verifik-signature-step>', () => {
  it('asks for a signature, then saves one drawn with the mouse', async () => {
    const element = await stepFixture<VerifikSignatureStep>(html`<verifik-signature-step></verifik-signature-step>`, {
      api: await registration(),
    });
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
    const element = await stepFixture<VerifikSignatureStep>(html`<verifik-signature-step></verifik-signature-step>`, {
      api: await registration(),
    });
    element.shadowRoot!.querySelector<HTMLButtonElement>('[data-toggle]')!.focus();
    await sendKeys({ press: 'Enter' });
    // The key reaches the page after the command returns in Firefox: wait for the field it opens.
    await waitUntil(() => element.shadowRoot!.querySelector('#field-typedName'), 'the typed-name field');
    element.shadowRoot!.querySelector<HTMLInputElement>('#field-typedName')!.focus();
    await sendKeys({ type: 'Bea Lima' });
    const complete = oneEvent(element, 'step-complete');
    await sendKeys({ press: 'Enter' });
    await complete;
    await expect(element).shadowDom.to.be.accessible();
  });
});
