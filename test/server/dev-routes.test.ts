import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { isLoopbackAddress, isLoopbackHost } from '../../demo/server/routes/dev.js';
import { startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

describe('dev routes: the client token for the demo page', () => {
  let sandbox: TestSandbox;
  before(async () => (sandbox = await startTestSandbox()));
  after(() => sandbox.close());

  test('answers this machine with the token, which then works on the admin API', async () => {
    const { status, body } = await sandbox.api('GET', '/dev/client-token', undefined, { token: null });
    assert.equal(status, 200);
    assert.equal(body.data.token, sandbox.sandbox.client.token);
    const projects = await sandbox.api('GET', '/v2/projects', undefined, { token: body.data.token });
    assert.equal(projects.status, 200);
  });

  test('pages of other sites get no CORS permission to read it', async () => {
    const response = await fetch(`${sandbox.sandbox.url}/dev/client-token`, {
      headers: { origin: 'https://attacker.example' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const local = await fetch(`${sandbox.sandbox.url}/dev/client-token`, {
      headers: { origin: 'http://localhost:8000' },
    });
    assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:8000');
  });

  test('only loopback peers count as this machine', () => {
    for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) assert.ok(isLoopbackAddress(ip), ip);
    for (const ip of ['10.0.0.2', '192.168.1.20', '::ffff:192.168.1.20', 'fe80::1', '']) {
      assert.ok(!isLoopbackAddress(ip), ip);
    }
  });

  /** A raw HTTP GET (the path sent as written, any Host and Origin), as a browser or attacker sends it. */
  function rawGet(path: string, headers: Record<string, string>) {
    const { port } = new URL(sandbox.sandbox.url);
    return new Promise<{ status: number; allowOrigin: string | undefined; body: string }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            allowOrigin: response.headers['access-control-allow-origin'] as string | undefined,
            body,
          }),
        );
      });
      request.on('error', reject).end();
    });
  }

  for (const path of ['/dev/client-token', '/%64ev/client-token', '/d%65v/outbox', '/dev/%6Futbox', '/dev/outbox']) {
    test(`a page of another site cannot read ${path}, however the path is encoded`, async () => {
      const port = new URL(sandbox.sandbox.url).port;
      const answer = await rawGet(path, { host: `localhost:${port}`, origin: 'https://attacker.example' });
      assert.equal(answer.status, 403, answer.body);
      assert.equal(answer.allowOrigin, undefined);
      assert.doesNotMatch(answer.body, new RegExp(sandbox.sandbox.client.token));
      assert.equal(JSON.parse(answer.body).code, 'Forbidden');
    });

    test(`a DNS-rebound name (a Host that is not this machine) cannot read ${path}`, async () => {
      const port = new URL(sandbox.sandbox.url).port;
      const answer = await rawGet(path, {
        host: `attacker.example:${port}`,
        origin: `http://attacker.example:${port}`,
      });
      assert.equal(answer.status, 403, answer.body);
      const sameSite = await rawGet(path, { host: `attacker.example:${port}` });
      assert.equal(sameSite.status, 403, 'no Origin header (a navigation) is refused too');
    });
  }

  test('the demo page on this machine still reads the outbox through an encoded path', async () => {
    const port = new URL(sandbox.sandbox.url).port;
    const answer = await rawGet('/%64ev/outbox', { host: `127.0.0.1:${port}`, origin: `http://localhost:${port}` });
    assert.equal(answer.status, 200, answer.body);
    assert.equal(answer.allowOrigin, `http://localhost:${port}`);
  });

  test('peers on the network get neither the client token nor the outbox (--host 0.0.0.0)', async () => {
    for (const url of ['/dev/client-token', '/dev/outbox', '/%64ev/outbox']) {
      const answer = await sandbox.sandbox.app.inject({
        method: 'GET',
        url,
        remoteAddress: '192.168.1.20',
        headers: { host: 'localhost' },
      });
      assert.equal(answer.statusCode, 403, url);
    }
  });

  test('a Host names this machine only when it is localhost, 127.0.0.0/8 or [::1], with any port', () => {
    for (const host of ['localhost', 'localhost:8787', '127.0.0.1:1', '127.9.9.9', '[::1]:8787']) {
      assert.ok(isLoopbackHost(host), host);
    }
    for (const host of [
      'attacker.example',
      'localhost.attacker.example',
      '127.0.0.1.nip.io',
      '10.0.0.1',
      '',
      undefined,
    ]) {
      assert.ok(!isLoopbackHost(host), String(host));
    }
  });
});
