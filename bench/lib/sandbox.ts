import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxProcess } from '../../test/helpers/wtr-sandbox-plugin.mjs';

/** Ids the sandbox seeds on first start (demo/server/seed.ts). */
export const DEMO = {
  project: '65a1d3e0c0ffee0000000001',
  basicFlow: '65a1d3e0c0ffee0000000002',
  fullFlow: '65a1d3e0c0ffee0000000003',
} as const;

export interface BenchSandbox {
  url: string;
  clientToken: string;
  /** Calls an admin endpoint with the client token and answers its `data`. */
  admin<T = { _id: string }>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * The real sandbox in its own process (so load on it does not share the bench's event loop),
 * on a free loopback port, with a fresh data folder removed on close.
 */
export async function startBenchSandbox(): Promise<BenchSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verifik-bench-'));
  const { child, info } = await startSandboxProcess(dataDir);
  return {
    url: info.url,
    clientToken: info.clientToken,
    async admin<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(info.url + path, {
        method,
        headers: {
          authorization: `Bearer ${info.clientToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { data: T }).data;
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new project with one active onboarding flow of `onboardingSettings`; answers the flow's and project's ids. */
export async function createFlow(
  sandbox: BenchSandbox,
  onboardingSettings: Record<string, unknown>,
): Promise<{ project: string; flow: string }> {
  const project = await sandbox.admin('POST', '/v2/projects', {
    name: 'Bench bank',
    allowedCountries: ['Colombia'],
  });
  const flow = await sandbox.admin('POST', '/v2/project-flows', {
    project: project._id,
    type: 'onboarding',
    status: 'active',
    onboardingSettings,
  });
  return { project: project._id, flow: flow._id };
}

/** The newest one-time code the dev outbox holds for `to`, waiting up to `timeoutMs` for one other than `after`. */
export async function latestCode(sandboxUrl: string, to: string, after = '', timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${sandboxUrl}/dev/outbox?to=${encodeURIComponent(to)}`);
    const { data } = (await response.json()) as { data: { code?: string }[] };
    const code = data[0]?.code ?? '';
    if (code && code !== after) return code;
    if (Date.now() > deadline) throw new Error(`no code reached ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends a JSON request; answers the status and the parsed body. */
export async function callApi(url: string, method: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as { data?: Record<string, unknown> }) : {} };
}

/**
 * Sends an email code to a registrant of the demo's Basic flow and reads it from the dev outbox
 * (setup, not measured); answers the validation and the code, or the status of a refusal.
 */
export async function sendEmailCode(
  sandboxUrl: string,
  who: { email: string; token: string },
): Promise<{ status: number; validation: string; code: string }> {
  const sent = await callApi(
    `${sandboxUrl}/v2/email-validations/app-registration`,
    'POST',
    {
      project: DEMO.project,
      projectFlow: DEMO.basicFlow,
      validationMethod: 'verificationCode',
      email: who.email,
      type: 'onboarding',
    },
    who.token,
  );
  if (sent.status !== 200) return { status: sent.status, validation: '', code: '' };
  return { status: 200, validation: String(sent.body.data?.['_id']), code: await latestCode(sandboxUrl, who.email) };
}
