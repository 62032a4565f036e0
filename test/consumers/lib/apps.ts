import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Where the apps are copied, installed and built: outside the repository's tracked files. */
export const WORK = join(ROOT, '.tmp', 'consumers');
/** A local npm cache, so a second run installs from disk. */
const CACHE = join(ROOT, '.tmp', 'npm-cache');

const run = promisify(execFile);

/** Runs a command in `cwd`; on failure the error carries its output. */
export async function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    return await run(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} (in ${relative(ROOT, cwd)}) failed:\n${stdout}\n${stderr}`);
  }
}

/**
 * `npm pack` of the built package (dist/ and cdn/ must be built): the tarball integrators get.
 * `CONSUMER_TARBALL` tests another tarball instead (a release candidate, an older version).
 */
export async function packPackage(): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  if (process.env['CONSUMER_TARBALL']) return process.env['CONSUMER_TARBALL'];
  for (const name of readdirSync(WORK)) if (name.endsWith('.tgz')) rmSync(join(WORK, name));
  const { stdout } = await sh('npm', ['pack', '--json', '--pack-destination', WORK], ROOT);
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return join(WORK, packed!.filename);
}

/**
 * Copies the app kept in test/consumers/<name> to .tmp/consumers/<name> (keeping an earlier
 * run's node_modules) and installs its pinned dependencies and the tarball into it.
 */
export async function installApp(name: string, tarball: string): Promise<string> {
  const dir = join(WORK, name);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) if (entry !== 'node_modules') rmSync(join(dir, entry), { recursive: true });
  cpSync(join(ROOT, 'test', 'consumers', name), dir, { recursive: true });
  await sh('npm', ['install', '--no-audit', '--no-fund', '--cache', CACHE, tarball], dir);
  return dir;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The package as an app installed it. */
export const installedPackage = (appDir: string) => join(appDir, 'node_modules', 'verifik-enroll');

/** The shipped face assets: name → bytes, from an unpacked or installed package. */
function shippedFaceAssets(packageDir: string): Map<string, Buffer> {
  const folder = join(packageDir, 'dist', 'face');
  return new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]));
}

/**
 * Where an app's build put each face asset: name → path inside `outDir` of the file with the same
 * bytes (a bundler renames them), or `inlined` when the build's JavaScript carries it as a `data:`
 * URL, or `undefined` when it is missing.
 */
export function locateFaceAssets(packageDir: string, outDir: string): Map<string, string | undefined> {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const byHash = new Map(files.map((file) => [sha(readFileSync(file)), relative(outDir, file).split('\\').join('/')]));
  const scripts = files.filter((file) => file.endsWith('.js')).map((file) => readFileSync(file, 'utf8'));
  const located = new Map<string, string | undefined>();
  for (const [name, bytes] of shippedFaceAssets(packageDir)) {
    const inlined = scripts.some((script) => script.includes(bytes.toString('base64')));
    located.set(name, byHash.get(sha(bytes)) ?? (inlined ? 'inlined' : reminified(name, bytes, files, outDir)));
  }
  return located;
}

/** A name each face module keeps through any minifier (a property or a global it reads). */
const MARKERS: Record<string, string> = {
  'face-engine.js': 'faceLandmark68TinyNet',
  'face-worker.js': 'OffscreenCanvas',
};

/**
 * webpack's default minifier runs over every JavaScript file it emits, `new URL()` assets too, so
 * the face modules arrive re-minified: a JavaScript file of about the same size that holds the
 * module's marker.
 */
function reminified(name: string, bytes: Buffer, files: string[], outDir: string): string | undefined {
  const marker = MARKERS[name];
  if (!marker) return undefined;
  const match = files.find((file) => {
    const size = statSync(file).size;
    return (
      file.endsWith('.js') &&
      size > bytes.length * 0.9 &&
      size < bytes.length * 1.5 &&
      readFileSync(file, 'utf8').includes(marker)
    );
  });
  return match && relative(outDir, match).split('\\').join('/');
}
