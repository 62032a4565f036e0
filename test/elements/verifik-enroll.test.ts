import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import type { VerifikEnroll, VerifikErrorDetail, VerifikReadyDetail } from '../../src/index.js';
import '../../src/verifik-enroll.js';
import { DEMO, sandbox } from '../helpers/browser/sandbox.js';

type Outcome =
  { type: 'verifik-ready'; detail: VerifikReadyDetail } | { type: 'verifik-error'; detail: VerifikErrorDetail };

/** The next ready or error event heard on `target`. */
function nextOutcome(target: EventTarget): Promise<Outcome> {
  return new Promise((resolve) => {
    const done = (event: Event) => {
      target.removeEventListener('verifik-ready', done);
      target.removeEventListener('verifik-error', done);
      resolve({ type: event.type, detail: (event as CustomEvent).detail } as Outcome);
    };
    target.addEventListener('verifik-ready', done);
    target.addEventListener('verifik-error', done);
  });
}

/**
 * Mounts `<verifik-enroll>` with `attributes` (and `properties`) and resolves once it reports
 * ready or an error. The listener is on the document, so it also proves the events are composed.
 */
async function mount(attributes: Record<string, string>, properties: Partial<VerifikEnroll> = {}) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const element = document.createElement('verifik-enroll');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  const outcome = nextOutcome(document);
  container.append(element);
  const result = await outcome;
  await element.updateComplete;
  return { element, outcome: result };
}

