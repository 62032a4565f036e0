import type { StepId } from '../flow/steps.js';
import { basicInformationStep } from './basic-info/basic-info-step.js';
import { emailCodeStep, phoneCodeStep } from './code/code-step.js';
import { documentStep } from './document/document-step.js';
import { doneStep } from './done/done-step.js';
import { faceMatchStep } from './face-match/face-match-step.js';
import { livenessStep } from './liveness/liveness-step.js';
import { signatureStep } from './signature/signature-step.js';
import { signUpStep } from './sign-up/sign-up-step.js';
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
  done: doneStep,
} as const satisfies Record<StepId, StepElementDescriptor>;
