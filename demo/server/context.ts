import type { DevClient } from './auth.js';
import type { Store } from './db.js';

/** What every route module is given. */
export interface SandboxContext {
  store: Store;
  client: DevClient;
  /** The clock, injectable so tests can move time. */
  now: () => Date;
}

/** Collection names in the store. */
export const COLLECTIONS = {
  projects: 'projects',
  projectFlows: 'projectFlows',
} as const;
