import type { DevClient } from './auth.js';
import type { FaceEngine } from './biometrics/face-engine.js';
import type { Store } from './db.js';
import type { TokenService } from './tokens.js';

/** What every route module is given. */
export interface SandboxContext {
  store: Store;
  client: DevClient;
  tokens: TokenService;
  /** The face models, loaded on first use (about half a second). */
  faces: () => Promise<FaceEngine>;
  /** A random secret kept in the database under `name`, created on first use. */
  secret: (name: string) => Buffer;
  /** The clock, injectable so tests can move time. */
  now: () => Date;
}

/** Collection names in the store. */
export const COLLECTIONS = {
  projects: 'projects',
  projectFlows: 'projectFlows',
  appRegistrations: 'appRegistrations',
  informationValidations: 'informationValidations',
  emailValidations: 'emailValidations',
  phoneValidations: 'phoneValidations',
  documentValidations: 'documentValidations',
  biometricValidations: 'biometricValidations',
  compareFaceVerifications: 'compareFaceVerifications',
  persons: 'persons',
  signatures: 'signatures',
  outbox: 'outbox',
} as const;
