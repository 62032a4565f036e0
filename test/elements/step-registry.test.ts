import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import type { VerifikEnroll } from '../../src/index.js';
import { initialState } from '../../src/flow/machine.js';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';
import { STEP_IDS } from '../../src/flow/steps.js';
import { loadTranslation } from '../../src/i18n/load-translation.js';
import { loadStep } from '../../src/steps/load-step.js';
import type { VerifikSignUpStep } from '../../src/steps/sign-up/sign-up-step.js';
import { inStep, whenLoaded } from '../helpers/browser/basic-flow.js';
import { DEMO, registrantApi, sandbox } from '../helpers/browser/sandbox.js';
import { provideStrings, stepFixture } from '../helpers/browser/step-fixture.js';
import { waitUntil } from '../helpers/browser/wait.js';

describe('step registry', () => {
  it('loads, for every step id, the element defined under the descriptor’s tag, marked as the step', async () => {
    const flow = normalizeFlow({ _id: 'flow', project: 'project', type: 'onboarding' });
    const api = registrantApi();
    const view = {
      enrollment: { project: { _id: 'project' }, flow, api, checks: api, fields: {}, machine: initialState(flow) },
      assetsUrl: new URL('/face/', location.href).href,
      challenge: 'none' as const,
      reportError: () => expect.fail('rendering reports no error'),
    };
    for (const id of STEP_IDS) {
      const step = await loadStep(id);
      const { tag, element } = step;
      // Rendered into a detached container: the step elements stay unconnected, nothing starts.
      const container = document.createElement('div');
      render(step.render(view), container);
      const rendered = container.firstElementChild!;
      expect(rendered.localName, id).to.equal(tag);
      expect(rendered.hasAttribute('data-step'), id).to.equal(true);
      expect(customElements.get(tag), id).to.equal(element);
    }
  });
});

describe('enrollment context', () => {
  it('re-renders a step in the new language when the strings change, without props', async () => {
    const element = await stepFixture<VerifikSignUpStep>(html`<verifik-sign-up-step></verifik-sign-up-step>`, {
      api: registrantApi(),
    });
    const heading = () => element.shadowRoot!.querySelector('h2')!.textContent!.trim();
    const en = await loadTranslation('en');
    expect(heading()).to.equal(en.signUp.title);
    const es = await loadTranslation('es');
    expect(es.signUp.title).to.not.equal(en.signUp.title);
    provideStrings(element, es);
    await waitUntil(() => heading() === es.signUp.title, 'the Spanish heading');
    expect(element.shadowRoot!.textContent).to.contain('Nombres');
  });

  it('keeps what the person types without re-rendering the root on each keystroke', async () => {
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll persist="none" project=${DEMO.project} api-url=${sandbox.url}></verifik-enroll>`,
    );
    await whenLoaded(element);
    let rootUpdates = 0;
    const requestUpdate = element.requestUpdate.bind(element);
    element.requestUpdate = (...args: Parameters<VerifikEnroll['requestUpdate']>) => {
      rootUpdates++;
      requestUpdate(...args);
    };
    inStep<HTMLInputElement>(element, '#field-firstName')!.focus();
    await sendKeys({ type: 'Ana' });
    await waitUntil(() => inStep<HTMLInputElement>(element, '#field-firstName')!.value === 'Ana', 'the typed name');
    expect(rootUpdates).to.equal(0);
  });
});
