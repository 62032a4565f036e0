import type { StepId } from '../flow/steps.js';
import { basicInformationStep, type VerifikBasicInfoStep } from './basic-info/basic-info-step.js';
import { emailCodeStep, loginCodeStep, phoneCodeStep, type VerifikCodeStep } from './code/code-step.js';
import { documentStep, type VerifikDocumentStep } from './document/document-step.js';
import { doneStep, type VerifikDoneStep } from './done/done-step.js';
import { faceMatchStep, type VerifikFaceMatchStep } from './face-match/face-match-step.js';
import { identifyStep, type VerifikIdentifyStep } from './identify/identify-step.js';
import { livenessStep, type VerifikLivenessStep } from './liveness/liveness-step.js';
import { signatureStep, type VerifikSignatureStep } from './signature/signature-step.js';
import { signUpStep, type VerifikSignUpStep } from './sign-up/sign-up-step.js';
import type { StepElementDescriptor } from './step-descriptor.js';

/**
 * The element of every step id of `flow/steps.ts`: a step id without one (or an element for an
 * id the flow does not know) is a compile error. The root renders and prefetches from it, and
 * the side-effect entry defines its tags.
 */
export const STEP_ELEMENTS = {
  signUp: signUpStep,
  emailCode: emailCodeStep,
  phoneCode: phoneCodeStep,
  basicInformation: basicInformationStep,
  document: documentStep,
  liveness: livenessStep,
  faceMatch: faceMatchStep,
  form: signatureStep,
  identify: identifyStep,
  loginCode: loginCodeStep,
  // The face login is the selfie step: the same guidance, challenge, attempts and refusals.
  loginFace: livenessStep,
  done: doneStep,
} as const satisfies Record<StepId, StepElementDescriptor>;

// Each descriptor's tag must be here, mapped to its class (`defineStep` checks it).
declare global {
  interface HTMLElementTagNameMap {
    'verifik-sign-up-step': VerifikSignUpStep;
    'verifik-code-step': VerifikCodeStep;
    'verifik-basic-info-step': VerifikBasicInfoStep;
    'verifik-document-step': VerifikDocumentStep;
    'verifik-liveness-step': VerifikLivenessStep;
    'verifik-face-match-step': VerifikFaceMatchStep;
    'verifik-signature-step': VerifikSignatureStep;
    'verifik-done-step': VerifikDoneStep;
    'verifik-identify-step': VerifikIdentifyStep;
  }
}
