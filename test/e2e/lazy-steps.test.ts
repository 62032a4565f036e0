import { expect } from '@open-wc/testing';
import '../../src/verifik-enroll.js';
import { fillSignUp, mountFlow, passCodes, person, skip, whenLoaded, whenStep } from '../helpers/browser/basic-flow.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * Each step's code is a module of its own, loaded when the step before it opens: a page fetches
 * the first screen's code, then one step ahead of the person, and never the steps a flow skips.
 * This file imports only the side-effect entry, as a page does.
 */

/** The step modules this page has fetched so far (e.g. `sign-up/sign-up-step`). */
const fetchedSteps = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => /\/src\/steps\/([\w-]+\/[\w-]+-step)\.\w+$/.exec(new URL(entry.name).pathname)?.[1])
    .filter((step): step is string => step !== undefined);

describe('steps load on demand', function () {
  // A whole flow against the sandbox, on 2 busy cores: its waits end on steps and requests.
  this.timeout(120_000);

  it('fetches the first step with the flow, each next one while the person is on the step before, and no skipped one', async () => {
    expect(fetchedSteps(), 'the entry alone carries no step').to.deep.equal([]);
    expect(customElements.get('verifik-sign-up-step')).to.equal(undefined);

    const element = await mountFlow();
    await whenLoaded(element);
    expect(customElements.get('verifik-sign-up-step'), 'the sign-up defined as its module loaded').to.not.equal(
      undefined,
    );
    await waitUntil(
      () => fetchedSteps().includes('code/code-step'),
      'the email code step is fetched while the sign-up shows',
    );
    expect(fetchedSteps()).to.have.members(['sign-up/sign-up-step', 'code/code-step']);

    const who = person();
    await fillSignUp(element, who);
    await passCodes(element, who);
    // On the (optional) document step, the selfie is one step ahead: fetched; the signature never is.
    await waitUntil(() => fetchedSteps().includes('liveness/liveness-step'), 'the selfie step is fetched ahead');
    await skip(element, 'document');
    await skip(element, 'liveness');
    if (element.getAttribute('step') === 'faceMatch') await skip(element, 'faceMatch');
    await whenStep(element, 'done');
    expect(fetchedSteps()).to.not.include('signature/signature-step');
    expect(customElements.get('verifik-signature-step')).to.equal(undefined);
  });
});
