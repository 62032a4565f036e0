import { executeServerCommand } from '@web/test-runner-commands';

/** The sandbox the test runner started for this run (see `test/helpers/wtr-sandbox-plugin.mjs`). */
export interface SandboxInfo {
  url: string;
  clientToken: string;
}

export const sandbox = (await executeServerCommand('sandbox-info')) as SandboxInfo;

/** Ids of the records the sandbox seeds on first start (`demo/server/seed.ts`). */
export const DEMO = {
  project: '65a1d3e0c0ffee0000000001',
  basicFlow: '65a1d3e0c0ffee0000000002',
  fullFlow: '65a1d3e0c0ffee0000000003',
  loginFlow: '65a1d3e0c0ffee0000000004',
} as const;
