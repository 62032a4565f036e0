/**
 * The programs the browser tests need from the system: Chromium (Debian's package, or any Chrome
 * named by CHROME_PATH) and ffmpeg (camera fixtures). Installs them with apt-get when running as
 * root on Debian/Ubuntu; otherwise says exactly what to install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** Chrome to test in: CHROME_PATH when set (it must exist), else the first system Chromium found. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  return CHROME_CANDIDATES.find(isExecutable);
}

/** Chromium flags for tests on a machine with no network but loopback (see ENVIRONMENT.md). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Makes sure Chromium and ffmpeg are present, installing Debian's packages when possible.
 * Returns the Chrome path, or throws with instructions.
 */
export function ensureSystemTools() {
  const missing = [];
  if (!findChrome()) missing.push('chromium');
  if (!onPath('ffmpeg')) missing.push('ffmpeg');
  if (missing.length === 0) return findChrome();

  const canApt = process.getuid?.() === 0 && onPath('apt-get');
  if (canApt) {
    console.log(`Installing ${missing.join(' and ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    const chrome = findChrome();
    if (chrome && onPath('ffmpeg')) return chrome;
  }
  throw new Error(
    [
      `Missing: ${missing.join(', ')}. The browser tests need Chromium and ffmpeg.`,
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium ffmpeg',
      '  macOS:          brew install --cask chromium && brew install ffmpeg',
      '  Or point CHROME_PATH at any Chrome or Chromium executable (ffmpeg is still needed).',
    ].join('\n'),
  );
}
