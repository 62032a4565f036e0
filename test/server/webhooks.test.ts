import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signWebhook } from '../../demo/server/services/webhooks.js';
import type { WebhookDeliveryRecord } from '../../demo/server/records.js';
import { signUp } from '../helpers/node/journey.js';
import { Receiver } from '../helpers/node/webhook-receiver.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/** Retries a minute apart, doubling: the test moves the sandbox's clock instead of waiting. */
const RETRY = { firstDelayMs: 60_000, maxDelayMs: 3_600_000, maxAttempts: 5 };

/** A flow with only the sign-up (email, no code), so a registration can end at once. */
const flowBody = (project: string, top: Record<string, unknown>) => ({
  project,
  type: 'onboarding',
  status: 'active',
  name: 'Webhook flow',
  onboardingSettings: {
    steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'skip', liveness: 'skip', form: 'skip' },
    signUpForm: { firstName: true, lastName: true, email: true, emailGateway: 'none', phone: false },
  },
  ...top,
});

describe('webhooks', () => {
  const clock = { offset: 0 };
  let sandbox: TestSandbox;
  let project: string;

  before(async () => {
    sandbox = await startTestSandbox({ now: () => new Date(Date.now() + clock.offset), webhooks: { retry: RETRY } });
    project = await createProject(sandbox);
  });
  after(() => sandbox.close());

  const deliveries = async (appRegistration: string): Promise<WebhookDeliveryRecord[]> => {
    const response = await sandbox.api('GET', `/dev/webhooks?appRegistration=${appRegistration}`, undefined, {
      token: null,
    });
    assert.equal(response.status, 200);
    return response.body.data;
  };

  /** The registration's one delivery of `status` once it has had `attempts` attempts (waits for the sender's event). */
  async function attempted(appRegistration: string, status: string, attempts: number): Promise<WebhookDeliveryRecord> {
    const sender = sandbox.sandbox.webhooks;
    const matches = (delivery: WebhookDeliveryRecord) =>
      delivery.appRegistration === appRegistration && delivery.event.data['status'] === status;
    const reached = new Promise<WebhookDeliveryRecord>((resolve) => {
      const listener = (delivery: WebhookDeliveryRecord) => {
        if (!matches(delivery) || delivery.attempts < attempts) return;
        sender.off('attempt', listener);
        resolve(delivery);
      };
      sender.on('attempt', listener);
    });
    const now = (await deliveries(appRegistration)).find(matches);
    return now && now.attempts >= attempts ? now : reached;
  }

  /** Moves the clock to the delivery's next attempt and lets the sender send what is due. */
  function advanceTo(delivery: WebhookDeliveryRecord): void {
    clock.offset += Date.parse(delivery.nextAttemptAt!) - Date.now() - clock.offset + 1;
    sandbox.sandbox.webhooks.wake();
  }

  test('receiver down for two attempts and the sandbox restarted in between: handled exactly once', async () => {
    const receiver = new Receiver(() => secret);
    // A port nobody listens on yet: the receiver is down.
    const port = await receiver.start();
    await receiver.stop();

    const created = await sandbox.api(
      'POST',
      '/v2/project-flows',
      flowBody(project, { webhookUrl: `http://127.0.0.1:${port}/verifik/events` }),
    );
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const secret: string = created.body.data.webhookSecret;
    assert.match(secret, /^whsec_[\w-]{43}$/, 'the signing secret is shown when the webhook is set');
    const flow: string = created.body.data._id;
    const read = await sandbox.api('GET', `/v2/project-flows/${flow}`);
    assert.equal(read.body.data.webhookSecret, undefined, 'and never again');
    const edited = await sandbox.api('PUT', `/v2/project-flows/${flow}`, { name: 'Renamed' });
    assert.equal(edited.body.data.webhookSecret, undefined);

    const signed = await sandbox.api('POST', '/v2/app-registrations', signUp(project, flow), { token: null });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    const id: string = signed.body.data.appRegistration._id;

    const first = await attempted(id, 'STARTED', 1);
    assert.equal(first.status, 'pending');
    assert.equal(first.log[0]!.statusCode, null, 'nobody answered');
    assert.equal(Date.parse(first.nextAttemptAt!) - Date.parse(first.log[0]!.at), RETRY.firstDelayMs);

    // The queue lives in the database: a restart loses nothing.
    await sandbox.restart();
    advanceTo(first);
    const second = await attempted(id, 'STARTED', 2);
    assert.equal(second.status, 'pending');
    assert.equal(second.event.id, first.event.id);
    assert.equal(
      Date.parse(second.nextAttemptAt!) - Date.parse(second.log[1]!.at),
      2 * RETRY.firstDelayMs,
      'the wait doubles',
    );
    assert.equal(receiver.requests.length, 0);

    await receiver.start(port);
    try {
      advanceTo(second);
      const third = await attempted(id, 'STARTED', 3);
      assert.equal(third.status, 'delivered', JSON.stringify(third.log));
      assert.equal(third.log[2]!.statusCode, 200);
      assert.deepEqual(
        receiver.handled.map(({ id: eventId, type, data }) => [eventId, type, data['appRegistration'], data['status']]),
        [[first.event.id, 'app_registration.status_changed', id, 'STARTED']],
      );
      const [headers] = receiver.requests;
      assert.equal(headers!['idempotency-key'], first.event.id);
      assert.equal(headers!['verifik-delivery-attempt'], '3');
      assert.deepEqual(
        Object.keys(receiver.handled[0]!.data).sort(),
        ['appRegistration', 'previousStatus', 'project', 'projectFlow', 'reference', 'status'],
        'ids and statuses only: no images, no personal data',
      );

      // A manual redeliver repeats the event: the receiver answers it without handling it again.
      const again = await sandbox.api('POST', `/dev/webhooks/${third._id}/redeliver`, undefined, { token: null });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body.data.log.at(-1).manual, true);
      assert.equal(receiver.requests.length, 2);
      assert.equal(receiver.handled.length, 1, 'handled exactly once');

      // The next status change goes out at once.
      const ended = await sandbox.api(
        'PUT',
        `/v2/app-registrations/${id}/sync`,
        { step: 'end', status: 'COMPLETED' },
        { token: signed.body.data.token },
      );
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      const completed = await attempted(id, ended.body.data.status, 1);
      assert.equal(completed.status, 'delivered');
      assert.deepEqual(
        receiver.handled.map(({ data }) => [data['previousStatus'], data['status']]),
        [
          [null, 'STARTED'],
          ['STARTED', ended.body.data.status],
        ],
      );
    } finally {
      await receiver.stop();
    }
  });

  test('targets off this machine are refused without a connection, and not retried', async () => {
    const created = await sandbox.api(
      'POST',
      '/v2/project-flows',
      flowBody(project, { webhookUrl: 'http://10.255.255.1/hooks' }),
    );
    const signed = await sandbox.api('POST', '/v2/app-registrations', signUp(project, created.body.data._id), {
      token: null,
    });
    const refused = await attempted(signed.body.data.appRegistration._id, 'STARTED', 1);
    assert.equal(refused.status, 'failed');
    assert.match(refused.log[0]!.error!, /target not allowed: 10\.255\.255\.1 is not this machine/);
    assert.ok(refused.log[0]!.durationMs < 1000, 'no connection was tried');
  });

  test('a webhook URL must be http(s)', async () => {
    const refused = await sandbox.api(
      'POST',
      '/v2/project-flows',
      flowBody(project, { webhookUrl: 'file:///etc/passwd' }),
    );
    assert.equal(refused.status, 400);
    assert.match(JSON.stringify(refused.body), /webhookUrl/);
  });

  test('a rolled secret is shown once and replaces the old one', async () => {
    const receiver = new Receiver(() => secret);
    const port = await receiver.start();
    let secret = '';
    try {
      const created = await sandbox.api(
        'POST',
        '/v2/project-flows',
        flowBody(project, { webhookUrl: `http://localhost:${port}/hooks` }),
      );
      const old: string = created.body.data.webhookSecret;
      const rolled = await sandbox.api('POST', `/v2/project-flows/${created.body.data._id}/webhook-secret`);
      assert.equal(rolled.status, 200);
      assert.notEqual(rolled.body.data.webhookSecret, old);

      // The receiver still uses the old secret: the event is refused (400) and retried later.
      secret = old;
      const signed = await sandbox.api('POST', '/v2/app-registrations', signUp(project, created.body.data._id), {
        token: null,
      });
      const id = signed.body.data.appRegistration._id;
      const first = await attempted(id, 'STARTED', 1);
      assert.deepEqual([first.status, first.log[0]!.statusCode], ['pending', 400]);
      assert.equal(receiver.handled.length, 0);

      secret = rolled.body.data.webhookSecret;
      advanceTo(first);
      const second = await attempted(id, 'STARTED', 2);
      assert.equal(second.status, 'delivered');
      assert.equal(receiver.handled.length, 1);
    } finally {
      await receiver.stop();
    }
  });

  test('the delivery log answers only this machine', async () => {
    const response = await sandbox.api('GET', '/dev/webhooks', undefined, {
      token: null,
      headers: { origin: 'https://attacker.example' },
    });
    assert.equal(response.status, 403);
  });
});

