import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';
import { intlFormat } from '../../src/i18n/intl-format.js';
import { loadTranslation, SUPPORTED_LANGUAGES } from '../../src/i18n/load-translation.js';
import type { Translation } from '../../src/i18n/translation.js';
import type { VerifikEnroll } from '../../src/index.js';
import '../helpers/browser/all-steps.js';
import { latestCode, person, whenStep } from '../helpers/browser/basic-flow.js';
import { pickFile, testImage } from '../helpers/browser/document.js';
import { createFlow, DEMO, registrantApi, sandbox } from '../helpers/browser/sandbox.js';
import { stepFixture } from '../helpers/browser/step-fixture.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * Every language, as a person on a narrow phone (320 CSS px) meets it: the seeded Full
 * Verification flow walked by role and label in that language up to the selfie primer, with axe
 * at 0 and no text spilling out of its control on every screen; the steps the walk does not
 * reach rendered alone; and Arabic laid out right to left.
 */

/** Every element under `root`, through the shadow roots of the steps and their parts. */
function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** Sign-up, email code, phone code, document, selfie and face match. */
const FULL_STEPS = 6;

const TEXT_CONTROLS = 'button, label, select, legend, h2, p, li, a, figcaption';

/** The text controls of `host` whose text is cut (wider than their box) or spills out of the widget. */
function overflowing(host: HTMLElement): string[] {
  const bounds = host.getBoundingClientRect();
  const found: string[] = [];
  for (const element of deepElements(host.shadowRoot!)) {
    if (!element.matches(TEXT_CONTROLS) || !(element instanceof HTMLElement)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    const block = getComputedStyle(element).display !== 'inline';
    const cut = block && element.scrollWidth > element.clientWidth + 1;
    const spills = rect.left < bounds.left - 1 || rect.right > bounds.right + 1;
    if (cut || spills) found.push(`<${element.localName}> "${element.textContent?.trim().slice(0, 40)}"`);
  }
  return found;
}

/**
 * Waits for the sign-up form with its phone field, whose helpers load on demand: the first test of
 * a run also waits for the dev server to compile them, so the budget is generous.
 */
const whenLoaded = (element: VerifikEnroll) =>
  waitUntil(
    () => element.shadowRoot?.querySelector('[data-step]')?.shadowRoot?.querySelector('#field-phone'),
    'the sign-up form',
  );

/** The current step's shadow root. */
const stepRoot = (element: VerifikEnroll) => element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;

const heading = (root: ParentNode) => root.querySelector('h2')?.textContent?.trim() ?? '';

/** A screen as a person meets it: its heading in the language, axe at 0, no text cut or spilling. */
async function checkScreen(element: VerifikEnroll, title: string, what: string) {
  await waitUntil(() => heading(stepRoot(element)) === title, `${what}: "${title}"`);
  await expect(element).shadowDom.to.be.accessible();
  expect(overflowing(element), `${what}: text cut or outside the widget at 320 px`).to.deep.equal([]);
}

/** The form control of `root` whose label reads `text`. */
function byLabel<T extends HTMLElement = HTMLInputElement>(root: ShadowRoot, text: string): T {
  const label = [...root.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text);
  expect(label, `a control labelled "${text}"`).to.not.equal(undefined);
  return (label!.control ?? label!.querySelector('input')) as T;
}

/** The button of `root` that reads `text`. */
function byName(root: ParentNode, text: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text);
  expect(button, `a "${text}" button`).to.not.equal(undefined);
  return button!;
}

async function typeInto(control: HTMLElement, text: string) {
  control.focus();
  await sendKeys({ type: text });
}

async function press(control: HTMLElement, key = 'Enter') {
  control.focus();
  await sendKeys({ press: key });
}

/** Fills the sign-up form by its labels in `t`'s language and sends it; resolves on the email code step. */
async function signUp(element: VerifikEnroll, t: Translation) {
  const who = person();
  const root = stepRoot(element);
  await typeInto(byLabel(root, t.signUp.firstName), 'Ana');
  await typeInto(byLabel(root, t.signUp.lastName), 'García');
  await typeInto(byLabel(root, t.signUp.email), who.email);
  await typeInto(byLabel(root, t.signUp.phone), `+57 ${who.phone}`);
  await press(byLabel(root, t.signUp.terms), 'Space');
  await press(byLabel(root, t.signUp.privacy), 'Space');
  await press(byName(root, t.actions.continue));
  await whenStep(element, 'emailCode');
  return who;
}

