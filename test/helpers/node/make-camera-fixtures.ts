/**
 * `node --import tsx test/helpers/node/make-camera-fixtures.ts <dir>`: writes every fake-camera
 * video and its scenes into `<dir>` (those already there are kept) and prints
 * `{name: {video, scenes}}` (their paths) as JSON.
 */
import { resolve } from 'node:path';
import { CAMERA_FIXTURES, type CameraFixture } from '../camera/camera-groups.mjs';
import { makeCameraFixture, makeCameraScenes } from './camera-fixtures.js';

const dir = resolve(process.argv[2] ?? '.tmp/camera');
const paths: Record<string, { video: string; scenes: string }> = {};
for (const name of Object.keys(CAMERA_FIXTURES) as CameraFixture[]) {
  paths[name] = { video: await makeCameraFixture(name, dir), scenes: await makeCameraScenes(name, dir) };
}
process.stdout.write(JSON.stringify(paths));
