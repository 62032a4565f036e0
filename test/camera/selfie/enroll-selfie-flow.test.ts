import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { idleCallbacksRun, waitUntil } from '../../helpers/browser/wait.js';
import type { VerifikCompleteDetail, VerifikEnroll } from '../../../src/index.js';
import type { VerifikLivenessStep } from '../../../src/steps/liveness/liveness-step.js';
import '../../../src/verifik-enroll.js';
import { mountFlow } from '../../helpers/browser/basic-flow.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import { selfieFlow, startCamera } from '../../helpers/browser/liveness.js';
import { sandbox } from '../../helpers/browser/sandbox.js';

const faceAssetRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => /\/face\/[^/]+$/.test(new URL(entry.name).pathname));

describe('<verifik-enroll> with a mandatory selfie', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('signs up, takes the selfie, and completes; face assets load only from the step before', async () => {
    performance.clearResourceTimings();
    const flow = await selfieFlow();
    const element = await mountFlow({ project: flow.project, flow: flow._id });
    const outcomes: string[] = [];
    element.addEventListener('verifik-step-complete', (event) =>
      outcomes.push(`${event.detail.step}:${event.detail.outcome}`),
    );
    await waitUntil(() => element.getAttribute('step') === 'signUp', 'the sign-up');
    const step = () => element.shadowRoot!.querySelector('[data-step]');
    await waitUntil(() => step()?.shadowRoot?.querySelector('#field-email'), 'the email field');
    // The selfie is mandatory and next: its face guide is fetched while the person signs up.
    await waitUntil(() => faceAssetRequests().length > 0, 'the face guide is prefetched');
    expect(element.getAttribute('step')).to.equal('signUp');
    const field = (id: string) => step()!.shadowRoot!.querySelector<HTMLInputElement>(`#field-${id}`);
    for (const [id, value] of [
      ['firstName', 'Cris'],
      ['lastName', 'Demo'],
      ['email', `whole.selfie.${Date.now()}@example.com`],
    ]) {
      const input = field(id);
      if (!input) continue;
      input.value = value!;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    for (const id of ['acceptTerms', 'acceptPrivacy']) field(id)?.click();
    step()!.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    await waitUntil(() => element.getAttribute('step') === 'liveness', 'the selfie step');
    const complete = oneEvent(element, 'verifik-complete');
    await startCamera(step() as HTMLElement & VerifikLivenessStep);
    const { detail } = (await complete) as CustomEvent<VerifikCompleteDetail>;
    expect(detail.status).to.equal('COMPLETED');
    expect(outcomes).to.deep.equal(['signUp:passed', 'liveness:passed']);
    expect(liveTracks()).to.have.length(0);
    await waitUntil(() => step()?.shadowRoot?.querySelector('h2')?.textContent === 'You’re all set', 'the done screen');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('does not load the face guide for a flow without a selfie', async () => {
    performance.clearResourceTimings();
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll persist="none" project="65a1d3e0c0ffee0000000001" api-url=${sandbox.url}></verifik-enroll>`,
    );
    await waitUntil(() => element.getAttribute('step') === 'signUp', 'the sign-up');
    // A prefetch is queued as an idle callback when the step shows: once later ones ran, it would have started.
    await idleCallbacksRun();
    await idleCallbacksRun();
    expect(faceAssetRequests()).to.deep.equal([]);
  });
});
