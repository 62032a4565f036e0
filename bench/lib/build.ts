import { spawn } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The build a page loads: the CDN's classic script and the `face/` assets beside it. */
export const BUILD_DIR = 'cdn';
/** The npm build (one ES module per source module): the bench imports the face detector's loader from it. */
export const NPM_DIR = 'dist';
/** The module that loads the widget's face detector (a Worker on the face engine, or the main-thread fallback). */
export const ADAPTER_MODULE = 'capture/face/load-detector.js';
/** The selfie step's frame loop (paced by the video, one detection at a time, then the verdict). */
export const GUIDE_MODULE = 'capture/face/face-guide-controller.js';
/** Files `rollup -c` writes that the bench reads. */
const OUTPUTS = [join(BUILD_DIR, 'verifik-enroll.js'), join(NPM_DIR, ADAPTER_MODULE)];

/** What the build is made from: when any is newer than the entry, the build is stale. */
const INPUTS = ['src', 'rollup.config.mjs', 'scripts/face-assets.mjs', 'package-lock.json'];

const newest = (path: string): number => {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

/** Builds with `rollup -c` unless the build is newer than its sources; answers whether it built. */
export async function ensureBuild(log: (line: string) => void): Promise<boolean> {
  const built = Math.min(...OUTPUTS.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0));
  if (built > Math.max(...INPUTS.map(newest))) return false;
  log(`building ${BUILD_DIR}/ and ${NPM_DIR}/ with rollup -c (sources are newer than the build)…`);
  const logFile = join('.tmp', 'bench', 'rollup.log');
  const child = spawn(join('node_modules', '.bin', 'rollup'), ['-c'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  writeFileSync(logFile, output);
  if (code !== 0) throw new Error(`rollup -c failed (exit ${code}); its output is in ${logFile}`);
  return true;
}
