import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { base64, idCardFront, selfie } from '../helpers/node/face-images.js';
import {
  createFlow,
  latestCode,
  passContactChecks,
  register,
  sendEmailCode,
  signUp,
  type Registrant,
} from '../helpers/node/journey.js';
import {
  createProject,
  startTestSandbox,
  storedRecords,
  storedState,
  type TestSandbox,
} from '../helpers/node/sandbox.js';

/** What an independent probe of the sandbox broke, each kept closed by a test. */

const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };
const MINUTE = 60_000;

/** `{"a":{"a":…}}` nested `depth` levels. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('sandbox hardening', () => {
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;
  let signatureFlow: string;

  before(async () => {
    sandbox = await startTestSandbox({
      now: clock.now,
      limits: { codesPerContact: 3, codesPerAddress: 40, windowMinutes: 60 },
      publicUrl: 'https://kyc.bank.example/onboarding',
    });
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
    signatureFlow = await createFlow(sandbox, project, {
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'skip',
        liveness: 'skip',
        form: 'mandatory',
      },
    });
  });
  after(() => sandbox.close());

  const as = (who: Registrant) => ({ token: who.token });

  test('3: a deeply nested sign-up field is refused and later sign-ups keep working', async () => {
    const before = storedState(sandbox.dataDir);
    const body = JSON.stringify(signUp(project, flow)).replace(/}$/, `,"profile":${nested(1000)}}`);
    const refused = await sandbox.api('POST', '/v2/app-registrations', undefined, { token: null, raw: body });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'JSON_TOO_DEEP');
    assert.equal(storedState(sandbox.dataDir), before, 'nothing stored');
    await register(sandbox, project, flow);
    const wide = JSON.stringify({
      ...signUp(project, flow),
      profile: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, i])),
    });
    const tooWide = await sandbox.api('POST', '/v2/app-registrations', undefined, { token: null, raw: wide });
    assert.deepEqual([tooWide.status, tooWide.body.code], [400, 'JSON_TOO_MANY_KEYS']);
  });

  test('3: a flow with a deeply nested field is refused; /v2/projects/kyc keeps answering', async () => {
    const raw = `{"project":"${project}","type":"onboarding","name":"deep","x":${nested(1000)}}`;
    const refused = await sandbox.api('POST', '/v2/project-flows', undefined, { raw });
    assert.deepEqual([refused.status, refused.body.code], [400, 'JSON_TOO_DEEP']);
    assert.equal((await sandbox.api('GET', `/v2/projects/kyc?id=${project}`, undefined, { token: null })).status, 200);
  });

  test('8: bodies nested 10,000 levels answer 400 with a code on project and flow routes', async () => {
    for (const [method, path] of [
      ['POST', '/v2/projects'],
      ['POST', '/v2/project-flows'],
      ['PUT', `/v2/project-flows/${flow}`],
      ['PUT', `/v2/projects/${project}`],
    ] as const) {
      const answer = await sandbox.api(method, path, undefined, { raw: `{"name":${nested(10_000)}}` });
      assert.deepEqual([answer.status, answer.body.code], [400, 'JSON_TOO_DEEP'], `${method} ${path}`);
    }
  });

  test('4: codes are limited per contact across registrations, with 429 and Retry-After', async () => {
    const email = `limit.${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++) {
      const who = await register(sandbox, project, flow, { email });
      assert.equal((await sendEmailCode(sandbox, who)).status, 200);
    }
    const fourth = await register(sandbox, project, flow, { email });
    const refused = await sendEmailCode(sandbox, fourth);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'otp_contact_limit_reached');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    clock.offset += 61 * MINUTE;
    assert.equal((await sendEmailCode(sandbox, fourth)).status, 200, 'the window has passed');
  });

  test('4: codes are limited per client address', async () => {
    const isolated = await startTestSandbox({ limits: { codesPerContact: 10, codesPerAddress: 2, windowMinutes: 60 } });
    try {
      const own = await createProject(isolated);
      const ownFlow = await createFlow(isolated, own);
      const answers = [];
      for (let i = 0; i < 3; i++)
        answers.push((await sendEmailCode(isolated, await register(isolated, own, ownFlow))).status);
      assert.deepEqual(answers, [200, 200, 429]);
    } finally {
      await isolated.close();
    }
  });

  test('5: refused images use no attempt', async () => {
    const who = await register(sandbox, project, flow);
    await passContactChecks(sandbox, who);
    const huge = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    for (let i = 0; i < 3; i++) {
      const refused = await sandbox.api(
        'POST',
        '/v2/document-validations/app-registration',
        { image: base64(huge) },
        as(who),
      );
      assert.deepEqual([refused.status, refused.body.code], [422, 'image_too_large'], JSON.stringify(refused.body));
    }
    const card = await sandbox.api(
      'POST',
      '/v2/document-validations/app-registration',
      { image: base64(await idCardFront('dana')) },
      as(who),
    );
    assert.equal(card.status, 200, JSON.stringify(card.body));
    assert.equal(card.body.data.documentValidation.attempt, 1);
  });

  test('5: attempts left pending by a killed process are released on restart', async () => {
    const who = await register(sandbox, project, flow);
    await passContactChecks(sandbox, who);
    await sandbox.sandbox.close();
    const db = new Database(join(sandbox.dataDir, 'sandbox.db'));
    const client = storedRecords(sandbox.dataDir, 'appRegistrations').find((doc) => doc['_id'] === who.id)!['client'];
    for (let i = 0; i < 3; i++) {
      const id = `65a1d3e0c0ffee00000f000${i}`;
      const doc = { _id: id, client, appRegistration: who.id, status: 'PENDING', createdAt: new Date().toISOString() };
      db.prepare('INSERT INTO documents (collection, _id, client, created_at, doc) VALUES (?, ?, ?, ?, ?)').run(
        'documentValidations',
        id,
        client,
        doc.createdAt,
        JSON.stringify(doc),
      );
    }
    db.close();
    await sandbox.restart();
    const card = await sandbox.api(
      'POST',
      '/v2/document-validations/app-registration',
      { image: base64(await idCardFront('eve')) },
      as(who),
    );
    assert.equal(card.status, 200, JSON.stringify(card.body));
  });

  test('6: one current signature per registration, bounded', async () => {
    const who = await register(sandbox, project, signatureFlow);
    await passContactChecks(sandbox, who);
    const drawn = await sharp({ create: { width: 600, height: 200, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    for (let i = 0; i < 3; i++) {
      const answer = await sandbox.api('POST', '/v2/signatures/app-registration', { image: base64(drawn) }, as(who));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
    }
    const kept = storedRecords(sandbox.dataDir, 'signatures').filter((doc) => doc['appRegistration'] === who.id);
    assert.equal(kept.length, 1);
    const big = await sharp({
      create: {
        width: 800,
        height: 800,
        channels: 3,
        background: '#000000',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png()
      .toBuffer();
    assert.ok(big.length > 1024 * 1024);
    const refused = await sandbox.api('POST', '/v2/signatures/app-registration', { image: base64(big) }, as(who));
    assert.deepEqual([refused.status, refused.body.code], [413, 'image_too_large']);
  });

  test('9: a flow the widget cannot run is refused when it is written', async () => {
    const created = await sandbox.api('POST', '/v2/project-flows', {
      project,
      type: 'onboarding',
      status: 'active',
      name: 'url field',
      onboardingSettings: { signUpForm: { email: true, extraFields: [{ name: 'site', label: 'Site', type: 'url' }] } },
    });
    assert.equal(created.status, 400, JSON.stringify(created.body));
    assert.equal(created.body.code, 'INVALID_FLOW');
    assert.equal(created.body.details[0].field, 'onboardingSettings.signUpForm.extraFields[0].type');
    const updated = await sandbox.api('PUT', `/v2/project-flows/${flow}`, {
      onboardingSettings: { signUpForm: { email: false, phone: false } },
    });
    assert.deepEqual([updated.status, updated.body.code], [400, 'INVALID_FLOW']);
    await register(sandbox, project, flow);
  });

  test('10: the data folder is private and the keys are not in the database', () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    assert.equal(mode(sandbox.dataDir), 0o700);
    for (const file of ['sandbox.db', 'keys.json', 'client-token'])
      assert.equal(mode(join(sandbox.dataDir, file)), 0o600, file);
    const db = new Database(join(sandbox.dataDir, 'sandbox.db'), { readonly: true });
    const keys = (db.prepare('SELECT key FROM meta').all() as { key: string }[]).map((row) => row.key);
    db.close();
    assert.deepEqual(
      keys.filter((key) => /secret|jwk|key/i.test(key) && key !== 'dev_client_token_sha256'),
      [],
    );
    const stored = JSON.parse(readFileSync(join(sandbox.dataDir, 'keys.json'), 'utf8'));
    assert.ok(stored.jwt && stored.secrets, 'the keys are in keys.json');
  });

  test('11: outbox codes are not stored in plain text and live only as long as the code', async () => {
    const who = await register(sandbox, project, flow);
    assert.equal((await sendEmailCode(sandbox, who)).status, 200);
    const code = await latestCode(sandbox, who.email);
    const outbox = JSON.stringify(storedRecords(sandbox.dataDir, 'outbox'));
    assert.ok(!outbox.includes(code), 'the code is not readable in the database');
    clock.offset += 11 * MINUTE;
    const later = await sandbox.api('GET', `/dev/outbox?to=${encodeURIComponent(who.email)}`, undefined, {
      token: null,
    });
    assert.deepEqual(later.body.data, []);
    assert.equal(storedRecords(sandbox.dataDir, 'outbox').filter((doc) => doc['appRegistration'] === who.id).length, 0);
  });

  test('11: DELETE erases a registration and everything derived from it', async () => {
    const own = await createProject(sandbox);
    const ownFlow = await createFlow(sandbox, own);
    const who = await register(sandbox, own, ownFlow);
    await passContactChecks(sandbox, who);
    await sandbox.api(
      'POST',
      '/v2/document-validations/app-registration',
      { image: base64(await idCardFront('cris')) },
      as(who),
    );
    await sandbox.api(
      'POST',
      '/v2/biometric-validations/app-registration',
      { image: base64(await selfie('cris')), os: 'DESKTOP' },
      as(who),
    );
    assert.equal(
      (await sandbox.api('DELETE', `/v2/app-registrations/${who.id}`, undefined, { token: null })).status,
      401,
    );
    const erased = await sandbox.api('DELETE', `/v2/app-registrations/${who.id}`);
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    assert.equal((await sandbox.api('GET', `/v2/app-registrations/${who.id}`)).status, 404);
    const everything = storedState(sandbox.dataDir);
    assert.ok(!everything.includes(who.id), 'no record names the registration');
    assert.ok(!everything.includes(who.email), 'no record holds the email');
    assert.equal((await sandbox.api('GET', '/v2/app-registrations/me', undefined, as(who))).status, 404);
  });

  test('11: a retention setting purges finished registrations', async () => {
    const retained = await startTestSandbox({ now: clock.now, retentionDays: 30 });
    try {
      const own = await createProject(retained);
      const ownFlow = await createFlow(retained, own);
      const done = await register(retained, own, ownFlow);
      const open = await register(retained, own, ownFlow);
      assert.equal(
        (
          await retained.api(
            'PUT',
            `/v2/app-registrations/${done.id}/sync`,
            { step: 'end', status: 'FAILED' },
            as(done),
          )
        ).status,
        200,
      );
      clock.offset += 31 * 24 * 60 * MINUTE;
      await retained.restart();
      assert.equal((await retained.api('GET', `/v2/app-registrations/${done.id}`)).status, 404);
      assert.equal((await retained.api('GET', `/v2/app-registrations/${open.id}`)).status, 200, 'unfinished ones stay');
    } finally {
      clock.offset -= 31 * 24 * 60 * MINUTE;
      await retained.close();
    }
  });

  test('12: only JPEG, PNG and WebP by their bytes, complete, within the decoded-size limits', async () => {
    const who = await register(sandbox, project, signatureFlow);
    await passContactChecks(sandbox, who);
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const gif = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#808080' } })
      .gif()
      .toBuffer();
    const cases: [string, Buffer, string][] = [
      ['SVG', svg, 'image_type_not_allowed'],
      ['GIF', gif, 'image_type_not_allowed'],
      ['truncated JPEG', jpeg.subarray(0, jpeg.length - 200), 'image_unreadable'],
    ];
    for (const [what, image, code] of cases) {
      const answer = await sandbox.api('POST', '/v2/signatures/app-registration', { image: base64(image) }, as(who));
      assert.equal(answer.body.code, code, `${what}: ${JSON.stringify(answer.body)}`);
      assert.ok(answer.status === 415 || answer.status === 422, what);
    }
    const document = await register(sandbox, project, flow);
    await passContactChecks(sandbox, document);
    const svgDocument = await sandbox.api(
      'POST',
      '/v2/document-validations/app-registration',
      { image: base64(svg) },
      as(document),
    );
    assert.deepEqual([svgDocument.status, svgDocument.body.code], [415, 'image_type_not_allowed']);
  });

  test('13: the resend-link uses the configured public URL, never the Host header', async () => {
    const who = await register(sandbox, project, flow);
    const link = await sandbox.api(
      'POST',
      `/v2/app-registrations/${who.id}/resend-link`,
      { sendEmail: true },
      { headers: { host: 'evil.example' } },
    );
    assert.equal(link.status, 200);
    assert.ok(link.body.data.link.startsWith('https://kyc.bank.example/onboarding?project='), link.body.data.link);
  });

  test('low: a validated code accepts only its own code again', async () => {
    const who = await register(sandbox, project, flow);
    const sent = await sendEmailCode(sandbox, who);
    const code = await latestCode(sandbox, who.email);
    const check = (otp: string) =>
      sandbox.api('PUT', `/v2/email-validations/${sent.body.data._id}`, { email: who.email, otp }, as(who));
    assert.equal((await check(code)).status, 200);
    assert.equal((await check(code)).status, 200, 'the same code again is fine');
    const other = code === '000000' ? '111111' : '000000';
    assert.deepEqual([(await check(other)).status, (await check(other)).body.code], [403, 'otp_does_not_match']);
  });

  test('low: a token with an unknown key id is refused', async () => {
    const who = await register(sandbox, project, flow);
    const [header, payload, signature] = who.token.split('.');
    const changed = { ...JSON.parse(Buffer.from(header!, 'base64url').toString()), kid: 'someone-else' };
    const token = [Buffer.from(JSON.stringify(changed)).toString('base64url'), payload, signature].join('.');
    const answer = await sandbox.api('GET', '/v2/app-registrations/me', undefined, { token });
    assert.deepEqual([answer.status, answer.body.code], [401, 'Unauthorized']);
  });
});
