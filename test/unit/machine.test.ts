import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NormalizedFlow } from '../../src/flow/flow.types.js';
import {
  attemptsLeft,
  canCancel,
  canGoBack,
  canSkip,
  currentStep,
  initialState,
  type MachineEvent,
  type MachineState,
  planSteps,
  progress,
  restoreState,
  transition,
} from '../../src/flow/machine.js';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';

/** A v2 flow with `steps` and `signUpForm` settings. */
function flow(
  steps: Record<string, string>,
  signUpForm: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): NormalizedFlow {
  return normalizeFlow({
    _id: 'flow-1',
    project: 'project-1',
    type: 'onboarding',
    onboardingSettings: {
      steps,
      signUpForm: { email: true, emailGateway: 'mailgun', phone: false, ...signUpForm },
      document: { maxAttempts: 3 },
      liveness: { maxAttempts: 3 },
      ...extra,
    },
  });
}

const run = (state: MachineState, ...events: MachineEvent['type'][]) =>
  events.reduce((current, type) => transition(current, { type }), state);

describe('planSteps', () => {
  test('Basic Enrollment: sign-up, email code, optional document and liveness, face match, done', () => {
    const plan = planSteps(
      flow({
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'optional',
        liveness: 'optional',
        form: 'skip',
      }),
    );
    assert.deepEqual(
      plan.map((step) => `${step.id}:${step.requirement}`),
      [
        'signUp:mandatory',
        'emailCode:mandatory',
        'document:optional',
        'liveness:optional',
        'faceMatch:optional',
        'done:mandatory',
      ],
    );
  });

  test('codes follow the gateways; skipped steps are left out; a signature adds the form', () => {
    const plan = planSteps(
      flow(
        { basicInformation: 'mandatory', document: 'skip', liveness: 'mandatory', form: 'skip' },
        { email: true, emailGateway: 'none', phone: true, phoneGateway: 'sms' },
        { requiresSignature: true },
      ),
    );
    assert.deepEqual(
      plan.map((step) => step.id),
      ['signUp', 'phoneCode', 'basicInformation', 'liveness', 'form', 'done'],
    );
  });

  test('document and liveness carry the flow’s attempt limits', () => {
    const plan = planSteps(flow({ document: 'mandatory', liveness: 'mandatory' }));
    assert.equal(plan.find((step) => step.id === 'document')!.maxAttempts, 3);
    assert.equal(plan.find((step) => step.id === 'faceMatch')!.requirement, 'mandatory');
  });
});

describe('progress', () => {
  test('counts the steps the person goes through, not the done screen; done reads n of n', () => {
    const basic = flow({ document: 'optional', liveness: 'optional' });
    const start = initialState(basic);
    assert.equal(start.steps.length, 6, 'the plan holds five steps and done');
    assert.deepEqual(progress(start), { index: 1, total: 5 });
    assert.deepEqual(progress(run(start, 'COMPLETE')), { index: 2, total: 5 });
    const done = run(start, 'COMPLETE', 'COMPLETE', 'SKIP', 'SKIP', 'SKIP');
    assert.equal(currentStep(done).id, 'done');
    assert.deepEqual(progress(done), { index: 5, total: 5 });
  });
});

