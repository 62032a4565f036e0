/**
 * The programs the browser tests need from the system: Chromium (Debian's package, or any Chrome
 * named by CHROME_PATH), Firefox ESR (Debian's package, or any Firefox named by FIREFOX_PATH) and
 * ffmpeg (camera fixtures). Installs them with apt-get when running as root on Debian/Ubuntu;
 * otherwise says exactly what to install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** The executable named by the environment variable `variable` (it must exist), else the first candidate found. */
function findBrowser(variable, candidates) {
  const fromEnv = process.env[variable];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${variable} is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  return candidates.find(isExecutable);
}

/** Chrome to test in: CHROME_PATH when set (it must exist), else the first system Chromium found. */
export const findChrome = () => findBrowser('CHROME_PATH', CHROME_CANDIDATES);

/** Firefox to test in: FIREFOX_PATH when set (it must exist), else the system Firefox ESR (or Firefox). */
export const findFirefox = () => findBrowser('FIREFOX_PATH', FIREFOX_CANDIDATES);

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
 * Firefox preferences for tests: a fake camera that needs no permission prompt (its synthetic
 * pattern is replaced by pictures in the camera tests, see test/helpers/browser/canvas-camera.ts).
 */
export const FIREFOX_PREFS = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
};

/**
 * The system packages each browser's tests need, by Debian package name, with how to find them
 * and what to do elsewhere.
 */
const TOOLS = {
  chromium: {
    found: () => findChrome() !== undefined,
    elsewhere: 'macOS: brew install --cask chromium; or point CHROME_PATH at any Chrome or Chromium executable',
  },
  'firefox-esr': {
    found: () => findFirefox() !== undefined,
    elsewhere: 'macOS: brew install --cask firefox@esr; or point FIREFOX_PATH at any Firefox executable',
  },
  ffmpeg: { found: () => onPath('ffmpeg'), elsewhere: 'macOS: brew install ffmpeg' },
};

/**
 * Makes sure the system `packages` are present (by default Chromium and ffmpeg), installing
 * Debian's packages when possible; throws with instructions otherwise.
 * @param {Array<keyof typeof TOOLS>} [packages]
 */
export function ensureSystemTools(packages = ['chromium', 'ffmpeg']) {
  const missing = packages.filter((name) => !TOOLS[name].found());
  if (missing.length === 0) return;

  const canApt = process.getuid?.() === 0 && onPath('apt-get');
  if (canApt) {
    console.log(`Installing ${missing.join(' and ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    if (missing.every((name) => TOOLS[name].found())) return;
  }
  throw new Error(
    [
      `Missing: ${missing.join(', ')}. The browser tests need ${packages.join(', ')}.`,
      `  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
      ...missing.map((name) => `  ${TOOLS[name].elsewhere}`),
    ].join('\n'),
  );
}
