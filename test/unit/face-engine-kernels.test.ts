import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import type * as Tf from '@tensorflow/tfjs';
import * as cpuKernels from '../../src/capture/face/engine/cpu-kernels.js';
import {
  DETECT_EDGE,
  DETECTOR_INPUT_SIZE,
  DETECTOR_SCORE_THRESHOLD,
  toDetectedFaces,
  type FaceApiResult,
} from '../../src/capture/face/engine/face-api-results.js';
import type { Box, DetectedFace } from '../../src/capture/face/face-types.js';
import { concatConfig, sliceConfig } from '../../src/capture/face/engine/wasm-copy-kernels.js';
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

/** The tiny detector's options as the engine sets them. */
const detectorOptions = (faceapi: Awaited<ReturnType<typeof nodeFaceApi>>) =>
  new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT_SIZE, scoreThreshold: DETECTOR_SCORE_THRESHOLD });

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

/** Runs `run` with the engine's Slice and Concat in place of tfjs' own on wasm, then puts tfjs' back. */
async function withCopyKernels<T>(tf: typeof Tf, run: () => Promise<T>): Promise<T> {
  const configs = [sliceConfig, concatConfig];
  const stock = configs.map((config) => tf.getKernel(config.kernelName, 'wasm')!);
  const register = (kernels: typeof configs) =>
    kernels.forEach((kernel) => {
      tf.unregisterKernel(kernel.kernelName, 'wasm');
      tf.registerKernel(kernel as Parameters<typeof tf.registerKernel>[0]);
    });
  register(configs);
  try {
    return await run();
  } finally {
    register(stock as typeof configs);
  }
}

