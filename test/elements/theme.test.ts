import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import type { VerifikEnroll } from '../../src/index.js';
import '../../src/verifik-enroll.js';
import { DEMO, sandbox } from '../helpers/browser/sandbox.js';

/**
 * The `theme` attribute: `light` and `dark` win over the page's `prefers-color-scheme`, down to
 * the inputs of the step inside the widget; `auto` follows it; `--verifik-color-*` still wins.
 */

const LIGHT_SURFACE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(22, 26, 35)';

async function mount(theme: string | undefined, style = ''): Promise<VerifikEnroll> {
  const element = await fixture<VerifikEnroll>(
    html`<verifik-enroll
      style=${style}
      theme=${theme ?? 'auto'}
      project=${DEMO.project}
      flow=${DEMO.basicFlow}
      api-url=${sandbox.url}
      persist="none"
    ></verifik-enroll>`,
  );
  await waitUntil(() => email(element), 'the sign-up form');
  return element;
}

const email = (element: VerifikEnroll) =>
  element
    .shadowRoot!.querySelector('verifik-sign-up-step')
    ?.shadowRoot?.querySelector<HTMLInputElement>('#field-email');

/** Background colours of the widget's card and of an input inside its step. */
const surfaces = (element: VerifikEnroll) => ({
  panel: getComputedStyle(element.shadowRoot!.querySelector('[part~="panel"]')!).backgroundColor,
  input: getComputedStyle(email(element)!).backgroundColor,
});

describe('<verifik-enroll theme>', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('auto follows prefers-color-scheme', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const element = await mount(undefined);
    expect(element.getAttribute('theme')).to.equal('auto');
    expect(surfaces(element)).to.deep.equal({ panel: LIGHT_SURFACE, input: LIGHT_SURFACE });
    await emulateMedia({ colorScheme: 'dark' });
    expect(surfaces(element)).to.deep.equal({ panel: DARK_SURFACE, input: DARK_SURFACE });
  });

  it('dark wins over a light preference, inside the steps too, and is accessible', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const element = await mount('dark');
    expect(surfaces(element)).to.deep.equal({ panel: DARK_SURFACE, input: DARK_SURFACE });
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('light wins over a dark preference; switching the attribute switches at once', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const element = await mount('light');
    expect(surfaces(element)).to.deep.equal({ panel: LIGHT_SURFACE, input: LIGHT_SURFACE });
    element.theme = 'dark';
    await element.updateComplete;
    expect(element.getAttribute('theme')).to.equal('dark');
    expect(surfaces(element)).to.deep.equal({ panel: DARK_SURFACE, input: DARK_SURFACE });
  });

  it('--verifik-color-surface wins over a forced theme', async () => {
    const element = await mount('dark', '--verifik-color-surface: rgb(1, 2, 3)');
    expect(surfaces(element)).to.deep.equal({ panel: 'rgb(1, 2, 3)', input: 'rgb(1, 2, 3)' });
  });
});
