import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VerifikApiClient } from '../../src/api/client.js';
import type { VerifikApiError } from '../../src/api/errors.js';

/** A fetch that answers from a script, recording each request. (A unit test of the client alone.) */
function scripted(...answers: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({ url: String(input), init });
    const answer = answers.shift() ?? new Error('no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('VerifikApiClient', () => {
  test('sends JSON with the bearer token and answers data', async () => {
    const { fetch, calls } = scripted(json(200, { data: { ok: 1 } }));
    const client = new VerifikApiClient({ baseUrl: 'https://api.example.test/', fetch });
    const data = await client.request('/v2/x', { method: 'POST', body: { a: 1 }, token: 'T', query: { id: 'p q' } });
    assert.deepEqual(data, { ok: 1 });
    assert.equal(calls[0]!.url, 'https://api.example.test/v2/x?id=p+q');
    const headers = calls[0]!.init!.headers as Record<string, string>;
    assert.equal(headers['authorization'], 'Bearer T');
    assert.equal(calls[0]!.init!.body, '{"a":1}');
    assert.equal(calls[0]!.init!.credentials, 'omit');
  });

  test('retries network errors and 5xx with backoff, then succeeds', async () => {
    const { fetch, calls } = scripted(
      new TypeError('offline'),
      json(503, { code: 'x', message: 'y' }),
      json(200, { data: 'ok' }),
    );
    const client = new VerifikApiClient({ baseUrl: 'https://api.example.test', fetch, retryDelayMs: 1 });
    assert.equal(await client.request('/v2/x'), 'ok');
    assert.equal(calls.length, 3);
  });

  test('gives up after the last retry with the last error', async () => {
    const { fetch, calls } = scripted(
      json(500, {}),
      json(502, {}),
      json(500, { code: 'InternalError', message: 'internal_error' }),
    );
    const client = new VerifikApiClient({ baseUrl: 'https://api.example.test', fetch, retryDelayMs: 1 });
    await assert.rejects(
      client.request('/v2/x'),
      (error: VerifikApiError) => error.status === 500 && error.code === 'InternalError',
    );
    assert.equal(calls.length, 3);
  });

  test('never retries a 4xx', async () => {
    const { fetch, calls } = scripted(json(403, { code: 'otp_does_not_match', message: '403:otp_does_not_match@4' }));
    const client = new VerifikApiClient({ baseUrl: 'https://api.example.test', fetch, retryDelayMs: 1 });
    await assert.rejects(
      client.request('/v2/x'),
      (error: VerifikApiError) => error.code === 'otp_does_not_match' && error.detail === '4',
    );
    assert.equal(calls.length, 1);
  });

  test('a network failure is network_error; an answer without data is invalid_response', async () => {
    const offline = new VerifikApiClient({
      baseUrl: 'https://api.example.test',
      fetch: scripted(new TypeError('x')).fetch,
      retries: 0,
    });
    await assert.rejects(
      offline.request('/v2/x'),
      (error: VerifikApiError) => error.status === 0 && error.code === 'network_error',
    );
    const odd = new VerifikApiClient({
      baseUrl: 'https://api.example.test',
      fetch: scripted(json(200, { nope: 1 })).fetch,
    });
    await assert.rejects(odd.request('/v2/x'), (error: VerifikApiError) => error.code === 'invalid_response');
  });

  test('an abort during the backoff stops at once', async () => {
    const controller = new AbortController();
    const { fetch, calls } = scripted(json(503, {}), json(200, { data: 'late' }));
    const client = new VerifikApiClient({ baseUrl: 'https://api.example.test', fetch, retryDelayMs: 10_000 });
    const pending = client.request('/v2/x', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('left the page')), 10);
    await assert.rejects(pending, /left the page/);
    assert.equal(calls.length, 1);
  });
});