describe('transition', () => {
  const basic = flow({ document: 'optional', liveness: 'optional' });

  test('walks the plan to done and completes', () => {
    const state = run(initialState(basic), 'COMPLETE', 'COMPLETE', 'SKIP', 'SKIP', 'SKIP');
    assert.equal(currentStep(state).id, 'done');
    assert.equal(state.status, 'completed');
    assert.deepEqual(state.outcomes, {
      signUp: 'passed',
      emailCode: 'passed',
      document: 'skipped',
      liveness: 'skipped',
      faceMatch: 'skipped',
    });
    assert.equal(run(state, 'COMPLETE'), state, 'a finished flow ignores events');
  });

  test('the face match runs only when the document and the selfie both passed', () => {
    const atDocument = run(initialState(basic), 'COMPLETE', 'COMPLETE');
    const bothPassed = run(atDocument, 'COMPLETE', 'COMPLETE');
    assert.equal(currentStep(bothPassed).id, 'faceMatch');
    const documentSkipped = run(atDocument, 'SKIP', 'COMPLETE');
    assert.equal(currentStep(documentSkipped).id, 'done');
    assert.equal(documentSkipped.outcomes.faceMatch, 'skipped');
    const selfieFailed = run(atDocument, 'COMPLETE', 'FAIL', 'FAIL', 'FAIL');
    assert.equal(currentStep(selfieFailed).id, 'done');
    assert.equal(selfieFailed.outcomes.faceMatch, 'skipped');
  });

  test('a final failure uses every attempt at once', () => {
    const full = flow({ document: 'mandatory', liveness: 'mandatory' });
    const failed = transition(run(initialState(full), 'COMPLETE', 'COMPLETE'), { type: 'FAIL', final: true });
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts.document, 3);
  });

  test('only optional steps can be skipped', () => {
    const start = initialState(basic);
    assert.equal(canSkip(start), false);
    assert.equal(transition(start, { type: 'SKIP' }), start);
    assert.equal(canSkip(run(start, 'COMPLETE', 'COMPLETE')), true);
  });

  test('failed attempts: an optional step moves on after the last, a mandatory one fails the flow', () => {
    const optional = run(initialState(basic), 'COMPLETE', 'COMPLETE', 'FAIL', 'FAIL');
    assert.equal(currentStep(optional).id, 'document');
    assert.equal(attemptsLeft(optional), 1);
    const moved = run(optional, 'FAIL');
    assert.equal(currentStep(moved).id, 'liveness');
    assert.equal(moved.outcomes.document, 'failed');

    const full = flow({ document: 'mandatory', liveness: 'mandatory' });
    const failed = run(initialState(full), 'COMPLETE', 'COMPLETE', 'FAIL', 'FAIL', 'FAIL');
    assert.equal(failed.status, 'failed');
    assert.equal(currentStep(failed).id, 'document');
  });

  test('back from a code step returns to the sign-up, nowhere else', () => {
    const atCode = run(initialState(basic), 'COMPLETE');
    assert.equal(canGoBack(atCode), true);
    assert.equal(currentStep(run(atCode, 'BACK')).id, 'signUp');
    const atDocument = run(atCode, 'COMPLETE');
    assert.equal(canGoBack(atDocument), false);
    assert.equal(run(atDocument, 'BACK'), atDocument);
  });

  test('cancel is offered after the sign-up while the flow runs, not before it nor once it ended', () => {
    const start = initialState(basic);
    assert.equal(canCancel(start), false);
    const atCode = run(start, 'COMPLETE');
    assert.equal(canCancel(atCode), true);
    assert.equal(canCancel(run(atCode, 'COMPLETE', 'SKIP', 'SKIP')), false, 'at done the flow has completed');
  });

  test('the state survives JSON and is restored only for the same flow and plan', () => {
    const state = run(initialState(basic), 'COMPLETE', 'COMPLETE', 'FAIL');
    const restored = restoreState(JSON.parse(JSON.stringify(state)), basic);
    assert.deepEqual(restored, state);
    assert.equal(restoreState(state, flow({ document: 'mandatory', liveness: 'optional' })), undefined, 'another plan');
    assert.equal(restoreState({ ...state, index: 99 }, basic), undefined);
    assert.equal(restoreState({ ...state, status: 'hacked' }, basic), undefined);
    assert.equal(restoreState('nope', basic), undefined);
    const cleaned = restoreState(
      { ...state, outcomes: { signUp: 'passed', evil: 'x', emailCode: 42 }, attempts: { document: -1 } },
      basic,
    )!;
    assert.deepEqual([cleaned.outcomes, cleaned.attempts], [{ signUp: 'passed' }, {}]);
  });
});
