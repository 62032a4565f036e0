/**
 * The fake-camera videos the browser tests use, and one test-runner group per video: Chromium
 * reads its fake camera from one file per launch, so each video gets its own browser. Tests for
 * a video live in `test/camera/<name>/`. The `camera-denied` group has a fake camera but no
 * automatic permission: headless Chromium refuses the camera as a person would.
 */

/** @typedef {'document' | 'document-blurred' | 'selfie' | 'empty' | 'two-faces' | 'turns' | 'off-centre'} CameraFixture */

/** Frame size of each video. @type {Record<CameraFixture, {width: number, height: number}>} */
export const CAMERA_FIXTURES = {
  document: { width: 1280, height: 720 },
  'document-blurred': { width: 1280, height: 720 },
  selfie: { width: 640, height: 480 },
  empty: { width: 640, height: 480 },
  'two-faces': { width: 640, height: 480 },
  turns: { width: 640, height: 480 },
  'off-centre': { width: 640, height: 480 },
};

/** Where the videos are written (git-ignored). */
export const CAMERA_FIXTURE_DIR = '.tmp/camera';

/**
 * Every test-runner group: `default` (no camera), `camera-denied`, `camera-<fixture>`, and
 * `slow-network` (modules held back on request: its own browser, so no other test file has filled
 * its HTTP cache, and no other file waits on its holds).
 */
export const TEST_GROUPS = [
  'default',
  'camera-denied',
  ...Object.keys(CAMERA_FIXTURES).map((name) => `camera-${name}`),
  'slow-network',
];

/**
 * The folder of a group's test files (`default` takes the rest: test/elements, e2e, react, cdn).
 * @param {string} group
 */
export const groupFolder = (group) =>
  group.startsWith('camera-') ? `test/camera/${group.slice('camera-'.length)}` : `test/${group}`;

/**
 * The same group in Firefox: `firefox` (for `default`) or `firefox-camera-…`. Firefox's fake
 * camera shows a synthetic pattern, so its camera groups see their fixture through the canvas
 * camera (test/helpers/browser/canvas-camera.ts).
 * @param {string} group
 */
/**
 * Groups the Firefox stage leaves out: the off-centre face video (directional hints, the oval
 * under display settings) has been run only through Chromium's fake camera so far.
 */
export const CHROMIUM_ONLY_GROUPS = ['camera-off-centre'];

export const firefoxGroup = (group) => (group === 'default' ? 'firefox' : `firefox-${group}`);
