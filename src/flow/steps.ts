import type { NormalizedFlow, Requirement } from './flow.types.js';

/**
 * What the flow logic knows of each step, declared once: whether a flow asks for it, how many
 * tries it allows, and whether passing it counts as KYC. The plan, the machine, the completion
 * status and the sandbox's completion rules all read this table. It is pure data (no DOM), so the
 * sandbox can import it; the element side (tags, rendering) lives beside each step element.
 */
export interface StepDefinition {
  /** What `flow` requires of the step; `skip` leaves it out of the plan. */
  requirement(flow: NormalizedFlow): Requirement;
  /** Tries allowed before the step counts as failed. */
  maxAttempts(flow: NormalizedFlow): number;
  /** Passing it means the person did KYC (otherwise the registration ends "without KYC"). */
  kyc: boolean;
}

const once = () => 1;

/** Every step the widget can run, in the order they run. */
export const STEPS = {
  signUp: { requirement: ({ kind }) => (kind === 'onboarding' ? 'mandatory' : 'skip'), maxAttempts: once, kyc: false },
  emailCode: {
    requirement: ({ signUpForm }) => (signUpForm.email && signUpForm.emailGateway !== 'none' ? 'mandatory' : 'skip'),
    maxAttempts: once,
    kyc: false,
  },
  phoneCode: {
    requirement: ({ signUpForm }) => (signUpForm.phone && signUpForm.phoneGateway !== 'none' ? 'mandatory' : 'skip'),
    maxAttempts: once,
    kyc: false,
  },
  basicInformation: { requirement: ({ steps }) => steps.basicInformation, maxAttempts: once, kyc: true },
  document: { requirement: ({ steps }) => steps.document, maxAttempts: (flow) => flow.document.maxAttempts, kyc: true },
  liveness: { requirement: ({ steps }) => steps.liveness, maxAttempts: (flow) => flow.liveness.maxAttempts, kyc: true },
  faceMatch: {
    // The face match follows the two captures; it is only as required as they are.
    requirement: ({ steps }) =>
      steps.document === 'skip' || steps.liveness === 'skip'
        ? 'skip'
        : steps.document === 'mandatory' || steps.liveness === 'mandatory'
          ? 'mandatory'
          : 'optional',
    maxAttempts: once,
    kyc: true,
  },
  form: {
    requirement: (flow) => (flow.requiresSignature && flow.steps.form === 'skip' ? 'mandatory' : flow.steps.form),
    maxAttempts: once,
    kyc: true,
  },
  // Login flows (Smart Access): the registered email or phone, its code, then the face.
  identify: {
    requirement: ({ login }) => (login.email || login.phone ? 'mandatory' : 'skip'),
    maxAttempts: once,
    kyc: false,
  },
  loginCode: {
    requirement: ({ login }) => (login.email || login.phone ? 'mandatory' : 'skip'),
    maxAttempts: once,
    kyc: false,
  },
  loginFace: {
    requirement: ({ login }) => (login.faceLiveness ? 'mandatory' : 'skip'),
    maxAttempts: ({ login }) => login.maxAttempts,
    kyc: false,
  },
  done: { requirement: () => 'mandatory', maxAttempts: once, kyc: false },
} as const satisfies Record<string, StepDefinition>;

export type StepId = keyof typeof STEPS;

/** Every step id, in run order. */
export const STEP_IDS = Object.keys(STEPS) as StepId[];

/** The steps whose passing counts as KYC. */
export type KycStepId = { [Id in StepId]: (typeof STEPS)[Id]['kyc'] extends true ? Id : never }[StepId];

/** {@link KycStepId} as a list. */
export const KYC_STEP_IDS = STEP_IDS.filter((id): id is KycStepId => STEPS[id].kyc);

export interface PlannedStep {
  id: StepId;
  requirement: Exclude<Requirement, 'skip'>;
  /** Tries allowed before the step counts as failed (document and liveness). */
  maxAttempts: number;
}

/** The steps a flow runs, in order, with what each requires. */
export function planSteps(flow: NormalizedFlow): PlannedStep[] {
  return STEP_IDS.flatMap((id) => {
    const requirement = STEPS[id].requirement(flow);
    return requirement === 'skip' ? [] : [{ id, requirement, maxAttempts: STEPS[id].maxAttempts(flow) }];
  });
}
