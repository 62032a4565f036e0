/**
 * A web-test-runner plugin giving browser tests the images of `test/helpers/node/face-images.ts`
 * (built with sharp in Node): `executeServerCommand('face-image', {kind: 'card' | 'selfie',
 * person})` answers a base64 JPEG.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function faceImagesPlugin() {
  const cache = new Map();
  return {
    name: 'verifik-face-images',
    async executeCommand({ command, payload }) {
      if (command !== 'face-image') return undefined;
      const key = `${payload.kind}:${payload.person}`;
      if (!cache.has(key)) {
        const { stdout } = await run(
          process.execPath,
          ['--import', 'tsx', 'test/helpers/node/print-face-image.ts', payload.kind, payload.person],
          { maxBuffer: 16 * 1024 * 1024 },
        );
        cache.set(key, stdout);
      }
      return cache.get(key);
    },
  };
}
