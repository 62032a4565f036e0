import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KycProject } from '../../src/api/types.js';
import { EnrollError } from '../../src/errors/enroll-error.js';
import { selectFlow } from '../../src/enroll/select-flow.js';

const project: KycProject = {
  _id: 'p',
  projectFlows: [
    { _id: 'paused', type: 'onboarding', status: 'paused' },
    { _id: 'login', type: 'login', status: 'active' },
    { _id: 'first', type: 'onboarding', status: 'active' },
    { _id: 'second', type: 'onboarding', status: 'active' },
  ],
};

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'no error';
  } catch (error) {
    assert.ok(error instanceof EnrollError);
    return error.code;
  }
};

describe('selectFlow', () => {
  test('picks the first active onboarding flow by default', () => {
    assert.equal(selectFlow(project, undefined)._id, 'first');
  });
  test('picks the named flow', () => {
    assert.equal(selectFlow(project, 'second')._id, 'second');
  });
  test('never picks a paused or login flow, even by name', () => {
    assert.equal(
      codeOf(() => selectFlow(project, 'paused')),
      'flow_not_found',
    );
    assert.equal(
      codeOf(() => selectFlow(project, 'login')),
      'flow_not_found',
    );
  });
  test('no usable flow, or no list at all, is no_active_flow', () => {
    assert.equal(
      codeOf(() => selectFlow({ _id: 'p', projectFlows: [] }, undefined)),
      'no_active_flow',
    );
    assert.equal(
      codeOf(() => selectFlow({ _id: 'p', projectFlows: 'nope' as never }, undefined)),
      'no_active_flow',
    );
    assert.equal(
      codeOf(() => selectFlow({ _id: 'p', projectFlows: [null as never, { name: 'no id' } as never] }, undefined)),
      'no_active_flow',
    );
  });
});
