/**
 * The canvas camera (test/helpers/browser/canvas-camera.ts) on the test runner's side: a plugin
 * answering `executeServerCommand('camera-scenes', {fixture})` with the fixture's pictures, and
 * the test page that installs the camera before the test file runs.
 */
import { readFile } from 'node:fs/promises';

/** `scenes`: the scenes file of each fixture (as make-camera-fixtures.ts prints them). */
export function canvasCameraPlugin(scenes) {
  return {
    name: 'verifik-canvas-camera',
    async executeCommand({ command, payload }) {
      if (command !== 'camera-scenes') return undefined;
      const file = scenes[payload.fixture];
      if (!file) throw new Error(`no camera fixture named ${payload.fixture}`);
      return JSON.parse(await readFile(file, 'utf8'));
    },
  };
}

/**
 * A `testRunnerHtml` whose camera shows `fixture`. Module scripts run in document order, so the
 * camera is in place before the test file and its helpers take `getUserMedia`.
 */
export const canvasCameraPage = (fixture) => (testFramework) => `<!DOCTYPE html>
<html>
  <body>
    <script type="module">
      import { installCanvasCamera } from '/test/helpers/browser/canvas-camera.ts';
      installCanvasCamera(${JSON.stringify(fixture)});
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
