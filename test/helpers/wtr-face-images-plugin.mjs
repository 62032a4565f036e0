/**
 * A web-test-runner plugin giving browser tests the images of `test/helpers/node/face-images.ts`
 * (built with sharp in Node): `longServerCommand('face-image', {kind: 'card' | 'selfie', person,
 * documentNumber?})` answers a base64 JPEG.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LongWork } from './wtr-long-command.mjs';

const run = promisify(execFile);

export function faceImagesPlugin() {
  const images = new LongWork();
  return {
    name: 'verifik-face-images',
    executeCommand({ command, payload }) {
      if (command !== 'face-image') return undefined;
      const number = payload.documentNumber ? [payload.documentNumber] : [];
      return images.answer(`${payload.kind}:${payload.person}:${number.join('')}`, async () => {
        const { stdout } = await run(
          process.execPath,
          ['--import', 'tsx', 'test/helpers/node/print-face-image.ts', payload.kind, payload.person, ...number],
          { maxBuffer: 16 * 1024 * 1024 },
        );
        return stdout;
      });
    },
  };
}
