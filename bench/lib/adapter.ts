import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR } from './build.js';

/** URL path of the build's face-api adapter chunk (the module the widget imports for the selfie step). */
export function adapterPath(): string {
  const chunk = readdirSync(join(BUILD_DIR, 'chunks')).find((name) => /^face-api-detector-.+\.js$/.test(name));
  if (!chunk) throw new Error(`no face-api-detector chunk in ${BUILD_DIR}/chunks: has the build changed?`);
  return `/build/chunks/${chunk}`;
}
