import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTER_MODULE, GUIDE_MODULE, NPM_DIR } from './build.js';

/** URL path of a module of the npm build, which the bench pages import as the widget does. */
function npmModulePath(module: string): string {
  if (!existsSync(join(NPM_DIR, module))) throw new Error(`no ${NPM_DIR}/${module}: has the build changed?`);
  return `/${NPM_DIR}/${module}`;
}

/** URL path of the npm build's face detector loader (`loadFaceDetector`: the Worker, or the main-thread fallback). */
export const adapterPath = (): string => npmModulePath(ADAPTER_MODULE);

/** URL path of the npm build's face guide controller (the selfie step's frame loop). */
export const guidePath = (): string => npmModulePath(GUIDE_MODULE);
