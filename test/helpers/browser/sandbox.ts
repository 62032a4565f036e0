import { executeServerCommand } from '@web/test-runner-commands';
import { longServerCommand } from './server-command.js';
import { RegistrantApi } from '../../../src/api/registrant-api.js';
import type { ProjectFlow } from '../../../src/api/types.js';

/** The sandbox the test runner started for this run (see `test/helpers/wtr-sandbox-plugin.mjs`). */
export interface SandboxInfo {
  url: string;
  clientToken: string;
  /** The sandbox's data folder (its database). */
  dataDir: string;
}

export const sandbox = (await executeServerCommand('sandbox-info')) as SandboxInfo;

/** Stops the sandbox (its port and data are kept for {@link restartSandbox}). */
export const stopSandbox = () => executeServerCommand('sandbox-stop');

/** Starts the stopped sandbox again on the same port and data, and resolves once it listens. */
export const restartSandbox = () => longServerCommand<true>('sandbox-start');

/** Ids of the records the sandbox seeds on first start (`demo/server/seed.ts`). */
export const DEMO = {
  project: '65a1d3e0c0ffee0000000001',
  basicFlow: '65a1d3e0c0ffee0000000002',
  fullFlow: '65a1d3e0c0ffee0000000003',
  loginFlow: '65a1d3e0c0ffee0000000004',
} as const;

/** A registrant client of the sandbox for `projectFlow` (the widget's own, without a token endpoint). */
export function registrantApi(project: string = DEMO.project, projectFlow: string = DEMO.basicFlow): RegistrantApi {
  return new RegistrantApi({
    apiUrl: sandbox.url,
    project,
    projectFlow,
    tokenEndpoint: undefined,
    fetch: undefined,
    onToken: () => {},
  });
}

/** Calls an admin endpoint of the sandbox with its client token; answers the `data`. */
export async function adminPost<T = { _id: string }>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.clientToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()).data as T;
}

/** Reads an admin endpoint of the sandbox with its client token; answers the `data`. */
export async function adminGet<T = Record<string, unknown>>(path: string): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    headers: { authorization: `Bearer ${sandbox.clientToken}` },
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()).data as T;
}

/** A new project with one active onboarding flow of `onboardingSettings`; answers the stored flow. */
export async function createFlow(onboardingSettings: Record<string, unknown>): Promise<ProjectFlow> {
  const project = await adminPost('/v2/projects', { name: 'Test bank', allowedCountries: ['Colombia', 'Brazil'] });
  return adminPost<ProjectFlow>('/v2/project-flows', {
    project: project._id,
    type: 'onboarding',
    status: 'active',
    onboardingSettings,
  });
}

/**
 * A test image built in Node from the face-api demo photos: an ID card front or a selfie, base64
 * JPEG; `card` of `none` is a card without a portrait.
 */
export const faceImage = (
  kind: 'card' | 'selfie',
  person: 'ana' | 'bea' | 'cris' | 'dana' | 'eve' | 'none',
  documentNumber?: string,
) => longServerCommand<string>('face-image', { kind, person, ...(documentNumber ? { documentNumber } : {}) });
