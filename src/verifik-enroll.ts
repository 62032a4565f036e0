/**
 * The script-tag and side-effect entry: defines `<verifik-enroll>` and every step element of the
 * step registry (once, even if the script is loaded twice) and re-exports the public API.
 */
import { VerifikEnroll } from './enroll/verifik-enroll.js';
import { VerifikHandoffScreen } from './handoff/handoff-screen.js';
import { STEP_ELEMENTS } from './steps/registry.js';
import { VerifikOtpInput } from './ui/otp-input.js';

export * from './index.js';

const TAGS: [string, CustomElementConstructor][] = [
  ['verifik-enroll', VerifikEnroll],
  ['verifik-otp-input', VerifikOtpInput],
  ['verifik-handoff-screen', VerifikHandoffScreen],
  ...Object.values(STEP_ELEMENTS).map(({ tag, element }): [string, CustomElementConstructor] => [tag, element]),
];

// On a server without a custom-element registry (SSR, edge runtimes) there is nothing to define.
if (typeof customElements !== 'undefined') {
  for (const [tag, element] of TAGS) {
    // Two step ids may share one element (the email and phone codes).
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
