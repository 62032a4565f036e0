import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { VerifikEnroll } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import '../../src/verifik-enroll.js';
import { documentFlow } from '../helpers/browser/document.js';
import {
  pageUrl,
  phoneOpen,
  onPhone,
  phoneStep,
  phoneScreen,
  screen,
  screenText,
  decodeQr,
  resumeAt,
} from '../helpers/browser/handoff.js';
import { sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * Either device cancels a handoff and the other one learns it; an expired code is replaced.
 */
describe('continue on your phone: cancel', function () {
  // Two browsers, face models on the phone and the sandbox's face engine share 2 busy cores.
  this.timeout(240_000);

  it('either side cancels, and the other side learns it', async () => {
    const flow = await documentFlow();
    const api = await resumeAt(flow, 'document');
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll
        project=${flow.project}
        flow=${flow._id}
        api-url=${sandbox.url}
        cross-device="force"
        handoff-url=${pageUrl(flow.project, flow._id)}
        lang="en"
      ></verifik-enroll>`,
    );
    await waitUntil(() => screen(element)?.shadowRoot?.querySelector('svg.qr'), 'the QR code, forced');
    expect(screenText(element)).to.not.include(en.handoff.useThisDevice, 'force offers no way back');

    // A code past its time is replaced by a new one, with no one asking.
    const link = () => screen(element)?.shadowRoot?.querySelector('input')?.value;
    const expiring = link();
    expect(
      await executeServerCommand('handoff-age', { dataDir: sandbox.dataDir, appRegistration: api.appRegistrationId }),
    ).to.equal(1);
    await waitUntil(() => link() && link() !== expiring, 'a new code replaces the expired one');

    // The phone cancels: the computer says so and offers a new code.
    const phone = await phoneOpen(await decodeQr(element));
    await phoneStep(phone, 'document');
    await onPhone(phone, 'click', { name: en.actions.cancel });
    await onPhone(phone, 'click', { name: en.cancelConfirm.confirm });
    expect(await phoneScreen(phone, en.handoff.phoneCancelledTitle)).to.include(en.handoff.phoneCancelledHere);
    await waitUntil(() => screenText(element).includes(en.handoff.cancelledOnPhone), 'the computer learns it');
    await expect(element).shadowDom.to.be.accessible();

    // A new code; then the computer cancels, and the phone learns it.
    const newCode = [...screen(element)!.shadowRoot!.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === en.handoff.newCode,
    )!;
    newCode.click();
    await waitUntil(() => screen(element)?.shadowRoot?.querySelector('svg.qr'), 'a new QR code');
    const again = await phoneOpen(await decodeQr(element));
    await phoneStep(again, 'document');
    const cancelled = oneEvent(element, 'verifik-cancel');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!.click();
    const dialog = element.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part="confirm"]')!;
    dialog.querySelector<HTMLButtonElement>('button[value="yes"]')!.click();
    await cancelled;
    expect(await phoneScreen(again, en.handoff.phoneCancelledTitle)).to.include(en.handoff.phoneCancelledThere);
  });
});
