import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { VerifikEnroll } from '../../src/index.js';
import '../../src/verifik-enroll.js';
import {
  deepActiveElement,
  enterCodes,
  fillSignUp,
  inStep,
  mountFlow,
  passCodes,
  person,
  sendSignUp,
  skip,
  whenLoaded,
  whenStep,
} from '../helpers/browser/basic-flow.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * A person faster than the network: the next step's module (fetched while they are on the step
 * before) has not arrived when they press Continue. They see "Loading"; once the module is in,
 * the new screen's heading takes the focus if it is on no control, and stays where the person put
 * it otherwise. The test runner holds the module's request (`wtr-hold-modules-plugin.mjs`), so
 * the person is ahead of it on any machine. The file runs in a browser of its own (the
 * `slow-network` group), so no other test file's page has filled the HTTP cache with a step module,
 * and imports only the side-effect entry, so no step module is loaded before its test.
 */

/** Waits until `step` is the current step while its module is still held: "Loading" shows. */
async function whenLoadingStep(element: VerifikEnroll, step: string) {
  await waitUntil(() => element.getAttribute('step') === step, `the ${step} step`);
  expect(element.shadowRoot!.querySelector('[data-step]') === null, 'no screen before its module').to.equal(true);
  expect(element.shadowRoot!.querySelector('[part="status"]')?.textContent).to.contain('Loading');
  expect(await executeServerCommand('held-modules'), 'the module is still on its way').to.be.above(0);
}

/** Rendering settles: the frame after the screen appeared (focus moves, if at all, before it). */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('a person ahead of the next step’s module', function () {
  // A flow against the sandbox on 2 busy cores: its waits end on steps and requests.
  this.timeout(120_000);

  afterEach(() => executeServerCommand('release-modules'));

  it('sees Loading, then the new screen’s heading gets the focus the old screen took with it', async () => {
    await executeServerCommand('hold-modules', { path: '/src/steps/code/code-step' });
    const element = await mountFlow({ crossDevice: 'off' });
    await whenLoaded(element);
    await sendSignUp(element, person());

    await whenLoadingStep(element, 'emailCode');
    expect(deepActiveElement()?.tagName, 'the sign-up screen took the focus with it').to.equal('BODY');

    await executeServerCommand('release-modules');
    await whenStep(element, 'emailCode');
    await waitUntil(() => deepActiveElement() === inStep(element, 'h2'), 'the code screen’s heading has the focus');
  });

  it('leaves the focus on a control the person reached while the screen was loading', async () => {
    await executeServerCommand('hold-modules', { path: '/src/steps/document/document-step' });
    const element = await mountFlow({ crossDevice: 'off' });
    await whenLoaded(element);
    const who = person();
    await fillSignUp(element, who);
    await enterCodes(element, who);

    await whenLoadingStep(element, 'document');
    const cancel = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!;
    cancel.focus();

    await executeServerCommand('release-modules');
    await whenStep(element, 'document');
    await nextFrame();
    expect(inStep(element, 'h2'), 'the document screen is shown').to.not.equal(null);
    expect(deepActiveElement() === cancel, `the focus stays on Cancel, not ${deepActiveElement()?.tagName}`).to.equal(
      true,
    );
  });

  it('in the modal too, on the final screen: its heading inside the dialog gets the focus', async () => {
    await executeServerCommand('hold-modules', { path: '/src/steps/done/done-step' });
    const element = await mountFlow({ crossDevice: 'off', modal: true });
    element.show();
    await whenLoaded(element);
    const who = person();
    await fillSignUp(element, who);
    await passCodes(element, who);
    await skip(element, 'document');
    await skip(element, 'liveness');
    if (element.getAttribute('step') === 'faceMatch') await skip(element, 'faceMatch');

    await whenLoadingStep(element, 'done');
    await executeServerCommand('release-modules');
    await whenStep(element, 'done');
    await waitUntil(() => deepActiveElement() === inStep(element, 'h2'), 'the final screen’s heading has the focus');
    expect(element.shadowRoot!.querySelector('dialog')?.open, 'still in the open modal').to.equal(true);
  });
});
