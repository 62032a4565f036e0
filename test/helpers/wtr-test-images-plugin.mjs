/**
 * A web-test-runner plugin giving browser tests the JPEG test images that Node builds with sharp
 * (`test/helpers/node/print-test-image.ts`): `executeServerCommand('test-image', {name})`
 * answers the image as base64. Each image is built once per run.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function testImagesPlugin() {
  const images = new Map();
  return {
    name: 'verifik-test-images',
    async executeCommand({ command, payload }) {
      if (command !== 'test-image') return undefined;
      const name = String(payload?.name);
      if (!images.has(name)) {
        images.set(
          name,
          run(process.execPath, ['--import', 'tsx', 'test/helpers/node/print-test-image.ts', name], {
            maxBuffer: 16 * 1024 * 1024,
          }).then(({ stdout }) => stdout),
        );
      }
      return images.get(name);
    },
  };
}
