import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTER_MODULE, NPM_DIR } from './build.js';

/** URL path of the npm build's face-api adapter (the module the widget runs for the selfie step; no imports of its own). */
export function adapterPath(): string {
  if (!existsSync(join(NPM_DIR, ADAPTER_MODULE)))
    throw new Error(`no ${NPM_DIR}/${ADAPTER_MODULE}: has the build changed?`);
  return `/${NPM_DIR}/${ADAPTER_MODULE}`;
}
