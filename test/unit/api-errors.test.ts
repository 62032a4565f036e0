import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseApiError, VerifikApiError } from '../../src/api/errors.js';

describe('parseApiError', () => {
  test('reads the restify style', () => {
    const error = parseApiError(409, { code: 'MissingParameter', message: 'missing project\n. missing email' });
    assert.deepEqual(
      [error.status, error.code, error.message],
      [409, 'MissingParameter', 'missing project\n. missing email'],
    );
  });

  test('reads the status-prefixed style, with and without a value after @', () => {
    const otp = parseApiError(403, { code: 'otp_does_not_match', message: '403:otp_does_not_match' });
    assert.equal(otp.code, 'otp_does_not_match');
    assert.equal(otp.detail, undefined);
    const liveness = parseApiError(409, { code: 'Conflict', message: '409:liveness_failed@0.45' });
    assert.equal(liveness.code, 'liveness_failed');
    assert.equal(liveness.detail, '0.45');
  });

  test('reads a message that is itself a code (seed 001)', () => {
    const error = parseApiError(400, { error: 'Invalid project ID', message: 'INVALID_PROJECT_ID' });
    assert.deepEqual([error.code, error.message], ['INVALID_PROJECT_ID', 'Invalid project ID']);
  });

  test('the sandbox style keeps its code', () => {
    const error = parseApiError(400, {
      code: 'OUT_OF_RANGE',
      message: 'liveness.minScore must be between 0.52 and 0.9',
    });
    assert.equal(error.code, 'OUT_OF_RANGE');
  });

  for (const body of [undefined, null, 'Bad Gateway', 42, [], { code: 7, message: {} }]) {
    test(`a body like ${JSON.stringify(body)} still gives a code`, () => {
      const error = parseApiError(502, body);
      assert.equal(error.code, 'http_502');
      assert.equal(error.retryable, true);
    });
  }

  test('retryable: no response, 408, 429 and 5xx only', () => {
    const retryable = [0, 408, 429, 500, 503].map((status) => new VerifikApiError(status, 'x', 'x').retryable);
    assert.deepEqual(retryable, [true, true, true, true, true]);
    const final = [400, 401, 403, 404, 409, 412, 422].map((status) => new VerifikApiError(status, 'x', 'x').retryable);
    assert.ok(final.every((value) => !value));
  });
});
