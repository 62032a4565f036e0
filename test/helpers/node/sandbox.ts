import Database from 'better-sqlite3';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../demo/server/sandbox.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from the server under test
}

export interface TestSandbox {
  sandbox: Sandbox;
  dataDir: string;
  /** Calls the sandbox over real HTTP with the client token unless `token` is given (null: none). */
  api(
    method: string,
    path: string,
    body?: unknown,
    options?: { token?: string | null; raw?: string; contentType?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
  /** Stops the server and starts it again on the same data folder. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** One request through node:http, which sends the headers as given (Host included). */
function rawApi(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  payload: string | undefined,
): Promise<ApiResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, method, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') answerHeaders.set(name, value);
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: answerHeaders,
          body: text ? JSON.parse(text) : undefined,
        });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** A sandbox on a free port with its own temporary data folder, removed on close. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verifik-sandbox-'));
  let sandbox = await startSandbox({ ...options, dataDir, port: 0 });
  const test: TestSandbox = {
    get sandbox() {
      return sandbox;
    },
    dataDir,
    async api(method, path, body, { token, raw, contentType, headers: extra = {} } = {}) {
      const headers: Record<string, string> = { ...extra };
      const bearer = token === undefined ? sandbox.client.token : token;
      if (bearer !== null) headers['authorization'] = `Bearer ${bearer}`;
      const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
      if (payload !== undefined) headers['content-type'] = contentType ?? 'application/json';
      // fetch() drops a Host header: requests that set one go through node:http.
      if (headers['host']) return rawApi(sandbox.url, method, path, headers, payload);
      const response = await fetch(sandbox.url + path, { method, headers, body: payload });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    async restart() {
      await sandbox.close();
      sandbox = await startSandbox({ ...options, dataDir, port: 0 });
    },
    async close() {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}

const FIXTURES = new URL('../../fixtures/seed-flows/', import.meta.url);

/**
 * The documented flow payloads of `test/fixtures/seed-flows`, by file name. Their `webhook` is a
 * placeholder id, as their project is: replaced by `webhook` (a real one), or left out.
 */
export function seedFlowPayloads(webhook?: string): Map<string, Record<string, unknown>> {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
  const read = (name: string) => {
    const { webhook: _placeholder, ...body } = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
    return _placeholder === undefined || webhook === undefined ? body : { ...body, webhook };
  };
  return new Map(files.map((name) => [name, read(name)]));
}

/** A webhook resource of the sandbox's client pointing at `url`; answers its id. */
export async function createWebhook(sandbox: TestSandbox, url = 'http://127.0.0.1:9/hook'): Promise<string> {
  const response = await sandbox.api('POST', '/v2/webhooks', { name: 'Test receiver', url, isActive: true });
  if (response.status !== 200) throw new Error(`webhook not created: ${JSON.stringify(response.body)}`);
  return response.body.data._id as string;
}

/** A project to attach flows to. */
export async function createProject(sandbox: TestSandbox, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await sandbox.api('POST', '/v2/projects', {
    name: 'Test bank',
    allowedCountries: ['Colombia', 'Mexico'],
    contactEmail: 'kyc@bank.example',
    privacyUrl: 'https://bank.example/privacy',
    termsAndConditionsUrl: 'https://bank.example/terms',
    ...overrides,
  });
  if (response.status !== 200) throw new Error(`project not created: ${JSON.stringify(response.body)}`);
  return response.body.data._id as string;
}

/** Every stored record of `collection` (read straight from the database file, as a person with the folder would). */
export function storedRecords(dataDir: string, collection: string): Record<string, unknown>[] {
  const db = new Database(join(dataDir, 'sandbox.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT doc FROM documents WHERE collection = ?').all(collection) as { doc: string }[];
    return rows.map((row) => JSON.parse(row.doc) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

/** A fingerprint of everything stored (every record and its contents), to prove a request changed nothing. */
export function storedState(dataDir: string): string {
  const db = new Database(join(dataDir, 'sandbox.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT collection, _id, doc FROM documents ORDER BY collection, _id').all();
    return JSON.stringify(rows);
  } finally {
    db.close();
  }
}
