import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isLoopbackAddress } from '../../demo/server/routes/dev.js';
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
});
