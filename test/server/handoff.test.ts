import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base64, idCardFront, selfie } from '../helpers/node/face-images.js';
import { createFlow, passContactChecks, register, type Registrant } from '../helpers/node/journey.js';
import { createProject, startTestSandbox, storedRecords, type TestSandbox } from '../helpers/node/sandbox.js';

/**
 * Cross-device handoff over real HTTP: issue (owner only), exchange (once, bound to the
 * registration, expiring after 10 minutes), the waiting side's status, cancel from either side,
 * and the rate limits.
 */
describe('cross-device handoff', () => {
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;
  // The sandbox's clock, moved by the expiry tests.
  let offsetMs = 0;

  before(async () => {
    sandbox = await startTestSandbox({ now: () => new Date(Date.now() + offsetMs) });
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
  });
  after(() => sandbox.close());

  const issue = (who: Registrant, id = who.id) =>
    sandbox.api('POST', `/v2/app-registrations/${id}/handoffs`, undefined, { token: who.token });
  const exchange = (token: string) => sandbox.api('POST', '/v2/handoffs/exchange', { token }, { token: null });
  const status = (id: string, token: string) =>
    sandbox.api('GET', `/v2/app-registrations/${id}/handoffs/current`, undefined, { token });

  test('the owner issues a token of no personal data; the phone exchanges it once; the computer keeps its own token', async () => {
    const ana = await register(sandbox, project, flow);
    const issued = await issue(ana);
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    const { token, handoff } = issued.body.data;
    assert.match(token, /^[0-9a-f]{24}\.[A-Za-z0-9_-]{43}$/, 'the registration id and a random secret, nothing else');
    assert.ok(!token.includes(ana.email) && !token.includes(ana.phone));
    assert.equal(handoff.status, 'waiting');
    const minutes = (Date.parse(handoff.expiresAt) - Date.now() - offsetMs) / 60_000;
    assert.ok(minutes > 9.9 && minutes <= 10, `lives 10 minutes (${minutes})`);
    const stored = storedRecords(sandbox.dataDir, 'handoffs').find((record) => record['_id'] === handoff._id)!;
    assert.ok(!JSON.stringify(stored).includes(token.split('.')[1]), 'only a hash of the secret is stored');

    const phone = await exchange(token);
    assert.equal(phone.status, 200, JSON.stringify(phone.body));
    assert.equal(phone.body.data.appRegistration._id, ana.id);
    assert.equal(phone.body.data.handoff.status, 'opened');
    assert.deepEqual(phone.body.data.steps, { document: 'pending', liveness: 'pending' });
    assert.notEqual(phone.body.data.token, ana.token);

    const again = await exchange(token);
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'handoff_already_used');

    // Both sides act on the registration with their own tokens.
    assert.equal((await status(ana.id, ana.token)).body.data.handoff.status, 'opened');
    assert.equal((await status(ana.id, phone.body.data.token)).status, 200);
    const further = await issue({ ...ana, token: phone.body.data.token });
    assert.equal(further.status, 403, 'a phone cannot hand off further');
  });

  test('a token is bound to its registration: another registration cannot issue, read or exchange it', async () => {
    const ana = await register(sandbox, project, flow);
    const bea = await register(sandbox, project, flow);
    const forBea = await issue(ana, bea.id);
    assert.equal(forBea.status, 403);
    assert.equal((await status(bea.id, ana.token)).status, 403);
    const beas = (await issue(bea)).body.data.token as string;
    const swapped = await exchange(`${ana.id}.${beas.split('.')[1]}`);
    assert.equal(swapped.status, 404);
    assert.equal(swapped.body.code, 'handoff_not_found');
    for (const bad of ['', 'x', `${ana.id}.short`]) {
      const refused = await exchange(bad);
      assert.ok([400, 404].includes(refused.status), `${JSON.stringify(bad)}: ${refused.status}`);
    }
    // Bea's own token still works: the wrong guesses did not use it.
    assert.equal((await exchange(beas)).status, 200);
  });

  test('an expired token is refused with handoff_expired; a new one replaces the earlier (revoked)', async () => {
    const ana = await register(sandbox, project, flow);
    const first = (await issue(ana)).body.data.token as string;
    const second = (await issue(ana)).body.data.token as string;
    const revoked = await exchange(first);
    assert.equal(revoked.status, 410);
    assert.equal(revoked.body.code, 'handoff_revoked');
    offsetMs = 10 * 60_000 + 1000;
    try {
      assert.equal((await status(ana.id, ana.token)).body.data.handoff.status, 'expired');
      const expired = await exchange(second);
      assert.equal(expired.status, 410);
      assert.equal(expired.body.code, 'handoff_expired');
    } finally {
      offsetMs = 0;
    }
  });

  test('the waiting side sees the phone’s document and selfie, then the phone finishes', async () => {
    const ana = await register(sandbox, project, flow);
    await passContactChecks(sandbox, ana);
    const phone = (await exchange((await issue(ana)).body.data.token)).body.data.token as string;
    const asPhone = { token: phone };
    const document = await sandbox.api(
      'POST',
      '/v2/document-validations/app-registration',
      { image: base64(await idCardFront('ana'), true) },
      asPhone,
    );
    assert.equal(document.status, 200, JSON.stringify(document.body));
    assert.deepEqual((await status(ana.id, ana.token)).body.data.steps, { document: 'passed', liveness: 'pending' });
    const selfieAnswer = await sandbox.api(
      'POST',
      '/v2/biometric-validations/app-registration',
      { image: base64(await selfie('ana')), os: 'ANDROID' },
      asPhone,
    );
    assert.equal(selfieAnswer.status, 200, JSON.stringify(selfieAnswer.body));
    assert.equal(
      (await sandbox.api('PUT', `/v2/app-registrations/${ana.id}/handoffs/current`, { status: 'finished' }, asPhone))
        .status,
      200,
    );
    const seen = (await status(ana.id, ana.token)).body.data;
    assert.deepEqual(seen.steps, { document: 'passed', liveness: 'passed' });
    assert.equal(seen.handoff.status, 'finished');
    // The phone's token ends with its handoff; the computer finishes with its own.
    const late = await sandbox.api('POST', '/v2/face-recognition/compare/app-registration', {}, asPhone);
    assert.equal(late.status, 401);
    assert.equal(late.body.message, 'handoff_closed');
    const compare = await sandbox.api(
      'POST',
      '/v2/face-recognition/compare/app-registration',
      {},
      { token: ana.token },
    );
    assert.equal(compare.status, 200, JSON.stringify(compare.body));
  });

  test('either side cancels and the other reads who did; the computer cannot finish for the phone', async () => {
    const ana = await register(sandbox, project, flow);
    const phone = (await exchange((await issue(ana)).body.data.token)).body.data.token as string;
    const finishByComputer = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${ana.id}/handoffs/current`,
      { status: 'finished' },
      { token: ana.token },
    );
    assert.equal(finishByComputer.status, 403);
    const cancelled = await sandbox.api('DELETE', `/v2/app-registrations/${ana.id}/handoffs/current`, undefined, {
      token: phone,
    });
    assert.equal(cancelled.status, 200);
    assert.deepEqual(
      { status: 'cancelled', cancelledBy: 'phone' },
      (({ status: state, cancelledBy }) => ({ status: state, cancelledBy }))(
        (await status(ana.id, ana.token)).body.data.handoff,
      ),
    );
    assert.equal((await status(ana.id, phone)).body.data.handoff.status, 'cancelled', 'the phone may still read it');

    const bea = await register(sandbox, project, flow);
    const beaToken = (await issue(bea)).body.data.token as string;
    await sandbox.api('DELETE', `/v2/app-registrations/${bea.id}/handoffs/current`, undefined, { token: bea.token });
    const afterCancel = await exchange(beaToken);
    assert.equal(afterCancel.status, 410, 'a token the computer withdrew cannot be exchanged');
    assert.equal((await status(bea.id, bea.token)).body.data.handoff.cancelledBy, 'computer');
  });

  test('a registration issues at most 20 tokens an hour (429 with Retry-After)', async () => {
    const ana = await register(sandbox, project, flow);
    for (let index = 0; index < 20; index++) assert.equal((await issue(ana)).status, 200);
    const limited = await issue(ana);
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'handoff_limit_reached');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });

  test('bad bodies are 4xx naming the field, never 500', async () => {
    const missing = await sandbox.api('POST', '/v2/handoffs/exchange', {}, { token: null });
    assert.equal(missing.status, 409);
    assert.match(missing.body.message, /token/);
    const typed = await sandbox.api('POST', '/v2/handoffs/exchange', { token: 5 }, { token: null });
    assert.equal(typed.status, 400);
    const ana = await register(sandbox, project, flow);
    const noHandoff = await status(ana.id, ana.token);
    assert.equal(noHandoff.status, 200);
    assert.equal(noHandoff.body.data.handoff, null);
    const cancelNothing = await sandbox.api('DELETE', `/v2/app-registrations/${ana.id}/handoffs/current`, undefined, {
      token: ana.token,
    });
    assert.equal(cancelNothing.status, 404);
  });

  test('one address tries at most 60 exchanges an hour, right or wrong (429 with Retry-After)', async () => {
    let limited: Awaited<ReturnType<typeof exchange>> | undefined;
    for (let index = 0; index < 61 && !limited; index++) {
      const answer = await exchange(`${'0'.repeat(24)}.${'A'.repeat(43)}`);
      if (answer.status === 429) limited = answer;
      else assert.equal(answer.status, 404);
    }
    assert.ok(limited, 'refused before the 61st try');
    assert.equal(limited.body.code, 'handoff_exchange_limit_reached');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });
});
