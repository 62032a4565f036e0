/**
 * The script-tag and side-effect entry: defines `<verifik-enroll>` (once, even if the script is
 * loaded twice) and re-exports the public API.
 */
import { VerifikEnroll } from './enroll/verifik-enroll.js';
import { VerifikBasicInfoStep } from './steps/basic-info/basic-info-step.js';
import { VerifikCodeStep } from './steps/code/code-step.js';
import { VerifikDocumentStep } from './steps/document/document-step.js';
import { VerifikDoneStep } from './steps/done/done-step.js';
import { VerifikFaceMatchStep } from './steps/face-match/face-match-step.js';
import { VerifikLivenessStep } from './steps/liveness/liveness-step.js';
import { VerifikSignUpStep } from './steps/sign-up/sign-up-step.js';
import { VerifikSignatureStep } from './steps/signature/signature-step.js';
import { VerifikOtpInput } from './ui/otp-input.js';

export * from './index.js';

const TAGS = {
  'verifik-enroll': VerifikEnroll,
  'verifik-otp-input': VerifikOtpInput,
  'verifik-sign-up-step': VerifikSignUpStep,
  'verifik-code-step': VerifikCodeStep,
  'verifik-basic-info-step': VerifikBasicInfoStep,
  'verifik-signature-step': VerifikSignatureStep,
  'verifik-document-step': VerifikDocumentStep,
  'verifik-liveness-step': VerifikLivenessStep,
  'verifik-face-match-step': VerifikFaceMatchStep,
  'verifik-done-step': VerifikDoneStep,
};

// On a server without a custom-element registry (SSR, edge runtimes) there is nothing to define.
if (typeof customElements !== 'undefined') {
  for (const [tag, element] of Object.entries(TAGS)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verifik-enroll': VerifikEnroll;
    'verifik-otp-input': VerifikOtpInput;
    'verifik-sign-up-step': VerifikSignUpStep;
    'verifik-code-step': VerifikCodeStep;
    'verifik-basic-info-step': VerifikBasicInfoStep;
    'verifik-signature-step': VerifikSignatureStep;
    'verifik-document-step': VerifikDocumentStep;
    'verifik-liveness-step': VerifikLivenessStep;
    'verifik-face-match-step': VerifikFaceMatchStep;
    'verifik-done-step': VerifikDoneStep;
  }
}
