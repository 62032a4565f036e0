/**
 * The script-tag and side-effect entry: defines `<verifik-enroll>` (once, even if the script is
 * loaded twice) and re-exports the public API. Each step's element is defined when its chunk
 * loads (`steps/load-step.ts`), the cross-device screen with its first use
 * (`handoff/load-handoff-screen.ts`), and the cross-device controller only when a flow may hand a
 * step to a phone (`handoff/load-handoff-controller.ts`), so this entry carries only the first
 * screen's code.
 */
import { VerifikEnroll } from './enroll/verifik-enroll.js';

export * from './index.js';

// On a server without a custom-element registry (SSR, edge runtimes) there is nothing to define.
if (typeof customElements !== 'undefined' && !customElements.get('verifik-enroll')) {
  customElements.define('verifik-enroll', VerifikEnroll);
}
