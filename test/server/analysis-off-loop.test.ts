import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { base64, idCardFront, type Person, selfie } from '../helpers/node/face-images.js';
import { createFlow, register, type Registrant } from '../helpers/node/journey.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/**
 * Images are analysed in worker threads: while four selfies and two documents are analysed, the
 * API's event loop (this process's: the sandbox runs in it) stays free to answer other requests.
 * Measured by what the loop did, not by wall-clock budgets: its utilisation over the analysis and
 * the requests it answered meanwhile.
 */
describe('image analysis off the event loop', () => {
  let sandbox: TestSandbox;
  let people: Registrant[];
  const selfies: Person[] = ['ana', 'bea', 'cris', 'dana'];
  const cards: Person[] = ['eve', 'ana'];
  const images: { selfies: string[]; cards: string[] } = { selfies: [], cards: [] };

  before(async () => {
    sandbox = await startTestSandbox();
    const project = await createProject(sandbox);
    // No codes to pass: the images are what this test is about.
    const flow = await createFlow(sandbox, project, {
      signUpForm: { firstName: true, lastName: true, email: true, emailGateway: 'none', phone: false },
    });
    people = [];
    for (let index = 0; index < selfies.length + cards.length; index++) {
      people.push(await register(sandbox, project, flow));
    }
    images.selfies = await Promise.all(selfies.map(async (person) => base64(await selfie(person))));
    images.cards = await Promise.all(cards.map(async (person) => base64(await idCardFront(person))));
    // The workers' models are loaded before the measurement (a sandbox loads them once).
    const warm = await register(sandbox, project, flow);
    const warmed = await sandbox.api(
      'POST',
      '/v2/document-validations/app-registration',
      { image: images.cards[0] },
      { token: warm.token },
    );
    assert.equal(warmed.status, 200, JSON.stringify(warmed.body));
  });
  after(() => sandbox.close());

  test('four selfies and two documents analysed while the API keeps answering', async (t) => {
    const upload = (who: Registrant, path: string, body: object) =>
      sandbox.api('POST', path, body, { token: who.token });
    const start = performance.eventLoopUtilization();
    const began = performance.now();
    let analysing = true;
    const analyses = Promise.all([
      ...images.selfies.map((image, index) =>
        upload(people[index]!, '/v2/biometric-validations/app-registration', { image, os: 'DESKTOP' }),
      ),
      ...images.cards.map((image, index) =>
        upload(people[selfies.length + index]!, '/v2/document-validations/app-registration', { image }),
      ),
    ]).finally(() => (analysing = false));

    // One request after another, for as long as the analyses run.
    const latencies: number[] = [];
    const who = people[0]!;
    while (analysing) {
      const begin = performance.now();
      const answer = await sandbox.api('GET', '/v2/app-registrations/me', undefined, { token: who.token });
      latencies.push(performance.now() - begin);
      assert.equal(answer.status, 200);
    }
    const answers = await analyses;
    const window = performance.now() - began;
    const utilisation = performance.eventLoopUtilization(start).utilization;

    assert.deepEqual(
      answers.map(({ status }) => status),
      [200, 200, 200, 200, 200, 200],
      JSON.stringify(answers.map(({ body }) => body?.message)),
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const longest = sorted.at(-1)!;
    t.diagnostic(
      `${latencies.length} requests answered during ${window.toFixed(0)} ms of analyses; ` +
        `p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, longest ${longest.toFixed(1)} ms; ` +
        `event loop busy ${(utilisation * 100).toFixed(0)} % of the time`,
    );
    // Relative to the analyses, so that a busy machine slows both alike. On the event loop, an
    // analysis blocks it whole (tfjs' WebAssembly is synchronous): a request waits at least one
    // analysis, about a sixth of the window, and only a few get through between analyses.
    assert.ok(
      longest < window / 10,
      `a request waited ${longest.toFixed(0)} ms, over a tenth of the ${window.toFixed(0)} ms of analyses`,
    );
    assert.ok(latencies.length >= 60, `only ${latencies.length} requests were answered during six analyses`);
  });
});
