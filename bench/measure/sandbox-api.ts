import { runLoad, type LoadResult } from '../lib/load.js';
import { callApi, DEMO, sendEmailCode, startBenchSandbox } from '../lib/sandbox.js';
import { median, round, summarize } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

const CONCURRENCY = 10;
/** Create-registration's p50 over the last tenth of the registrations may be at most this × the first tenth's. */
const GROWTH_TARGET = 1.3;

interface Registered {
  id: string;
  token: string;
  email: string;
}

const figures = (result: LoadResult) => {
  const latency = summarize(result.latencies);
  const tenth = Math.max(1, Math.floor(result.latencies.length / 10));
  return {
    /** Median latency of the first and the last tenth of the requests (does it slow down as data grows?). */
    p50FirstLastTenthMs: [
      round(median(result.latencies.slice(0, tenth))),
      round(median(result.latencies.slice(-tenth))),
    ],
    requests: result.latencies.length,
    seconds: round(result.elapsedMs / 1000, 2),
    requestsPerSecond: round(result.requestsPerSecond),
    latencyMs: { p50: round(latency.p50), p95: round(latency.p95), p99: round(latency.p99), max: round(latency.max) },
    statuses: result.statuses,
  };
};

/**
 * 6. The sandbox API under load on loopback: requests per second and latency of
 * create-registration (`POST /v2/app-registrations`, the seeded Basic flow, a new person each)
 * and of code validation (`PUT /v2/email-validations/{id}`, each request on its own fresh
 * validation: first a wrong code, then the right one), `CONCURRENCY` requests in flight, bounded
 * by count and time. The sandbox runs in its own process; the load is Node's fetch (undici,
 * keep-alive), not a dedicated load tool.
 */
export const sandboxApi: Measurement = {
  id: 'sandboxApi',
  title: 'Sandbox API under load',
  async run({ smoke, log }) {
    const count = smoke ? 40 : 2000;
    const maxMs = smoke ? 10_000 : 15_000;
    // Every registration is created (the growth figure compares the first and the last 200).
    const createMs = smoke ? 10_000 : 120_000;
    const sandbox = await startBenchSandbox();
    try {
      const base = sandbox.url;
      const stamp = Date.now();
      const registered: Registered[] = [];
      const register = async (index: number) => {
        const email = `load.${stamp}.${index}@example.com`;
        const { status, body } = await callApi(`${base}/v2/app-registrations`, 'POST', {
          project: DEMO.project,
          projectFlow: DEMO.basicFlow,
          firstName: 'Ana',
          lastName: 'García',
          email,
          countryCode: '+57',
          phone: `31${String(index).padStart(8, '0')}`,
          language: 'es',
        });
        const data = body.data as { appRegistration?: { _id: string }; token?: string } | undefined;
        if (status === 200 && data?.appRegistration && data.token) {
          registered.push({ id: data.appRegistration._id, token: data.token, email });
        }
        return status;
      };
      // Warm-up: connections, JIT, the first SQLite pages.
      await runLoad(20, CONCURRENCY, maxMs, (index) => register(1_000_000 + index));
      registered.length = 0;
      const create = await runLoad(count, CONCURRENCY, createMs, register);
      log(`  create-registration: ${create.latencies.length} requests, ${round(create.requestsPerSecond)}/s`);

      // Not measured: one email code per registration, read from the dev outbox.
      const validations: { who: Registered; validation: string; code: string }[] = [];
      await runLoad(registered.length, CONCURRENCY, 120_000, async (index) => {
        const who = registered[index]!;
        const { status, validation, code } = await sendEmailCode(base, who);
        if (status === 200) validations.push({ who, validation, code });
        return status;
      });
      const check = (code: (entry: (typeof validations)[number]) => string) => (index: number) => {
        const entry = validations[index]!;
        return callApi(
          `${base}/v2/email-validations/${entry.validation}`,
          'PUT',
          { email: entry.who.email, otp: code(entry) },
          entry.who.token,
        ).then(({ status }) => status);
      };
      const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const wrong = await runLoad(
        validations.length,
        CONCURRENCY,
        maxMs,
        check((entry) => wrongCode(entry.code)),
      );
      const right = await runLoad(
        validations.length,
        CONCURRENCY,
        maxMs,
        check((entry) => entry.code),
      );
      log(`  code validation: ${right.latencies.length} right codes, ${round(right.requestsPerSecond)}/s`);

      const problems: string[] = [];
      const expect = (name: string, result: LoadResult, status: number) => {
        const other = Object.entries(result.statuses).filter(([code]) => Number(code) !== status);
        if (result.latencies.length < (smoke ? count : 100))
          problems.push(`${name}: only ${result.latencies.length} requests`);
        if (other.length) problems.push(`${name}: unexpected statuses ${JSON.stringify(result.statuses)}`);
      };
      expect('create-registration', create, 200);
      expect('wrong code', wrong, 403);
      expect('right code', right, 200);

      const row = (metric: string, result: LoadResult) => {
        const { requestsPerSecond, latencyMs, p50FirstLastTenthMs } = figures(result);
        return {
          metric,
          value:
            `${requestsPerSecond}/s, p50 ${latencyMs.p50} ms, p99 ${latencyMs.p99} ms ` +
            `(p50 of the first / last tenth: ${p50FirstLastTenthMs.join(' / ')} ms)`,
        };
      };
      const [firstTenth, lastTenth] = figures(create).p50FirstLastTenthMs as [number, number];
      const growth = round(lastTenth / firstTenth, 2);
      return {
        rows: [
          row(`create-registration (${CONCURRENCY} in flight)`, create),
          {
            metric: `create-registration p50, last ÷ first tenth of ${create.latencies.length} registrations`,
            value: `${growth}×`,
            target: `≤ ${GROWTH_TARGET}×`,
            met: growth <= GROWTH_TARGET,
          },
          row(`code validation, right code (${CONCURRENCY} in flight)`, right),
          row(`code validation, wrong code (${CONCURRENCY} in flight)`, wrong),
        ],
        data: {
          concurrency: CONCURRENCY,
          client: "Node's fetch (undici, keep-alive) in the bench process; the sandbox in its own process",
          createRegistration: figures(create),
          codeValidationRight: figures(right),
          codeValidationWrong: figures(wrong),
        },
        problems,
      };
    } finally {
      await sandbox.close();
    }
  },
};