describe('reference backend webhook receiver', () => {
  const SECRET = 'whsec_reference-test-secret';
  let sandbox: TestSandbox;
  const previous = process.env['VERIFIK_WEBHOOK_SECRET'];

  before(async () => {
    process.env['VERIFIK_WEBHOOK_SECRET'] = SECRET;
    sandbox = await startTestSandbox();
  });
  after(async () => {
    await sandbox.close();
    if (previous === undefined) delete process.env['VERIFIK_WEBHOOK_SECRET'];
    else process.env['VERIFIK_WEBHOOK_SECRET'] = previous;
  });

  const event = JSON.stringify({
    id: 'evt_65a1d3e0c0ffee0000000099',
    type: 'app_registration.status_changed',
    createdAt: new Date().toISOString(),
    data: { appRegistration: '65a1d3e0c0ffee0000000098', status: 'COMPLETED' },
  });
  const post = (body: string, signature: string) =>
    sandbox.api('POST', '/api/verifik/webhooks', undefined, {
      token: null,
      raw: body,
      headers: { 'verifik-signature': signature },
    });
  const now = () => Math.floor(Date.now() / 1000);

  test('verifies the signature, handles an event once, refuses replays and forgeries', async () => {
    const first = await post(event, signWebhook(SECRET, now(), event));
    assert.deepEqual([first.status, first.body], [200, { received: true }]);
    const repeated = await post(event, signWebhook(SECRET, now(), event));
    assert.deepEqual([repeated.status, repeated.body], [200, { duplicate: true }]);

    const stale = await post(event, signWebhook(SECRET, now() - 600, event));
    assert.deepEqual([stale.status, stale.body], [400, { error: 'timestamp_too_old' }]);
    const tampered = await post(event.replace('COMPLETED', 'FAILED'), signWebhook(SECRET, now(), event));
    assert.deepEqual([tampered.status, tampered.body], [400, { error: 'signature_mismatch' }]);
    const forged = await post(event, signWebhook('whsec_someone-else', now(), event));
    assert.deepEqual([forged.status, forged.body], [400, { error: 'signature_mismatch' }]);
    const unsigned = await post(event, '');
    assert.equal(unsigned.status, 400);
  });
});
