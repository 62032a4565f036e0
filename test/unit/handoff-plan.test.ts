import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';
import { currentStep, transition } from '../../src/flow/machine.js';
import { handoffToken } from '../../src/handoff/cross-device.js';
import {
  handoffLink,
  nextPollDelay,
  phonePartOver,
  phoneState,
  POLL_FIRST_MS,
  POLL_MAX_MS,
  renewIn,
  RENEW_BEFORE_MS,
} from '../../src/handoff/handoff-plan.js';

const flow = normalizeFlow({
  _id: 'f1',
  project: '65a1d3e0c0ffee0000000001',
  name: 'Full',
  onboardingSettings: {
    steps: {
      signUpForm: 'mandatory',
      basicInformation: 'skip',
      document: 'mandatory',
      liveness: 'mandatory',
      form: 'skip',
    },
    signUpForm: { email: true, emailGateway: 'mailgun', phone: false, phoneGateway: 'none' },
    document: { maxAttempts: 3 },
    liveness: { maxAttempts: 3, livenessMinScore: 0.6, searchMinScore: 0.85, searchMode: 'FAST' },
  },
});

describe('handoff plan', () => {
  test('the link keeps the page’s own parameters, adds the token and drops the fragment', () => {
    const link = handoffLink('https://bank.example/verify?lang=es#top', 'abc.def');
    assert.equal(link, 'https://bank.example/verify?lang=es&verifik-handoff=abc.def');
    assert.equal(handoffToken(link), 'abc.def');
    assert.equal(handoffToken('https://bank.example/verify?lang=es'), undefined);
    assert.equal(handoffToken('https://bank.example/verify?verifik-handoff='), undefined);
  });

  test('the phone starts at the first camera step the computer has not passed, and its part ends after the camera steps', () => {
    const fresh = phoneState(flow, { document: 'pending', liveness: 'pending' });
    assert.equal(currentStep(fresh).id, 'document');
    assert.deepEqual(fresh.outcomes, { signUp: 'passed', emailCode: 'passed' });
    assert.equal(phonePartOver(fresh), false);

    const selfieLeft = phoneState(flow, { document: 'passed', liveness: 'pending' });
    assert.equal(currentStep(selfieLeft).id, 'liveness');
    const afterSelfie = transition(selfieLeft, { type: 'COMPLETE' });
    assert.equal(currentStep(afterSelfie).id, 'faceMatch', 'the face match stays for the computer');
    assert.equal(phonePartOver(afterSelfie), true);

    const nothingLeft = phoneState(flow, { document: 'passed', liveness: 'passed' });
    assert.equal(phonePartOver(nothingLeft), true);
  });

  test('polling backs off while nothing changes, up to a bound, and starts again after a change', () => {
    let delay = nextPollDelay(undefined, false);
    assert.equal(delay, POLL_FIRST_MS);
    const seen = [delay];
    for (let index = 0; index < 10; index++) seen.push((delay = nextPollDelay(delay, false)));
    assert.ok(
      seen.every((value, index) => index === 0 || value >= seen[index - 1]!),
      'never shorter',
    );
    assert.equal(seen.at(-1), POLL_MAX_MS);
    assert.equal(nextPollDelay(POLL_MAX_MS, true), POLL_FIRST_MS);
  });

  test('a code is renewed a minute before it expires, at once when that moment has passed', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    assert.equal(renewIn('2026-12-01T10:10:00Z', now), 10 * 60_000 - RENEW_BEFORE_MS);
    assert.equal(renewIn('2026-12-01T10:00:30Z', now), 0);
  });
});
