import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import * as cpuKernels from '../../src/capture/face/engine/cpu-kernels.js';
import {
  DETECTOR_INPUT_SIZE,
  DETECTOR_SCORE_THRESHOLD,
  type FaceApiResult,
} from '../../src/capture/face/engine/face-api-results.js';
import * as wasmKernels from '../../src/capture/face/engine/wasm-kernels.js';
import { groupPhoto, idCardFront, noFace, PEOPLE, selfie, type Person } from '../helpers/node/face-images.js';

/**
 * The face engine registers only the kernels the two tiny models run (a missing one would fail
 * every detection in the browser). Here face-api runs in Node with the whole tfjs, on every face
 * picture the tests use, and tfjs' profiler names each kernel it ran.
 */

const require = createRequire(import.meta.url);
const MODELS = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
const MODEL_NAMES = ['tiny_face_detector_model', 'face_landmark_68_tiny_model'] as const;

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string };
}

const manifest = (model: string) =>
  (
    JSON.parse(readFileSync(join(MODELS, `${model}-weights_manifest.json`), 'utf8')) as { weights: WeightSpec[] }[]
  ).flatMap((group) => group.weights);

/** face-api in Node on the wasm backend, with both tiny models loaded as the engine loads them. */
async function nodeFaceApi() {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const { tf } = faceapi;
  await tf.setBackend('wasm');
  await tf.ready();
  for (const [net, model] of [
    ['tinyFaceDetector', MODEL_NAMES[0]],
    ['faceLandmark68TinyNet', MODEL_NAMES[1]],
  ] as const) {
    const bin = readFileSync(join(MODELS, `${model}.bin`));
    faceapi.nets[net].loadFromWeightMap(tf.io.decodeWeights(new Uint8Array(bin).buffer, manifest(model)));
  }
  return faceapi;
}

/** Every picture with faces (or none) the tests use. */
async function pictures(): Promise<Buffer[]> {
  const people = Object.keys(PEOPLE) as Person[];
  return [
    ...(await Promise.all(people.map((person) => selfie(person)))),
    ...(await Promise.all(people.map((person) => idCardFront(person)))),
    await groupPhoto(),
    await noFace(),
  ];
}

const kernelNames = (kernels: Record<string, { kernelName: string }>) =>
  Object.values(kernels)
    .map((kernel) => kernel.kernelName)
    .sort();

describe('face engine kernels and weights', () => {
  it('registers, on wasm and on cpu, exactly the kernels the two models run on every test picture', async () => {
    const faceapi = await nodeFaceApi();
    const { tf } = faceapi;
    const options = new faceapi.TinyFaceDetectorOptions({
      inputSize: DETECTOR_INPUT_SIZE,
      scoreThreshold: DETECTOR_SCORE_THRESHOLD,
    });
    const ran = new Set<string>();
    let faces = 0;
    for (const picture of await pictures()) {
      const { data, info } = await sharp(picture).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const pixels = tf.tensor3d(new Uint8Array(data), [info.height, info.width, 3], 'int32');
      const profile = await tf.profile(async () => {
        const found: FaceApiResult[] = await faceapi.detectAllFaces(pixels, options).withFaceLandmarks(true);
        faces += found.length;
      });
      pixels.dispose();
      for (const name of profile.kernelNames as string[]) ran.add(name);
    }
    // The landmarks only run where a face was found: without faces the list would be short.
    assert.ok(faces >= 10, `faces found on the pictures: ${faces}`);
    assert.deepEqual(kernelNames(wasmKernels), [...ran].sort());
    assert.deepEqual(kernelNames(cpuKernels), [...ran].sort());
  });

  it('ships the models with 8-bit weights: one byte per weight, decoded by the manifest', () => {
    for (const model of MODEL_NAMES) {
      const weights = manifest(model);
      assert.ok(
        weights.every((weight) => weight.dtype === 'float32' && weight.quantization?.dtype === 'uint8'),
        `${model}: every weight quantised to uint8`,
      );
      const count = weights.reduce((sum, weight) => sum + weight.shape.reduce((product, size) => product * size, 1), 0);
      assert.equal(readFileSync(join(MODELS, `${model}.bin`)).length, count, `${model}: one byte per weight`);
    }
  });
});
