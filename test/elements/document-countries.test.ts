import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../helpers/browser/wait.js';
import { en } from '../../src/i18n/en.js';
import {
  button,
  click,
  heading,
  mountDocumentStep,
  pickFile,
  reviewShown,
  signedUp,
  storedDocument,
  testImage,
  v3DocumentFlow,
} from '../helpers/browser/document.js';

const { document: text } = en;

/** The radio answers of the current question, by their visible text. */
const answers = (root: ParentNode) =>
  [...root.querySelectorAll('label.check')].map((label) => label.textContent?.trim() ?? '');
const legend = (root: ParentNode) => root.querySelector('legend')?.textContent?.trim() ?? '';

/** Two countries: Colombia with a national ID and a passport (its licence inactive), Peru with a passport only. */
const twoCountries = () =>
  v3DocumentFlow([
    {
      country: 'Colombia',
      configurations: [
        { active: true, documentCategory: 'government_id' },
        { active: true, documentCategory: 'passport' },
        { active: false, documentCategory: 'license' },
      ],
    },
    { country: 'Peru', configurations: [{ active: true, documentCategory: 'passport' }] },
  ]);

describe('<verifik-document-step> in a v3 flow with documents per country', function () {
  // The sandbox reads the upload with face-api in Node: seconds on a busy 2-core machine.
  this.timeout(90_000);

  it('asks the country first, then the document among that country’s active ones, and sends both', async () => {
    const flow = await twoCountries();
    const api = await signedUp(flow);
    const { element, events, errors } = await mountDocumentStep(api, flow);
    const root = element.shadowRoot!;
    expect(legend(root)).to.equal(text.chooseCountry);
    expect(answers(root)).to.deep.equal(['Colombia', 'Peru']);
    await expect(element).to.be.accessible();

    // Colombia (checked first) → its two active documents, not the inactive licence.
    await click(root, en.actions.continue);
    await waitUntil(() => legend(root) === text.chooseType, 'the document question');
    expect(answers(root)).to.deep.equal([text.categories.government_id, text.categories.passport]);
    await expect(element).to.be.accessible();

    // Back to the country: Peru has one document, so the type is not asked.
    await click(root, en.actions.back);
    await waitUntil(() => legend(root) === text.chooseCountry, 'the country question again');
    const peru = [...root.querySelectorAll<HTMLInputElement>('input[name="country"]')][1]!;
    peru.focus();
    await sendKeys({ press: 'Space' });
    expect(peru.checked).to.equal(true);
    await click(root, en.actions.continue);
    await waitUntil(() => heading(root) === text.sideTitle.front, 'straight to the photo');
    expect(button(root, text.useCamera), 'the flow takes uploads only').to.equal(null);

    pickFile(root, await testImage('id-card-front'));
    await reviewShown(root);
    await click(root, text.usePhoto);
    // A passport has no back: sent at once.
    await waitUntil(() => events.includes('complete'), 'the sandbox validates it', { timeout: 90_000 });
    expect(await storedDocument(api.appRegistrationId!)).to.include({
      status: 'VALIDATED',
      documentCategory: 'passport',
      country: 'Peru',
      hasBackImage: false,
    });
    expect(errors).to.deep.equal([]);
  });

  it('one country: no country question; its only document is taken without asking', async () => {
    const flow = await v3DocumentFlow([
      { country: 'Colombia', configurations: [{ active: true, documentCategory: 'government_id' }] },
    ]);
    const { element } = await mountDocumentStep(await signedUp(flow), flow);
    const root = element.shadowRoot!;
    expect(heading(root)).to.equal(text.sideTitle.front);
    expect(root.querySelector('input[name="country"]')).to.equal(null);
  });
});
