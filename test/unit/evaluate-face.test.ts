import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateFace, FACE_LIMITS, faceYaw } from '../../src/capture/face/evaluate-face.js';
import { syntheticFace } from '../helpers/node/synthetic-face.js';

const frame = { width: 640, height: 480, brightness: 120, sharpness: 80 };

describe('faceYaw', () => {
  it('is about 0 for a frontal face and signed by the side the nose points to', () => {
    assert.ok(Math.abs(faceYaw(syntheticFace().landmarks)) < 1e-9);
    assert.ok(Math.abs(faceYaw(syntheticFace({ yaw: 0.3 }).landmarks) - 0.3) < 1e-9);
    assert.ok(Math.abs(faceYaw(syntheticFace({ yaw: -0.25 }).landmarks) + 0.25) < 1e-9);
  });

  it('is 0 without the landmarks it needs', () => {
    assert.equal(faceYaw([]), 0);
  });
});

describe('evaluateFace', () => {
  const cases: [string, Parameters<typeof evaluateFace>, string][] = [
    ['no face', [[], frame], 'no-face'],
    ['two faces', [[syntheticFace({ x: 100 }), syntheticFace({ x: 360 })], frame], 'multiple'],
    ['a dark face', [[syntheticFace()], { ...frame, brightness: 40 }], 'too-dark'],
    ['a small face', [[syntheticFace({ width: 100 })], frame], 'too-far'],
    ['a huge face', [[syntheticFace({ width: 480 })], frame], 'too-close'],
    ['a face at the edge', [[syntheticFace({ x: 20 })], frame], 'off-center'],
    ['a face too high', [[syntheticFace({ y: 0, height: 200 })], frame], 'off-center'],
    ['a turned face', [[syntheticFace({ yaw: 0.35 })], frame], 'turned'],
    ['a turned face during the challenge', [[syntheticFace({ yaw: 0.35 })], frame, FACE_LIMITS, true], 'ok'],
    ['a blurred face', [[syntheticFace()], { ...frame, sharpness: 5 }], 'blurry'],
    ['a good selfie', [[syntheticFace()], frame], 'ok'],
    ['a good selfie without pixel facts', [[syntheticFace()], { width: 640, height: 480 }], 'ok'],
  ];
  for (const [name, args, verdict] of cases) {
    it(`says ${verdict} for ${name}`, () => assert.equal(evaluateFace(...args), verdict));
  }

  it('asks for light before distance, and distance before turning', () => {
    assert.equal(evaluateFace([syntheticFace({ width: 80, yaw: 0.4 })], { ...frame, brightness: 10 }), 'too-dark');
    assert.equal(evaluateFace([syntheticFace({ width: 80, yaw: 0.4 })], frame), 'too-far');
  });

  it('follows the limits it is given', () => {
    assert.equal(evaluateFace([syntheticFace({ width: 100 })], frame, { ...FACE_LIMITS, minWidth: 0.1 }), 'ok');
  });
});