const shadowText = (element: HTMLElement) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** A fetch that answers every request with `status` and `body`. */
const answering =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('<verifik-enroll> loading a project', () => {
  it('shows a loading state with a status role while the flow loads', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowFetch: typeof fetch = async (input, init) => {
      await gate;
      return fetch(input, init);
    };
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll project=${DEMO.project} api-url=${sandbox.url} .fetch=${slowFetch}></verifik-enroll>`,
    );
    const status = element.shadowRoot!.querySelector('[role="status"]');
    expect(status?.textContent).to.contain('Loading');
    await expect(element).shadowDom.to.be.accessible();
    const ready = oneEvent(element, 'verifik-ready');
    release();
    await ready;
  });

  it('loads the project’s first active onboarding flow from the sandbox and starts with the sign-up', async () => {
    const { element, outcome } = await mount({ project: DEMO.project, 'api-url': sandbox.url });
    expect(outcome.type).to.equal('verifik-ready');
    const detail = outcome.detail as VerifikReadyDetail;
    expect(detail.projectId).to.equal(DEMO.project);
    expect(detail.flow).to.deep.equal({ id: DEMO.basicFlow, name: 'Basic Enrollment (optional KYC)', version: 1 });
    expect(shadowText(element)).to.contain('Verifik Enroll demo');
    expect(shadowText(element)).to.match(/Step 1 of \d+: Your details/);
    expect(element.getAttribute('step')).to.equal('signUp');
    const signUp = element.shadowRoot!.querySelector('verifik-sign-up-step')!;
    expect(signUp.shadowRoot!.textContent).to.contain('Tell us about you');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('the progress line and verifik-step-change count the same steps (the done screen is not one)', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('verifik-enroll');
    element.setAttribute('project', DEMO.project);
    element.setAttribute('api-url', sandbox.url);
    const change = oneEvent(element, 'verifik-step-change');
    container.append(element);
    const { detail } = await change;
    await element.updateComplete;
    expect(detail).to.include({ from: null, to: 'signUp', index: 1 });
    const line = element.shadowRoot!.querySelector('[part="progress"]')!.textContent!.replace(/\s+/g, ' ');
    expect(line).to.contain(`Step 1 of ${detail.total}: Your details`);
    // Basic Enrollment: sign-up, email code, phone code, document, selfie, face match; then done.
    expect(detail.total).to.equal(6);
  });

  it('runs the flow named by the flow attribute', async () => {
    const { outcome } = await mount({ project: DEMO.project, flow: DEMO.fullFlow, 'api-url': sandbox.url });
    expect((outcome.detail as VerifikReadyDetail).flow.id).to.equal(DEMO.fullFlow);
  });

  it('reloads when the flow attribute changes', async () => {
    const { element } = await mount({ project: DEMO.project, 'api-url': sandbox.url });
    const next = nextOutcome(element);
    element.flow = DEMO.fullFlow;
    const outcome = await next;
    expect((outcome.detail as VerifikReadyDetail).flow.id).to.equal(DEMO.fullFlow);
  });

  it('speaks Spanish with lang="es" and takes per-key overrides', async () => {
    const { element } = await mount(
      { project: DEMO.project, 'api-url': sandbox.url, lang: 'es-CO' },
      { strings: { signUp: { title: 'Abre tu cuenta' } } },
    );
    await waitUntil(() => shadowText(element).includes('Paso 1 de'));
    const signUp = element.shadowRoot!.querySelector('verifik-sign-up-step')!;
    await waitUntil(() => signUp.shadowRoot!.textContent!.includes('Abre tu cuenta'));
    expect(signUp.shadowRoot!.textContent).to.contain('Nombres');
    expect(element.shadowRoot!.querySelector('[part="panel"]')!.getAttribute('lang')).to.equal('es');
  });

  it('shows the project’s strings as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const { element } = await mount(
      { project: DEMO.project, 'api-url': 'https://api.example.test' },
      {
        fetch: answering(200, {
          data: {
            _id: DEMO.project,
            name: hostile,
            projectFlows: [{ _id: DEMO.basicFlow, project: DEMO.project, name: hostile, status: 'active' }],
          },
        }),
      },
    );
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    expect(shadowText(element)).to.contain(hostile);
  });
});

describe('<verifik-enroll> errors', () => {
  /** [attributes, expected code, recoverable] */
  const cases: [string, Record<string, string>, string, boolean][] = [
    ['no project attribute', {}, 'missing_project', false],
    ['a malformed project id', { project: '64a1b2c3d4e5f6789012345' }, 'invalid_project', false],
    ['an unknown project', { project: '64a1b2c3d4e5f67890123456' }, 'project_not_found', false],
    [
      'a flow the project does not have',
      { project: DEMO.project, flow: '64a1b2c3d4e5f67890123456' },
      'flow_not_found',
      false,
    ],
    [
      'an onboarding flow in login mode',
      { project: DEMO.project, flow: DEMO.basicFlow, mode: 'login' },
      'flow_not_found',
      false,
    ],
    ['a javascript: api-url', { project: DEMO.project, 'api-url': 'javascript:alert(1)' }, 'invalid_api_url', false],
    [
      'a data: token-endpoint',
      { project: DEMO.project, 'token-endpoint': 'data:text/plain,x' },
      'invalid_token_endpoint',
      false,
    ],
    ['an API nobody answers at', { project: DEMO.project, 'api-url': 'http://127.0.0.1:9' }, 'network_error', true],
  ];

  for (const [what, attributes, code, recoverable] of cases) {
    it(`${what}: shows the error and fires verifik-error ${code}`, async () => {
      const { element, outcome } = await mount({ 'api-url': sandbox.url, ...attributes });
      expect(outcome.type).to.equal('verifik-error');
      const detail = outcome.detail as VerifikErrorDetail;
      expect(detail.code).to.equal(code);
      expect(detail.step).to.equal('setup');
      expect(detail.recoverable).to.equal(recoverable);
      const alert = element.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(detail.message);
      expect(Boolean(alert.querySelector('button'))).to.equal(recoverable);
      await expect(element).shadowDom.to.be.accessible();
    });
  }

  it('a server error is recoverable: Try again loads the flow once the API is back', async () => {
    let failures = 3; // the first try and both automatic retries
    const flaky: typeof fetch = async (input, init) => {
      if (failures-- > 0) return answering(503, { code: 'ServiceUnavailable', message: 'try later' })(input, init);
      return fetch(input, init);
    };
    const { element, outcome } = await mount({ project: DEMO.project, 'api-url': sandbox.url }, { fetch: flaky });
    expect((outcome.detail as VerifikErrorDetail).code).to.equal('server_error');
    const retry = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    retry.focus();
    const ready = oneEvent(element, 'verifik-ready');
    retry.click();
    await ready;
    await element.updateComplete;
    expect(shadowText(element)).to.contain('Your details');
  });

  it('an answer without data is reported as invalid_response', async () => {
    const { outcome } = await mount({ project: DEMO.project }, { fetch: answering(200, { ok: true }) });
    expect((outcome.detail as VerifikErrorDetail).code).to.equal('invalid_response');
  });

  it('stops its request when it leaves the page, and loads again when it comes back', async () => {
    let seenSignal: AbortSignal | undefined;
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        seenSignal = init?.signal ?? undefined;
        seenSignal?.addEventListener('abort', () => reject(seenSignal!.reason));
      });
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll project=${DEMO.project} api-url=${sandbox.url} .fetch=${hanging}></verifik-enroll>`,
    );
    await waitUntil(() => seenSignal !== undefined);
    const parent = element.parentElement!;
    element.remove();
    expect(seenSignal!.aborted).to.equal(true);

    element.fetch = undefined;
    const ready = oneEvent(element, 'verifik-ready');
    parent.append(element);
    await ready;
  });
});
