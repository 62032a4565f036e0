import { expect } from '@open-wc/testing';
import '../../src/verifik-enroll.js';
import {
  enterCode,
  fillSignUp,
  latestCode,
  mountFlow,
  passCodes,
  person,
  press,
  skip,
  whenLoaded,
  whenStep,
} from '../helpers/browser/basic-flow.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * The cross-device handoff's code is a module of its own (with its plan and endpoints), loaded
 * only where a phone may take a step over: while the person is on the step before a camera step,
 * with `cross-device` not `off`. The core carries only what reads a phone's link and names the
 * camera steps. This file imports only the side-effect entry, as a page does; its tests run in
 * order, the first before anything fetched the handoff's code.
 */

/** The handoff modules this page has fetched so far (e.g. `handoff-controller`). */
const fetchedHandoff = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => /\/src\/handoff\/([\w-]+)\.\w+$/.exec(new URL(entry.name).pathname)?.[1])
    .filter((name): name is string => name !== undefined);

describe('the handoff loads on demand', function () {
  // Whole flows against the sandbox, on 2 busy cores: their waits end on steps and requests.
  this.timeout(120_000);

  it('with cross-device="off", a flow through its document and selfie steps never fetches the handoff code', async () => {
    const element = await mountFlow({ crossDevice: 'off' });
    await whenLoaded(element);
    const who = person();
    await fillSignUp(element, who);
    await passCodes(element, who);
    expect(element.shadowRoot!.querySelector('[part="handoff"]'), 'no phone offered').to.equal(null);
    await skip(element, 'document');
    await skip(element, 'liveness');
    if (element.getAttribute('step') === 'faceMatch') await skip(element, 'faceMatch');
    await whenStep(element, 'done');
    expect(fetchedHandoff(), 'only what the core carries').to.have.members(['cross-device', 'load-handoff-controller']);
    expect(customElements.get('verifik-handoff-screen')).to.equal(undefined);
  });

  it('otherwise the step before the document fetches it, and the document step offers the phone', async () => {
    const element = await mountFlow({ crossDevice: 'auto' });
    await whenLoaded(element);
    const who = person();
    await fillSignUp(element, who);
    expect(fetchedHandoff(), 'not two steps before a camera step').to.not.include('handoff-controller');
    await enterCode(element, await latestCode(who.email));
    await whenStep(element, 'phoneCode');
    await waitUntil(
      () => fetchedHandoff().includes('handoff-controller'),
      'the handoff controller is fetched while the phone code shows',
    );
    expect(element.getAttribute('step')).to.equal('phoneCode');
    await press(element, '.actions button');
    await enterCode(element, await latestCode(`+57${who.phone}`));
    await whenStep(element, 'document');
    await waitUntil(() => element.shadowRoot!.querySelector('[part="handoff"]'), 'Continue on your phone');
    // The handoff screen (and its QR encoder) waits for the person to choose the phone.
    expect(fetchedHandoff()).to.not.include('handoff-screen');
  });
});
