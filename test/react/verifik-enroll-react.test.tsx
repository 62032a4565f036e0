import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type {
  VerifikCompleteEvent,
  VerifikEnroll as VerifikEnrollElement,
  VerifikErrorEvent,
} from '../../src/index.js';
import { VerifikEnroll } from '../../src/react/index.js';
import { fillSignUp, passCodes, person, skip, whenLoaded } from '../helpers/browser/basic-flow.js';
import { DEMO, sandbox } from '../helpers/browser/sandbox.js';

/**
 * The React wrapper's module (src/react, from source) in React 19 with react-dom: props reach the
 * element as properties, `onVerifik…` props hear its events, and the bare tag type-checks in JSX.
 * The package's `verifik-enroll/react` as an app installs it is tested in test/consumers/vite-react.
 */

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLDivElement;

async function render(node: React.ReactNode): Promise<VerifikEnrollElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(node));
  return host.querySelector('verifik-enroll')!;
}

describe('React wrapper <VerifikEnroll>', function () {
  // A whole flow against the sandbox, on 2 busy cores: its waits end on steps, events and requests.
  this.timeout(120_000);

  afterEach(async () => {
    await act(async () => root?.unmount());
    host.remove();
    sessionStorage.clear();
  });

  it('renders the element with its props as properties and forwards verifik-complete from a real completion', async () => {
    const completions: VerifikCompleteEvent['detail'][] = [];
    const steps: string[] = [];
    const element = await render(
      <VerifikEnroll
        project={DEMO.project}
        flow={DEMO.basicFlow}
        apiUrl={sandbox.url}
        tokenEndpoint={`${sandbox.url}/api/verifik/registration`}
        persist="none"
        strings={{ signUp: { title: 'Open your account' } }}
        onVerifikStepChange={(event) => steps.push(event.detail.to)}
        onVerifikComplete={(event) => {
          event.preventDefault();
          completions.push(event.detail);
        }}
      />,
    );
    expect(element.tokenEndpoint).to.equal(`${sandbox.url}/api/verifik/registration`);
    await whenLoaded(element);
    const title = element.shadowRoot!.querySelector('verifik-sign-up-step')!.shadowRoot!.querySelector('h2');
    expect(title?.textContent).to.equal('Open your account');

    const who = person();
    await fillSignUp(element, who);
    await passCodes(element, who);
    for (const step of ['document', 'liveness', 'faceMatch']) {
      if (element.getAttribute('step') === step) await skip(element, step);
    }
    await waitUntil(() => completions.length === 1, 'onVerifikComplete is called');
    expect(completions[0]).to.include({ type: 'onboarding', status: 'COMPLETED_WITHOUT_KYC' });
    expect(completions[0]!.token).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(steps[0]).to.equal('signUp');
    expect(steps.at(-1)).to.equal('done');
  });

  it('forwards verifik-error with its stable code', async () => {
    const errors: VerifikErrorEvent['detail'][] = [];
    await render(
      <VerifikEnroll
        project="not-a-project"
        apiUrl={sandbox.url}
        onVerifikError={(event) => errors.push(event.detail)}
      />,
    );
    await waitUntil(() => errors.length > 0, 'onVerifikError is called');
    expect(errors[0]!.code).to.equal('invalid_project');
  });

  it('the bare <verifik-enroll> tag takes its attributes in JSX', async () => {
    const element = await render(
      <verifik-enroll project={DEMO.project} token-endpoint="/api/verifik/registration" theme="dark" persist="none" />,
    );
    expect(element.tokenEndpoint).to.equal('/api/verifik/registration');
    expect(element.theme).to.equal('dark');
    // A value the element does not take is a type error for integrators.
    // @ts-expect-error theme is light, dark or auto
    const wrong = <verifik-enroll theme="blue" />;
    expect(wrong.props.theme).to.equal('blue');
  });
});