/** Types a code from the sandbox's outbox into the boxes named in the language. */
async function enterCode(element: VerifikEnroll, t: Translation, to: string) {
  const code = await latestCode(to);
  const group = () => stepRoot(element).querySelector('verifik-otp-input')?.shadowRoot?.querySelector('[role="group"]');
  await waitUntil(() => group()?.getAttribute('aria-label') === t.code.label, 'the code boxes');
  const first = t.code.digit.replace('{n}', '1').replace('{total}', '6');
  await typeInto(group()!.querySelector<HTMLInputElement>(`input[aria-label="${first}"]`)!, code);
}

describe('twelve languages at 320 px', function () {
  // Sign-up, two codes and two document photos checked by the sandbox, per language.
  this.timeout(90_000);

  before(() => setViewport({ width: 320, height: 720 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const language of SUPPORTED_LANGUAGES) {
    it(`${language}: the Full flow up to the selfie primer, by label, axe at 0 on each screen`, async () => {
      const t = await loadTranslation(language);
      const element = await fixture<VerifikEnroll>(
        html`<verifik-enroll
          lang=${language}
          persist="none"
          project=${DEMO.project}
          flow=${DEMO.fullFlow}
          api-url=${sandbox.url}
          token-endpoint=${`${sandbox.url}/api/verifik/registration`}
          cross-device="off"
        ></verifik-enroll>`,
      );
      await whenLoaded(element);
      const panel = element.shadowRoot!.querySelector('[part="panel"]')!;
      expect([panel.getAttribute('lang'), panel.getAttribute('dir')]).to.deep.equal([language, t.$dir]);
      const progress = () => element.shadowRoot!.querySelector('[part="progress"]')?.textContent?.trim();
      expect(progress()).to.equal(`${t.progress(1, FULL_STEPS, t.steps.signUp)}, ${t.progressDone(0)}`);

      // Sign-up, every field found by its label in this language.
      await checkScreen(element, t.signUp.title, 'sign-up');
      const who = await signUp(element, t);
      await checkScreen(element, t.code.emailTitle, 'email code');
      expect(progress()).to.equal(`${t.progress(2, FULL_STEPS, t.steps.emailCode)}, ${t.progressDone(1)}`);
      await enterCode(element, t, who.email);

      await whenStep(element, 'phoneCode');
      await checkScreen(element, t.code.phoneTitle, 'phone code, channel choice');
      await press(byName(stepRoot(element), t.code.send));
      await enterCode(element, t, `+57${who.phone}`);

      // The document: the type chosen by its label, both sides uploaded.
      await whenStep(element, 'document');
      await checkScreen(element, t.document.title, 'document type');
      const root = stepRoot(element);
      await press(byLabel(root, t.document.categories.government_id), 'Space');
      await press(byName(root, t.actions.continue));
      await waitUntil(() => stepRoot(element).querySelector('.drop'), 'the upload choice');
      await checkScreen(element, t.document.sideTitle.front, 'document front, method');
      pickFile(stepRoot(element), await testImage('id-card-front', 'cris'));
      await checkScreen(element, t.document.reviewTitle, 'document front, review');
      await press(byName(stepRoot(element), t.document.usePhoto));
      await checkScreen(element, t.document.sideTitle.back, 'document back, method');
      pickFile(stepRoot(element), await testImage('id-card-back'));
      await checkScreen(element, t.document.reviewTitle, 'document back, review');
      await press(byName(stepRoot(element), t.document.usePhoto));

      await whenStep(element, 'liveness', 30_000);
      await checkScreen(element, t.liveness.title, 'selfie primer');
      expect(progress()).to.equal(`${t.progress(5, FULL_STEPS, t.steps.liveness)}, ${t.progressDone(4)}`);
      expect(byName(stepRoot(element), t.liveness.start)).to.be.instanceOf(HTMLButtonElement);
    });
  }

  it('the steps the Full flow skips, and the last screens, fit and pass axe in every language', async () => {
    const raw = await createFlow({
      steps: { signUpForm: 'mandatory', basicInformation: 'mandatory', form: 'mandatory' },
      signUpForm: { fullName: true, email: true, phone: false },
      basicInformation: { fullName: true, dateOfBirth: true, age: true, gender: true, address: true, postalCode: true },
    });
    const flow = normalizeFlow(raw);
    const api = registrantApi(String(raw['project']), raw._id);
    await api.signUp({ fullName: 'Ana García', email: `languages.${Date.now()}@example.com`, language: 'en' });
    for (const language of SUPPORTED_LANGUAGES) {
      const t = await loadTranslation(language);
      const failure = { code: 'face_match_failed', attemptsUsed: true } as const;
      const screens = [
        html`<verifik-basic-info-step></verifik-basic-info-step>`,
        html`<verifik-signature-step></verifik-signature-step>`,
        html`<verifik-done-step status="COMPLETED_WITHOUT_KYC"></verifik-done-step>`,
        html`<verifik-done-step .failure=${failure} reference=${api.appRegistrationId ?? ''}></verifik-done-step>`,
      ];
      for (const screen of screens) {
        const step = await stepFixture<LitElement>(screen, { api, flow, t });
        Object.assign(step.parentElement!, { lang: t.$lang, dir: t.$dir });
        await step.updateComplete;
        await expect(step).shadowDom.to.be.accessible();
        expect(overflowing(step), `${language} <${step.localName}> at 320 px`).to.deep.equal([]);
      }
    }
  });
});

describe('the language the element picks', () => {
  const panel = (element: VerifikEnroll) => element.shadowRoot!.querySelector('[part="panel"]')!;
  const speaks = (element: VerifikEnroll, lang: string, dir: string) =>
    waitUntil(
      () => panel(element).getAttribute('lang') === lang && panel(element).getAttribute('dir') === dir,
      `lang ${lang}, dir ${dir}`,
    );

  it('follows an ancestor’s regional tag (pt-BR → pt), and a change of lang flips the direction', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="pt-BR">
        <verifik-enroll persist="none" project=${DEMO.project} flow=${DEMO.basicFlow} api-url=${sandbox.url}>
        </verifik-enroll>
      </div>`,
    );
    const element = wrapper.querySelector('verifik-enroll')!;
    await whenLoaded(element);
    await speaks(element, 'pt', 'ltr');
    element.lang = 'ar-EG';
    await speaks(element, 'ar', 'rtl');
    element.lang = 'zh-TW';
    // No Traditional Chinese: English, not Simplified characters.
    await speaks(element, 'en', 'ltr');
  });
});

describe('Arabic is laid out right to left', () => {
  /** How far the text of `element` sits from the start and the end of its line box. */
  function gaps(element: Element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const text = range.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return { left: text.left - box.left, right: box.right - text.right };
  }

  async function mount(lang: string) {
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll
        lang=${lang}
        persist="none"
        project=${DEMO.project}
        flow=${DEMO.basicFlow}
        api-url=${sandbox.url}
      ></verifik-enroll>`,
    );
    await whenLoaded(element);
    return element;
  }

  it('text starts at the right in Arabic and at the left in English; digits through Intl', async () => {
    const [ar, en] = [await mount('ar'), await mount('en')];
    const arTitle = gaps(stepRoot(ar).querySelector('h2')!);
    const enTitle = gaps(stepRoot(en).querySelector('h2')!);
    expect(arTitle.right).to.be.lessThan(1);
    expect(arTitle.left).to.be.greaterThan(20);
    expect(enTitle.left).to.be.lessThan(1);
    expect(enTitle.right).to.be.greaterThan(20);
    const t = await loadTranslation('ar');
    const { number } = intlFormat('ar');
    expect(ar.shadowRoot!.querySelector('[part="progress"]')!.textContent).to.include(`الخطوة ${number(1)} من `);
    // The consent boxes sit at the start of their line: the right in Arabic.
    const check = byLabel(stepRoot(ar), t.signUp.terms);
    const label = check.closest('label')!;
    expect(check.getBoundingClientRect().right).to.be.closeTo(label.getBoundingClientRect().right, 12);
  });

  it('a code still reads left to right in Arabic: box 1 is the leftmost', async () => {
    const element = await mount('ar');
    await signUp(element, await loadTranslation('ar'));
    const boxes = () => [
      ...(stepRoot(element).querySelector('verifik-otp-input')?.shadowRoot?.querySelectorAll('input') ?? []),
    ];
    await waitUntil(() => boxes().length === 6, 'the code boxes');
    const lefts = boxes().map((box) => box.getBoundingClientRect().left);
    expect(lefts).to.deep.equal([...lefts].sort((a, b) => a - b));
    expect(boxes()[0]!.getAttribute('aria-label')).to.equal('الرقم 1 من 6');
  });
});
