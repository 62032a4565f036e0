import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { VerifikOtpInput } from '../../src/ui/otp-input.js';
import '../helpers/browser/all-steps.js';
import { paste } from '../helpers/browser/clipboard.js';

const boxes = (element: VerifikOtpInput) => [...element.shadowRoot!.querySelectorAll('input')];
const shown = (element: VerifikOtpInput) =>
  boxes(element)
    .map((box) => box.value)
    .join('');
const focusedIndex = (element: VerifikOtpInput) =>
  boxes(element).indexOf(element.shadowRoot!.activeElement as HTMLInputElement);

async function mount() {
  return fixture<VerifikOtpInput>(html`<verifik-otp-input label="Verification code"></verifik-otp-input>`);
}

describe('<verifik-otp-input>', () => {
  it('has six labelled numeric boxes, the first one-time-code autofillable, and passes axe', async () => {
    const element = await mount();
    const inputs = boxes(element);
    expect(inputs).to.have.length(6);
    // The attribute: Firefox's `autocomplete` property answers '' for a token it does not autofill.
    expect(inputs[0]!.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(inputs[3]!.getAttribute('aria-label')).to.equal('Digit 4 of 6');
    expect(inputs.every((box) => box.inputMode === 'numeric')).to.equal(true);
    expect(element.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal(
      'Verification code',
    );
    await expect(element).shadowDom.to.be.accessible();
  });

  it('typing moves from box to box and fires otp-complete with the code', async () => {
    const element = await mount();
    element.focus();
    const complete = oneEvent(element, 'otp-complete');
    await sendKeys({ type: '4a8' });
    expect(shown(element)).to.equal('48', 'letters are ignored');
    expect(focusedIndex(element)).to.equal(2);
    await sendKeys({ type: '1516' });
    const { detail } = await complete;
    expect(detail.code).to.equal('481516');
    expect(element.value).to.equal('481516');
  });

  it('Backspace and the arrow keys move back', async () => {
    const element = await mount();
    element.focus();
    await sendKeys({ type: '123' });
    await sendKeys({ press: 'Backspace' });
    expect(shown(element)).to.equal('12');
    expect(focusedIndex(element)).to.equal(2);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedIndex(element)).to.equal(1);
    await sendKeys({ type: '9' });
    expect(shown(element)).to.equal('19');
  });

  it('a pasted code fills every box', async () => {
    const element = await mount();
    const complete = oneEvent(element, 'otp-complete');
    await paste(boxes(element)[2]!, ' 246-810 ');
    expect((await complete).detail.code).to.equal('246810');
    expect(shown(element)).to.equal('246810');
  });

  it('autofill of the whole code into the first box fills every box', async () => {
    const element = await mount();
    const complete = oneEvent(element, 'otp-complete');
    const first = boxes(element)[0]!;
    first.value = '135792';
    first.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', bubbles: true }));
    expect((await complete).detail.code).to.equal('135792');
  });

  it('shows an error that describes the boxes', async () => {
    const element = await mount();
    element.error = 'That code is not right. 4 tries left.';
    await element.updateComplete;
    const error = element.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.textContent).to.equal('That code is not right. 4 tries left.');
    expect(
      boxes(element).every(
        (box) => box.getAttribute('aria-describedby') === error.id && box.getAttribute('aria-invalid') === 'true',
      ),
    ).to.equal(true);
    await expect(element).shadowDom.to.be.accessible();
  });
});
