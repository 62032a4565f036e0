import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { WebhookDeliveryRecord } from '../../demo/server/records.js';
import { createFlow, latestCode, signUp } from '../helpers/node/journey.js';
import { checkLoginEmail, createLoginFlow, registerWithoutKyc, sendLoginEmail } from '../helpers/node/login.js';
import { createProject, createWebhook, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';
import { Receiver } from '../helpers/node/webhook-receiver.js';

/**
 * Verifik's Webhook resource (`/v2/webhooks`) in the sandbox, flows that reference one by id, and
 * logins told to their flow's webhook, over HTTP with a real receiver.
 */

const RETRY = { firstDelayMs: 60_000, maxDelayMs: 3_600_000, maxAttempts: 5 };
const UNKNOWN_ID = '0123456789abcdef01234567';

/** A flow with only the sign-up (email, no code), so a registration can end at once. */
const signUpOnly = {
  steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'skip', liveness: 'skip', form: 'skip' },
  signUpForm: { firstName: true, lastName: true, email: true, emailGateway: 'none', phone: false },
};

describe('webhook resources', () => {
  const clock = { offset: 0 };
  let sandbox: TestSandbox;
  let project: string;

  before(async () => {
    sandbox = await startTestSandbox({ now: () => new Date(Date.now() + clock.offset), webhooks: { retry: RETRY } });
    project = await createProject(sandbox);
  });
  after(() => sandbox.close());

  const deliveries = async (query: string): Promise<WebhookDeliveryRecord[]> => {
    const response = await sandbox.api('GET', `/dev/webhooks?${query}`, undefined, { token: null });
    assert.equal(response.status, 200);
    return response.body.data;
  };

  /** The first delivery `matches` accepts once it has had `attempts` attempts (waits for the sender's event). */
  async function attempted(
    matches: (delivery: WebhookDeliveryRecord) => boolean,
    attempts: number,
  ): Promise<WebhookDeliveryRecord> {
    const sender = sandbox.sandbox.webhooks;
    const reached = new Promise<WebhookDeliveryRecord>((resolve) => {
      const listener = (delivery: WebhookDeliveryRecord) => {
        if (!matches(delivery) || delivery.attempts < attempts) return;
        sender.off('attempt', listener);
        resolve(delivery);
      };
      sender.on('attempt', listener);
    });
    const now = (await deliveries('')).find(matches);
    return now && now.attempts >= attempts ? now : reached;
  }

  test('created, listed, read, paused and deleted at /v2/webhooks, in Verifik’s shape', async () => {
    const missing = await sandbox.api('POST', '/v2/webhooks', { name: 'No URL' });
    assert.equal(missing.status, 400);
    assert.deepEqual([missing.body.code, missing.body.details[0].field], ['MISSING_FIELD', 'url']);
    const ftp = await sandbox.api('POST', '/v2/webhooks', { name: 'FTP', url: 'ftp://bank.example/hook' });
    assert.deepEqual([ftp.status, ftp.body.code], [400, 'INVALID_URL']);
    const badLink = await sandbox.api('POST', '/v2/webhooks', {
      name: 'Linked',
      url: 'https://bank.example/hook',
      link: [UNKNOWN_ID],
    });
    assert.equal(badLink.status, 404);
    assert.deepEqual([badLink.body.code, badLink.body.details[0].field], ['INVALID_PROJECT_FLOW_ID', 'link[0]']);

    const created = await sandbox.api('POST', '/v2/webhooks', {
      name: 'Bank events',
      url: 'https://bank.example/verifik/events',
      isActive: true,
      description: 'Onboarding outcomes',
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const webhook = created.body.data;
    assert.match(webhook._id, /^[0-9a-f]{24}$/);
    assert.deepEqual(
      [webhook.client, webhook.name, webhook.url, webhook.isActive, webhook.projectFlow, webhook.notification],
      [
        sandbox.sandbox.client.id,
        'Bank events',
        'https://bank.example/verifik/events',
        true,
        [],
        { success: false, fail: true },
      ],
    );

    const listed = await sandbox.api('GET', `/v2/webhooks?where_url=${encodeURIComponent(webhook.url)}`);
    assert.deepEqual(
      listed.body.data.map(({ _id }: { _id: string }) => _id),
      [webhook._id],
    );
    assert.equal(listed.body.total, 1);
    assert.deepEqual((await sandbox.api('GET', `/v2/webhooks/${webhook._id}`)).body.data, webhook);

    const paused = await sandbox.api('PUT', `/v2/webhooks/${webhook._id}`, { isActive: false });
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    assert.deepEqual([paused.body.data.isActive, paused.body.data.name], [false, 'Bank events']);

    const deleted = await sandbox.api('DELETE', `/v2/webhooks/${webhook._id}`);
    assert.deepEqual([deleted.status, deleted.body.data._id], [200, webhook._id]);
    const gone = await sandbox.api('GET', `/v2/webhooks/${webhook._id}`);
    assert.deepEqual([gone.status, gone.body.code], [404, 'NotFound']);
    const anonymous = await sandbox.api('GET', '/v2/webhooks', undefined, { token: null });
    assert.equal(anonymous.status, 401, 'the client token is required');
  });

  test('a flow naming a webhook that does not exist is refused, naming the field, on create and on update', async () => {
    const refused = await sandbox.api('POST', '/v2/project-flows', {
      project,
      type: 'onboarding',
      status: 'active',
      name: 'Dangling',
      webhook: UNKNOWN_ID,
      onboardingSettings: signUpOnly,
    });
    assert.equal(refused.status, 404, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'INVALID_WEBHOOK_ID');
    assert.equal(refused.body.details[0].field, 'webhook');
    assert.match(refused.body.message, new RegExp(UNKNOWN_ID));

    const flow = await createFlow(sandbox, project, signUpOnly);
    const update = await sandbox.api('PUT', `/v2/project-flows/${flow}`, { integrations: { webhook: UNKNOWN_ID } });
    assert.equal(update.status, 404, JSON.stringify(update.body));
    assert.deepEqual([update.body.code, update.body.details[0].field], ['INVALID_WEBHOOK_ID', 'integrations.webhook']);
    assert.equal((await sandbox.api('GET', `/v2/project-flows/${flow}`)).body.data.version, 1, 'nothing was stored');
  });

  test('a flow’s events go to the webhook it names, signed; once deleted, nothing more is sent', async () => {
    const receiver = new Receiver(() => secret);
    const port = await receiver.start();
    const webhook = await createWebhook(sandbox, `http://127.0.0.1:${port}/verifik/events`);
    const created = await sandbox.api('POST', '/v2/project-flows', {
      project,
      type: 'onboarding',
      status: 'active',
      name: 'Referenced webhook',
      webhook,
      onboardingSettings: signUpOnly,
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const secret: string = created.body.data.webhookSecret;
    assert.match(secret, /^whsec_/, 'the flow’s signing secret is shown once, as for a webhookUrl');
    const flow: string = created.body.data._id;
    try {
      const signed = await sandbox.api('POST', '/v2/app-registrations', signUp(project, flow), { token: null });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const id: string = signed.body.data.appRegistration._id;
      const ofStatus = (status: string) => (delivery: WebhookDeliveryRecord) =>
        delivery.appRegistration === id && delivery.event.data['status'] === status;
      const started = await attempted(ofStatus('STARTED'), 1);
      assert.deepEqual([started.status, started.webhook], ['delivered', webhook]);
      assert.deepEqual(
        receiver.handled.map(({ type, data }) => [type, data['appRegistration']]),
        [['app_registration.status_changed', id]],
        'the reference receiver checked the signature and handled it',
      );

      // The receiver goes down: the completion waits for a retry, and meanwhile the webhook is deleted.
      await receiver.stop();
      const ended = await sandbox.api(
        'PUT',
        `/v2/app-registrations/${id}/sync`,
        { step: 'end', status: 'COMPLETED' },
        { token: signed.body.data.token },
      );
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      const waiting = await attempted(ofStatus(ended.body.data.status), 1);
      assert.equal(waiting.status, 'pending');
      assert.equal((await sandbox.api('DELETE', `/v2/webhooks/${webhook}`)).status, 200);
      await receiver.start(port);
      clock.offset += Date.parse(waiting.nextAttemptAt!) - Date.now() - clock.offset + 1;
      sandbox.sandbox.webhooks.wake();
      const stopped = await attempted(ofStatus(ended.body.data.status), 2);
      assert.equal(stopped.status, 'failed', 'not retried: the target is gone');
      assert.match(stopped.log.at(-1)!.error!, /deleted/);
      assert.equal(receiver.requests.length, 1, 'the receiver heard nothing more');

      // New events of the flow are not queued at all.
      const later = await sandbox.api('POST', '/v2/app-registrations', signUp(project, flow), { token: null });
      assert.equal(later.status, 200, JSON.stringify(later.body));
      assert.deepEqual(await deliveries(`appRegistration=${later.body.data.appRegistration._id}`), []);
      const edited = await sandbox.api('PUT', `/v2/project-flows/${flow}`, { name: 'Still editable' });
      assert.equal(edited.status, 200, 'a flow whose webhook was deleted can still be changed');
    } finally {
      await receiver.stop();
    }
  });

  test('a login delivers a signed app_login.succeeded event to the login flow’s webhook', async () => {
    const receiver = new Receiver(() => secret);
    const port = await receiver.start();
    let secret = '';
    try {
      // Codes by email and phone, KYC optional: people complete it without KYC.
      const optionalKyc = { ...signUpOnly.steps, document: 'optional', liveness: 'optional' };
      const onboarding = await createFlow(sandbox, project, { steps: optionalKyc });
      const webhook = await createWebhook(sandbox, `http://127.0.0.1:${port}/verifik/logins`);
      const login = await createLoginFlow(sandbox, project, { email: true, emailGateway: 'mailgun' }, { webhook });
      const rolled = await sandbox.api('POST', `/v2/project-flows/${login}/webhook-secret`);
      secret = rolled.body.data.webhookSecret;
      const ana = await registerWithoutKyc(sandbox, project, onboarding);

      // A wrong code logs nobody in: no event.
      const sent = await sendLoginEmail(sandbox, project, login, ana.email);
      const code = await latestCode(sandbox, ana.email);
      const wrong = await checkLoginEmail(sandbox, sent.body.data._id, code === '000000' ? '111111' : '000000');
      assert.equal(wrong.status, 403);
      const checked = await checkLoginEmail(sandbox, sent.body.data._id, code);
      assert.equal(checked.status, 200, JSON.stringify(checked.body));
      const { appLogin } = checked.body.data;

      const delivery = await attempted((candidate) => candidate.event.type === 'app_login.succeeded', 1);
      assert.equal(delivery.status, 'delivered', JSON.stringify(delivery.log));
      assert.deepEqual(
        receiver.handled.map(({ type, data }) => [type, data['appLogin'], data['appRegistration'], data['type']]),
        [['app_login.succeeded', appLogin._id, ana.id, 'email']],
        'one event, for the one login, its signature checked by the reference receiver',
      );
      assert.deepEqual(
        Object.keys(receiver.handled[0]!.data).sort(),
        ['appLogin', 'appRegistration', 'project', 'projectFlow', 'reference', 'status', 'type'],
        'ids and the factor only: no name, no contact',
      );
      assert.match(String(receiver.requests[0]!['verifik-signature']), /^t=\d+,v1=[0-9a-f]{64}$/);
    } finally {
      await receiver.stop();
    }
  });
});
