import { cardOnTable } from '../../test/helpers/node/document-scenes.js';
import { base64, type Person, selfie } from '../../test/helpers/node/face-images.js';
import { runLoad } from '../lib/load.js';
import { callApi, createFlow, DEMO, sendEmailCode, startBenchSandbox } from '../lib/sandbox.js';
import { round, summarize } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

/** Requests in flight while measuring code validation. */
const CONCURRENCY = 2;
const SELFIES: Person[] = ['ana', 'bea', 'cris', 'dana'];
const DOCUMENTS: Person[] = ['eve', 'cris'];
/** The target for a code validation's p99 while images are analysed. */
const TARGET_P99_MS = 50;

/**
 * 7. Does image analysis stall the API? Code validations (`PUT /v2/email-validations/{id}`, right
 * codes, `CONCURRENCY` in flight) timed alone, then while four selfies and two documents (ID cards
 * on a table, 1280×720) are uploaded and analysed at once, in the sandbox's own process.
 */
export const sandboxAnalysis: Measurement = {
  id: 'sandboxAnalysis',
  title: 'Sandbox API while images are analysed',
  async run({ smoke, log }) {
    const sandbox = await startBenchSandbox();
    try {
      const base = sandbox.url;
      const register = async (projectFlow: string, project: string, index: number) => {
        const email = `analysis.${Date.now()}.${index}@example.com`;
        const { status, body } = await callApi(`${base}/v2/app-registrations`, 'POST', {
          project,
          projectFlow,
          firstName: 'Ana',
          lastName: 'García',
          email,
          countryCode: '+57',
          phone: `32${String(index).padStart(8, '0')}`,
        });
        if (status !== 200) throw new Error(`sign-up answered ${status}: ${JSON.stringify(body)}`);
        return { email, token: String(body.data?.['token']) };
      };

      // Fresh validations with their codes, each validated once by the measured requests.
      const perPhase = smoke ? 20 : 400;
      const validations: { email: string; token: string; validation: string; code: string }[] = [];
      await runLoad(perPhase * 2, 10, 300_000, async (index) => {
        const who = await register(DEMO.basicFlow, DEMO.project, index);
        const { status, validation, code } = await sendEmailCode(base, who);
        if (status === 200) validations.push({ ...who, validation, code });
        return status;
      });
      let used = 0;
      const validate = () => {
        const entry = validations[used++];
        if (!entry) return Promise.resolve(0);
        return callApi(
          `${base}/v2/email-validations/${entry.validation}`,
          'PUT',
          { email: entry.email, otp: entry.code },
          entry.token,
        ).then(({ status }) => status);
      };

      // The images' registrations: a flow with a document and a selfie, and no codes.
      const { project, flow } = await createFlow(sandbox, {
        steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'mandatory', liveness: 'mandatory' },
        signUpForm: { firstName: true, lastName: true, email: true, emailGateway: 'none', phone: false },
        document: { compareMinScore: 0.8, maxAttempts: 3 },
        liveness: { livenessMinScore: 0.6, searchMinScore: 0.99, searchMode: 'FAST', maxAttempts: 3 },
      });
      const uploads = [
        ...(await Promise.all(
          SELFIES.map(async (person) => ({ kind: 'selfie', image: base64(await selfie(person)) })),
        )),
        ...(await Promise.all(
          DOCUMENTS.map(async (person) => ({ kind: 'document', image: base64(await cardOnTable({ person })) })),
        )),
      ];
      const people = await Promise.all(uploads.map((_, index) => register(flow, project, 1000 + index)));
      const send = (index: number) => {
        const { kind, image } = uploads[index]!;
        const path = kind === 'selfie' ? 'biometric-validations' : 'document-validations';
        return callApi(
          `${base}/v2/${path}/app-registration`,
          'POST',
          kind === 'selfie' ? { image, os: 'DESKTOP' } : { image },
          people[index]!.token,
        );
      };
      // The models load once per worker thread: loaded before anything is timed.
      const warm = await register(flow, project, 2000);
      const warmed = await callApi(
        `${base}/v2/document-validations/app-registration`,
        'POST',
        { image: uploads.at(-1)!.image },
        warm.token,
      );
      if (warmed.status !== 200) throw new Error(`warm-up document answered ${warmed.status}`);

      const alone = await runLoad(perPhase, CONCURRENCY, 60_000, validate);
      let analysing = true;
      const begin = performance.now();
      const analysed = Promise.all(uploads.map((_, index) => send(index))).finally(() => (analysing = false));
      // Validations, `CONCURRENCY` at a time, for as long as the analyses run.
      const during: number[] = [];
      const duringStatuses: Record<number, number> = {};
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (analysing && used < validations.length) {
            const sent = performance.now();
            const status = await validate();
            during.push(performance.now() - sent);
            duringStatuses[status] = (duringStatuses[status] ?? 0) + 1;
          }
        }),
      );
      const answers = await analysed;
      const analysisMs = performance.now() - begin;
      log(`  ${during.length} code validations during ${round(analysisMs)} ms of analyses`);

      const problems: string[] = [];
      const statuses = answers.map(({ status }) => status);
      if (statuses.some((status) => status !== 200)) problems.push(`uploads answered ${statuses.join(', ')}`);
      if (Object.keys(alone.statuses).some((status) => status !== '200')) {
        problems.push(`code validation alone: ${JSON.stringify(alone.statuses)}`);
      }
      if (Object.keys(duringStatuses).some((status) => status !== '200')) {
        problems.push(`code validation during the analyses: ${JSON.stringify(duringStatuses)}`);
      }
      if (during.length < (smoke ? 1 : 20)) problems.push(`only ${during.length} code validations during the analyses`);
      const figures = (result: number[]) => {
        const { p50, p95, p99, max } = summarize(result);
        return { requests: result.length, p50: round(p50), p95: round(p95), p99: round(p99), max: round(max) };
      };
      const quiet = figures(alone.latencies);
      const busy = figures(during);
      return {
        rows: [
          {
            metric: `code validation alone (${CONCURRENCY} in flight)`,
            value: `p50 ${quiet.p50} ms, p99 ${quiet.p99} ms`,
          },
          {
            metric: `code validation while 4 selfies + 2 documents are analysed`,
            value: `p50 ${busy.p50} ms, p99 ${busy.p99} ms (${busy.requests} requests over ${round(analysisMs / 1000, 1)} s)`,
            target: `p99 ≤ ${TARGET_P99_MS} ms`,
            met: busy.p99 <= TARGET_P99_MS,
          },
        ],
        data: { concurrency: CONCURRENCY, analysisMs: round(analysisMs), alone: quiet, duringAnalysis: busy },
        problems,
      };
    } finally {
      await sandbox.close();
    }
  },
};