/** A small deterministic generator (the same cases on every run). */
function randomInts(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

const kernelNames = (kernels: Record<string, { kernelName: string }>) =>
  Object.values(kernels)
    .map((kernel) => kernel.kernelName)
    .sort();

describe('face engine kernels and weights', () => {
  it('registers, on wasm and on cpu, exactly the kernels the two models run on every test picture', async () => {
    const faceapi = await nodeFaceApi();
    const { tf } = faceapi;
    const options = detectorOptions(faceapi);
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

  it("answers Slice like tfjs' own kernel: every rank, whole and partial axes, int32 and float32", async () => {
    const { tf } = await nodeFaceApi();
    const random = randomInts(7);
    const cases = Array.from({ length: 200 }, (_, n) => {
      const shape = Array.from({ length: 1 + (n % 4) }, () => 1 + random(6));
      const begin = shape.map((length) => random(length));
      // Some axes whole (the runs merge), some partial, some to the end (-1).
      const size = shape.map((length, axis) =>
        random(3) === 0 ? -1 : random(3) === 0 && begin[axis] === 0 ? length : 1 + random(length - begin[axis]!),
      );
      const dtype = n % 2 ? 'int32' : 'float32';
      return { shape, begin, size, dtype } as const;
    });
    const sliced = () =>
      Promise.resolve(
        cases.map(({ shape, begin, size, dtype }) =>
          tf.tidy(() =>
            tf
              .slice(
                tf
                  .range(
                    0,
                    shape.reduce((a, b) => a * b, 1),
                    1,
                    dtype,
                  )
                  .reshape(shape),
                begin,
                size,
              )
              .arraySync(),
          ),
        ),
      );
    assert.deepEqual(await withCopyKernels(tf, sliced), await sliced());
  });

  it("answers Concat like tfjs' own kernel: every axis, one-wide and empty inputs", async () => {
    const { tf } = await nodeFaceApi();
    const random = randomInts(11);
    const cases = Array.from({ length: 120 }, (_, n) => {
      const rank = 1 + (n % 4);
      const axis = random(rank);
      const base = Array.from({ length: rank }, () => 1 + random(5));
      // Along the axis each input has its own length: 0 (empty), 1 (one wide) or more.
      const shapes = Array.from({ length: 1 + random(4) }, () =>
        base.map((length, at) => (at === axis ? random(4) : length)),
      );
      return { shapes, axis, dtype: n % 2 ? 'int32' : 'float32' } as const;
    });
    const joined = () =>
      Promise.resolve(
        cases.map(({ shapes, axis, dtype }) =>
          tf.tidy(() => {
            let next = 0;
            const inputs = shapes.map((shape) => {
              const size = shape.reduce((a, b) => a * b, 1);
              next += size;
              return tf.range(next - size, next, 1, dtype).reshape(shape);
            });
            return tf.concat(inputs, axis).arraySync();
          }),
        ),
      );
    assert.deepEqual(await withCopyKernels(tf, joined), await joined());
  });

  it("finds the same faces and landmarks with the engine's copy kernels as with tfjs' own, on every test picture", async () => {
    const faceapi = await nodeFaceApi();
    const { tf } = faceapi;
    const options = detectorOptions(faceapi);
    const inputs = await Promise.all(
      (await pictures()).map(async (picture) => {
        const { data, info } = await sharp(picture).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        return tf.tensor3d(new Uint8Array(data), [info.height, info.width, 3], 'int32');
      }),
    );
    const detectAll = async () => {
      const found: FaceApiResult[][] = [];
      for (const pixels of inputs) found.push(await faceapi.detectAllFaces(pixels, options).withFaceLandmarks(true));
      return found.map((faces) =>
        faces.map(({ detection: { box, score }, landmarks: { positions } }) => ({
          box: [box.x, box.y, box.width, box.height],
          score,
          positions: positions.map(({ x, y }) => [x, y]),
        })),
      );
    };
    const ours = await withCopyKernels(tf, detectAll);
    const theirs = await detectAll();
    inputs.forEach((pixels) => pixels.dispose());
    assert.ok(theirs.flat().length >= 10, `faces found: ${theirs.flat().length}`);
    assert.deepEqual(ours, theirs);
  });

  it(`finds the same faces and keypoints in a selfie-step frame read at ${DETECT_EDGE} px as at 640 px`, async () => {
    const faceapi = await nodeFaceApi();
    const { tf } = faceapi;
    const options = detectorOptions(faceapi);
    const detect = async (picture: Buffer, maxEdge?: number): Promise<DetectedFace[]> => {
      const resized = maxEdge ? sharp(picture).resize(maxEdge, maxEdge, { fit: 'inside' }) : sharp(picture);
      const { data, info } = await resized.removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const pixels = tf.tensor3d(new Uint8Array(data), [info.height, info.width, 3], 'int32');
      const found: FaceApiResult[] = await faceapi.detectAllFaces(pixels, options).withFaceLandmarks(true);
      pixels.dispose();
      return toDetectedFaces(found, info.width, info.height).sort((a, b) => a.box.x - b.box.x);
    };
    const overlap = (a: Box, b: Box) => {
      const width = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
      const height = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
      const shared = width * height;
      return shared / (a.width * a.height + b.width * b.height - shared);
    };
    let compared = 0;
    // What the selfie step analyses: the camera's frames at 640 px (selfies, a group, no face).
    const people = Object.keys(PEOPLE) as Person[];
    const frames = [
      ...(await Promise.all(people.map((person) => selfie(person)))),
      await sharp(await groupPhoto())
        .resize(640)
        .toBuffer(),
      await noFace(),
    ];
    for (const [index, picture] of frames.entries()) {
      const full = await detect(picture);
      const read = await detect(picture, DETECT_EDGE);
      assert.equal(read.length, full.length, `picture ${index}: faces found`);
      full.forEach((face, at) => {
        const other = read[at]!;
        assert.ok(overlap(face.box, other.box) >= 0.9, `picture ${index}, face ${at}: box overlap`);
        for (const [name, point] of Object.entries(face.keypoints)) {
          const moved = Math.hypot(
            point.x - other.keypoints[name as keyof typeof face.keypoints].x,
            point.y - other.keypoints[name as keyof typeof face.keypoints].y,
          );
          // Shares of the frame: 0.02 is 13 px of a 640 px frame.
          assert.ok(moved <= 0.02, `picture ${index}, face ${at}: ${name} moved ${moved.toFixed(4)}`);
        }
        compared++;
      });
    }
    assert.ok(compared >= people.length, `faces compared: ${compared}`);
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
