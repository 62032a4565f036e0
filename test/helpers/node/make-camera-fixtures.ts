/**
 * `node --import tsx test/helpers/node/make-camera-fixtures.ts <dir>`: writes every fake-camera
 * video into `<dir>` (those already there are kept) and prints `{name: path}` as JSON.
 */
import { resolve } from 'node:path';
import { CAMERA_FIXTURES, type CameraFixture } from '../camera/camera-groups.mjs';
import { makeCameraFixture } from './camera-fixtures.js';

const dir = resolve(process.argv[2] ?? '.tmp/camera');
const paths: Record<string, string> = {};
for (const name of Object.keys(CAMERA_FIXTURES) as CameraFixture[]) paths[name] = await makeCameraFixture(name, dir);
process.stdout.write(JSON.stringify(paths));
