import type { StepId } from '../flow/steps.js';
import type { VerifikBasicInfoStep } from './basic-info/basic-info-step.js';
import type { VerifikCodeStep } from './code/code-step.js';
import type { VerifikDocumentStep } from './document/document-step.js';
import type { VerifikDoneStep } from './done/done-step.js';
import type { VerifikFaceMatchStep } from './face-match/face-match-step.js';
import type { VerifikIdentifyStep } from './identify/identify-step.js';
import type { VerifikLivenessStep } from './liveness/liveness-step.js';
import type { VerifikSignatureStep } from './signature/signature-step.js';
import type { VerifikSignUpStep } from './sign-up/sign-up-step.js';
import type { StepLoader } from './step-descriptor.js';

/**
 * How to load the element side of every step id of `flow/steps.ts`: a step id without one (or a
 * loader for an id the flow does not know) is a compile error. Each loader is a dynamic `import()`
 * of the step's module, so every step is a chunk of its own, fetched when the step before it opens
 * (`load-step.ts`): a new step added here is lazy with nothing more to do.
 */
export const STEP_LOADERS = {
  signUp: () => import('./sign-up/sign-up-step.js').then((module) => module.signUpStep),
  emailCode: () => import('./code/code-step.js').then((module) => module.emailCodeStep),
  phoneCode: () => import('./code/code-step.js').then((module) => module.phoneCodeStep),
  basicInformation: () => import('./basic-info/basic-info-step.js').then((module) => module.basicInformationStep),
  document: () => import('./document/document-step.js').then((module) => module.documentStep),
  liveness: () => import('./liveness/liveness-step.js').then((module) => module.livenessStep),
  faceMatch: () => import('./face-match/face-match-step.js').then((module) => module.faceMatchStep),
  form: () => import('./signature/signature-step.js').then((module) => module.signatureStep),
  identify: () => import('./identify/identify-step.js').then((module) => module.identifyStep),
  loginCode: () => import('./code/code-step.js').then((module) => module.loginCodeStep),
  // The face login is the selfie step: the same guidance, challenge, attempts and refusals.
  loginFace: () => import('./liveness/liveness-step.js').then((module) => module.livenessStep),
  done: () => import('./done/done-step.js').then((module) => module.doneStep),
} as const satisfies Record<StepId, StepLoader>;

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
