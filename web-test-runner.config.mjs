import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faceAssetsMiddleware } from './scripts/face-assets.mjs';
import { CHROME_ARGS, findChrome } from './scripts/system-tools.mjs';
import { CAMERA_FIXTURE_DIR, CAMERA_FIXTURES, firefoxGroup } from './test/helpers/camera/camera-groups.mjs';
import { canvasCameraPage, canvasCameraPlugin } from './test/helpers/wtr-canvas-camera.mjs';
import { faceImagesPlugin } from './test/helpers/wtr-face-images-plugin.mjs';
import { handoffPhonePlugin } from './test/helpers/wtr-handoff-phone-plugin.mjs';
import { holdModulesPlugin } from './test/helpers/wtr-hold-modules-plugin.mjs';
import { reactPlugin } from './test/helpers/wtr-react-plugin.mjs';
import { firefoxLauncher } from './test/helpers/wtr-firefox-launcher.mjs';
import { sandboxPlugin } from './test/helpers/wtr-sandbox-plugin.mjs';

const executablePath = findChrome();
if (!executablePath) {
  throw new Error(
    'No Chromium found: install it (apt-get install chromium) or set CHROME_PATH. `npm test` installs it when it can.',
  );
}

const chromium = (args = []) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath, headless: true, args: [...CHROME_ARGS, ...args] },
  });

/**
 * The fake-camera videos and their pictures (for the canvas camera), made once per version of
 * their recipe (see camera-fixtures.ts): `{fixture: {video, scenes}}`.
 */
function cameraFixtures() {
  const recipe = createHash('sha256');
  for (const file of ['camera-fixtures.ts', 'document-scenes.ts', 'face-images.ts']) {
    recipe.update(readFileSync(new URL(`./test/helpers/node/${file}`, import.meta.url)));
  }
  const dir = join(CAMERA_FIXTURE_DIR, recipe.digest('hex').slice(0, 12));
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'test/helpers/node/make-camera-fixtures.ts', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output);
}

/** Whether something may listen on `port` now. */
const canListen = (port) =>
  new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, () => server.close(() => resolve(true)));
  });

/**
 * The dev server's port. Left alone, web-test-runner takes the first free port from 8000, and two
 * runs started together (suites side by side on one machine) can both pick it: one then fails to
 * listen. A random free port in 10000–19999 (below the sandboxes' 20000–32000 and Linux's ephemeral
 * range) makes that unlikely; after 20 taken ones, web-test-runner searches as usual.
 */
async function devServerPort() {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 10_000 + Math.floor(Math.random() * 10_000);
    if (await canListen(port)) return port;
  }
  return undefined;
}

const FAKE_CAMERA = ['--use-fake-device-for-media-stream'];
const fixtures = cameraFixtures();
const scenes = Object.fromEntries(Object.entries(fixtures).map(([name, files]) => [name, files.scenes]));

/** A person ahead of the network: step modules held back (their own group, see the groups below). */
const SLOW_NETWORK = 'test/slow-network/**/*.test.ts';

/** The tests that need no camera: elements, whole flows, the React wrapper, the CDN script. */
const NO_CAMERA = [
  'test/elements/**/*.test.ts',
  'test/e2e/**/*.test.ts',
  'test/react/**/*.test.tsx',
  'test/cdn/**/*.test.ts',
];

export default {
  port: await devServerPort(),
  files: NO_CAMERA,
  nodeResolve: true,
  middleware: [faceAssetsMiddleware()],
  plugins: [
    esbuildPlugin({
      ts: true,
      tsx: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    sandboxPlugin(),
    holdModulesPlugin(),
    reactPlugin(),
    faceImagesPlugin(),
    canvasCameraPlugin(scenes),
    // The phone of the cross-device tests: its camera shows the selfie fixture's face.
    handoffPhonePlugin({ camera: fixtures.selfie.video }),
  ],
  browsers: [chromium()],
  groups: [
    // A camera the person refuses: no automatic permission, so headless Chromium denies it.
    { name: 'camera-denied', files: 'test/camera/denied/**/*.test.ts', browsers: [chromium(FAKE_CAMERA)] },
    ...Object.keys(CAMERA_FIXTURES).map((name) => ({
      name: `camera-${name}`,
      files: `test/camera/${name}/**/*.test.ts`,
      browsers: [
        chromium([
          ...FAKE_CAMERA,
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${fixtures[name].video}`,
        ]),
      ],
    })),
    // Module requests held back on request (test/helpers/wtr-hold-modules-plugin.mjs): a browser of its own.
    { name: 'slow-network', files: SLOW_NETWORK, browsers: [chromium()] },
    // The second browser, the same groups: its camera groups see their fixture through the canvas camera.
    { name: firefoxGroup('default'), files: NO_CAMERA, browsers: [firefoxLauncher()] },
    { name: firefoxGroup('slow-network'), files: SLOW_NETWORK, browsers: [firefoxLauncher()] },
    {
      name: firefoxGroup('camera-denied'),
      files: 'test/camera/denied/**/*.test.ts',
      // Camera permission asked for, and refused as a person refusing the prompt would.
      browsers: [firefoxLauncher({ 'media.navigator.permission.disabled': false, 'permissions.default.camera': 2 })],
    },
    ...Object.keys(CAMERA_FIXTURES).map((name) => ({
      name: firefoxGroup(`camera-${name}`),
      files: `test/camera/${name}/**/*.test.ts`,
      browsers: [firefoxLauncher()],
      testRunnerHtml: canvasCameraPage(name),
    })),
  ],
  // A test's budget, not a wait: tests wait on events, frames and requests and end as soon as they
  // arrive. The budget only bounds a test that hangs; on 2 busy cores a sandbox round trip with
  // image analysis can take many seconds, so it is generous.
  testFramework: { config: { timeout: 60_000 } },
  // The same for a whole test file, opening a page and loading it: under heavy load (two runs at
  // once beside other work) a file of whole flows took over 5 minutes, and Chromium over the
  // default 30 s to open a test page.
  testsFinishTimeout: 20 * 60_000,
  browserStartTimeout: 3 * 60_000,
  testsStartTimeout: 3 * 60_000,
};
