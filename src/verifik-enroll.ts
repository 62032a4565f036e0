/**
 * The script-tag and side-effect entry: defines `<verifik-enroll>` (once, even if the script is
 * loaded twice) and re-exports the public API.
 */
import { VerifikEnroll } from './enroll/verifik-enroll.js';

export * from './index.js';

if (!customElements.get('verifik-enroll')) customElements.define('verifik-enroll', VerifikEnroll);

declare global {
  interface HTMLElementTagNameMap {
    'verifik-enroll': VerifikEnroll;
  }
}
