import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { VerifikEnroll } from '../../src/index.js';
import '../../src/verifik-enroll.js';
import { deepActiveElement, inStep, whenLoaded } from '../helpers/browser/basic-flow.js';
import { documentFlow, mountDocumentStep, signedUp } from '../helpers/browser/document.js';
import { systemColor } from '../helpers/browser/system-color.js';
import { DEMO, sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';
import { chromiumOnly } from '../helpers/browser/engine.js';

/**
 * The person's own display settings, emulated in Chromium: `prefers-reduced-motion: reduce` stops
 * the busy spinner; `forced-colors: active` (Windows high contrast) keeps the spinner's turning arc,
 * the buttons' edges, the focus ring and the chosen radio button visible in system colours.
 * (The selfie oval and its progress ring: test/camera/off-centre/.)
 */

/** A widget that stays on its loading line: its project request never answers. */
async function loadingWidget(): Promise<HTMLElement> {
  const element = await fixture<VerifikEnroll>(
    html`<verifik-enroll project=${DEMO.project} api-url=${sandbox.url} persist="none"></verifik-enroll>`,
  );
  element.fetch = () => new Promise<Response>(() => {});
  await waitUntil(() => element.shadowRoot!.querySelector('.spinner'), 'the loading line');
  return element.shadowRoot!.querySelector<HTMLElement>('.spinner')!;
}

describe('prefers-reduced-motion', () => {
  before(chromiumOnly);
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('the spinner turns, and stops when the person asks for less motion', async () => {
    const spinner = await loadingWidget();
    expect(getComputedStyle(spinner).animationName).to.equal('spin');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(spinner).animationName).to.equal('none');
  });
});

describe('forced-colors: active', () => {
  before(chromiumOnly);
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('the spinner keeps a turning arc in a system colour', async () => {
    const spinner = await loadingWidget();
    await emulateMedia({ forcedColors: 'active' });
    const style = getComputedStyle(spinner);
    expect(style.borderTopColor).to.equal(systemColor('Highlight'));
    expect(style.borderRightColor, 'the rest of the ring differs from the arc').to.not.equal(style.borderTopColor);
  });

  it('buttons keep their edge and the focus ring shows, in system colours', async () => {
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll
        lang="en"
        persist="none"
        project=${DEMO.project}
        flow=${DEMO.basicFlow}
        api-url=${sandbox.url}
      ></verifik-enroll>`,
    );
    await whenLoaded(element);
    await emulateMedia({ forcedColors: 'active' });
    const submit = inStep<HTMLButtonElement>(element, 'button[type="submit"]')!;
    const edge = getComputedStyle(submit);
    expect([edge.borderTopStyle, edge.borderTopColor]).to.deep.equal(['solid', systemColor('ButtonText')]);
    // The focus ring, reached from the keyboard.
    inStep<HTMLInputElement>(element, '#field-acceptPrivacy')!.focus();
    for (let presses = 0; presses < 5 && deepActiveElement() !== submit; presses++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(submit);
    const ring = getComputedStyle(submit);
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    expect(ring.outlineColor, 'a ring that shows on the page').to.not.equal(systemColor('Canvas'));
    await expect(element).shadowDom.to.be.accessible();
  });

  it('the chosen document type stays visible: the system draws the radio buttons', async () => {
    const flow = await documentFlow({ usePassport: true });
    const { element } = await mountDocumentStep(await signedUp(flow), flow);
    await waitUntil(() => element.shadowRoot!.querySelector('input[type="radio"]'), 'the document types');
    await emulateMedia({ forcedColors: 'active' });
    const radios = [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => radio.checked)).to.deep.equal([true, false]);
    for (const radio of radios) {
      const style = getComputedStyle(radio);
      expect([style.appearance, style.forcedColorAdjust]).to.deep.equal(['auto', 'auto']);
    }
  });
});
