import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium } from 'playwright';
import { CHROME_ARGS, findChrome } from '../../scripts/system-tools.mjs';
import { DEMO_IDS } from '../../demo/server/seed.js';
import { signUp } from '../helpers/node/journey.js';
import { startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/**
 * The playground (the demo page) in Chromium: a flow created in its editor shows its webhook
 * secret once, the deliveries are listed, and one is redelivered from the page.
 */
describe('playground webhook log', () => {
  let sandbox: TestSandbox;
  let browser: Browser;
  let receiver: Server;
  const received: string[] = [];

  before(async () => {
    sandbox = await startTestSandbox();
    receiver = createServer((request, response) => {
      received.push(String(request.headers['verifik-event-id']));
      request.resume().on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const executablePath = findChrome();
    if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROME_PATH.');
    browser = await chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => receiver.close(resolve));
    await sandbox.close();
  });

  test('shows the secret once, lists deliveries, redelivers one', async () => {
    const page = await browser.newPage();
    await page.goto(`${sandbox.sandbox.url}/`);
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const flow = {
      project: DEMO_IDS.project,
      type: 'onboarding',
      status: 'active',
      name: 'Flow with a webhook',
      webhookUrl: hookUrl,
      onboardingSettings: {
        steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'skip', liveness: 'skip', form: 'skip' },
        signUpForm: { firstName: true, lastName: true, email: true, emailGateway: 'none', phone: false },
      },
    };
    await page.getByLabel('Flow JSON').fill(JSON.stringify(flow));
    const created = page.waitForResponse((response) => response.url().endsWith('/v2/project-flows'));
    await page.getByRole('button', { name: 'Create and run it' }).click();
    const { data } = (await (await created).json()) as { data: { _id: string; webhookSecret: string } };
    const status = page.locator('#webhook-status');
    await status.getByText(`shown this once: ${data.webhookSecret}`).waitFor();

    const signed = await sandbox.api('POST', '/v2/app-registrations', signUp(DEMO_IDS.project, data._id), {
      token: null,
    });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    const deliveries = page.getByRole('region', { name: 'Webhook deliveries' }).getByRole('listitem');
    const delivered = deliveries.filter({ hasText: `STARTED → ${hookUrl}: delivered, 1 attempt(s), last answer 204` });
    await delivered.waitFor();
    assert.equal(received.length, 1);

    await delivered.getByRole('button', { name: `Redeliver ${received[0]}` }).click();
    await status.getByText(`Redelivered ${received[0]}: 204`).waitFor();
    await deliveries.filter({ hasText: 'delivered, 2 attempt(s)' }).waitFor();
    assert.deepEqual(received, [received[0], received[0]], 'the same event, twice');
  });
});
