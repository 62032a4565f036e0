import type { NormalizedFlow } from './flow.types.js';
import { type PlannedStep, planSteps, STEP_IDS, type StepId } from './steps.js';

/**
 * The step machine: a pure reducer over a serialisable state, so the whole flow logic is testable
 * without a DOM and a reload can resume where the person was.
 */

export { planSteps, STEP_IDS, type PlannedStep, type StepId } from './steps.js';

export type StepOutcome = 'passed' | 'skipped' | 'failed';

export interface MachineState {
  flowId: string;
  steps: PlannedStep[];
  /** Index of the current step in `steps`. */
  index: number;
  outcomes: Partial<Record<StepId, StepOutcome>>;
  attempts: Partial<Record<StepId, number>>;
  /** `failed` when a mandatory step used every attempt; `completed` at the done step. */
  status: 'running' | 'completed' | 'failed';
}

export type MachineEvent =
  /** The current step succeeded. */
  | { type: 'COMPLETE' }
  /** The person skipped the current (optional) step. */
  | { type: 'SKIP' }
  /** One attempt at the current step failed; `final`: no further attempt can succeed. */
  | { type: 'FAIL'; final?: boolean }
  /** Back to the previous step, where that makes sense (see {@link canGoBack}). */
  | { type: 'BACK' };

export function initialState(flow: NormalizedFlow): MachineState {
  return { flowId: flow.id, steps: planSteps(flow), index: 0, outcomes: {}, attempts: {}, status: 'running' };
}

/** The step the person is on. */
export const currentStep = (state: MachineState): PlannedStep => state.steps[state.index]!;

/**
 * Where the person is, as the progress line and `verifik-step-change` both say it. The done screen
 * is not a step: `total` counts the steps the person goes through, and on the done screen `index`
 * equals `total` (every step is behind).
 */
export function progress(state: MachineState): { index: number; total: number } {
  const total = state.steps.filter((step) => step.id !== 'done').length;
  return { index: Math.min(state.index + 1, total), total };
}

/** Whether the current step offers a visible Skip. */
export const canSkip = (state: MachineState): boolean =>
  state.status === 'running' && currentStep(state).requirement === 'optional';

/** Whether Cancel is offered: while the flow runs, after its first step (before it there is nothing to cancel). */
export const canCancel = (state: MachineState): boolean => state.status === 'running' && state.index > 0;

/**
 * Whether Back makes sense: only from the code steps to the first step (the sign-up, or the login's
 * identify step), to fix a mistyped email or phone. Nothing already sent for verification is undone.
 */
export function canGoBack(state: MachineState): boolean {
  if (state.status !== 'running' || state.index === 0) return false;
  const { id } = currentStep(state);
  return id === 'emailCode' || id === 'phoneCode' || id === 'loginCode';
}

/** Moves on from the current step with `outcome`; at the done step the flow completes. */
function advance(state: MachineState, outcome: StepOutcome): MachineState {
  const { id } = currentStep(state);
  const index = Math.min(state.index + 1, state.steps.length - 1);
  const next = { ...state, index, outcomes: { ...state.outcomes, [id]: outcome } };
  if (currentStep(next).id === 'faceMatch' && !faceMatchPossible(next)) return advance(next, 'skipped');
  return currentStep(next).id === 'done' ? { ...next, status: 'completed' } : next;
}

/** The face match compares the document with the selfie: it runs only when both passed. */
const faceMatchPossible = (state: MachineState): boolean =>
  state.outcomes.document === 'passed' && state.outcomes.liveness === 'passed';

/** The next state. Events that make no sense in the current state leave it unchanged. */
export function transition(state: MachineState, event: MachineEvent): MachineState {
  if (state.status !== 'running') return state;
  const step = currentStep(state);
  switch (event.type) {
    case 'COMPLETE':
      return advance(state, 'passed');
    case 'SKIP':
      return canSkip(state) ? advance(state, 'skipped') : state;
    case 'FAIL': {
      const attempts = event.final ? step.maxAttempts : (state.attempts[step.id] ?? 0) + 1;
      const counted = { ...state, attempts: { ...state.attempts, [step.id]: attempts } };
      if (attempts < step.maxAttempts) return counted;
      if (step.requirement === 'optional') return advance(counted, 'failed');
      return { ...counted, outcomes: { ...counted.outcomes, [step.id]: 'failed' }, status: 'failed' };
    }
    case 'BACK':
      // The contact was typed on the first step.
      return canGoBack(state) ? { ...state, index: 0 } : state;
  }
}

/** Attempts left at the current step. */
export const attemptsLeft = (state: MachineState): number =>
  currentStep(state).maxAttempts - (state.attempts[currentStep(state).id] ?? 0);

/**
 * A state read back from storage, if it is one this flow could have produced; undefined
 * otherwise (another flow, an older plan, tampered data).
 */
export function restoreState(value: unknown, flow: NormalizedFlow): MachineState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = value as MachineState;
  const plan = planSteps(flow);
  const samePlan = Array.isArray(state.steps) && JSON.stringify(state.steps) === JSON.stringify(plan);
  const validIndex = Number.isInteger(state.index) && state.index >= 0 && state.index < plan.length;
  const validStatus = ['running', 'completed', 'failed'].includes(state.status);
  if (state.flowId !== flow.id || !samePlan || !validIndex || !validStatus) return undefined;
  const pick = <T>(record: unknown, valid: (value: unknown) => value is T) =>
    Object.fromEntries(
      Object.entries(typeof record === 'object' && record !== null ? record : {}).filter(
        ([key, entry]) => (STEP_IDS as readonly string[]).includes(key) && valid(entry),
      ),
    );
  return {
    flowId: flow.id,
    steps: plan,
    index: state.index,
    status: state.status,
    outcomes: pick(state.outcomes, (entry): entry is StepOutcome =>
      ['passed', 'skipped', 'failed'].includes(entry as string),
    ),
    attempts: pick(state.attempts, (entry): entry is number => Number.isInteger(entry) && (entry as number) >= 0),
  };
}
