import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { en } from '../../../src/i18n/en.js';
import type { VerifikCompleteDetail, VerifikEnroll } from '../../../src/index.js';
import '../../../src/verifik-enroll.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import { click, documentFlow, heading, reviewShown, storedDocument } from '../../helpers/browser/document.js';
import { sandbox } from '../../helpers/browser/sandbox.js';

const { document: text } = en;

describe('<verifik-enroll> with a mandatory ID document', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('signs up, photographs the front and the back with the camera, and completes', async () => {
    const flow = await documentFlow();
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll
        persist="none"
        lang="en"
        project=${flow.project}
        flow=${flow._id}
        api-url=${sandbox.url}
      ></verifik-enroll>`,
    );
    const step = () => element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
    await waitUntil(() => element.getAttribute('step') === 'signUp', 'the sign-up');
    await waitUntil(() => step().querySelector('#field-email'), 'the email field');
    step().querySelector<HTMLInputElement>('#field-email')!.focus();
    await sendKeys({ type: `document.${Date.now()}@example.com` });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.getAttribute('step') === 'document', 'the document step');

    // One document type in this flow: straight to the front.
    expect(heading(step())).to.equal(text.sideTitle.front);
    await click(step(), text.useCamera);
    await reviewShown(step());
    await click(step(), text.usePhoto);
    await waitUntil(() => heading(step()) === text.sideTitle.back, 'the back is asked for next');
    await waitUntil(() => liveTracks().length === 1, 'the camera restarts for the back');
    await reviewShown(step());

    const complete = oneEvent(element, 'verifik-complete');
    await click(step(), text.usePhoto);
    const { detail } = (await complete) as CustomEvent<VerifikCompleteDetail>;
    expect(detail.status).to.equal('COMPLETED');
    expect(element.getAttribute('step')).to.equal('done');
    expect(liveTracks()).to.have.length(0);
    expect(await storedDocument(detail.appRegistrationId)).to.include({
      status: 'VALIDATED',
      documentCategory: 'government_id',
      inputMethod: 'CAMERA',
      hasBackImage: true,
    });
    await expect(element).shadowDom.to.be.accessible();
  });
});
