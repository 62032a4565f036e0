import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateFace, FACE_LIMITS, faceHint, faceYaw } from '../../src/capture/face/evaluate-face.js';
import { syntheticFace } from '../helpers/node/synthetic-face.js';

/** Light and sharpness of a good face region (the faces are placed in a 640×480 frame). */
const frame = { brightness: 120, sharpness: 80 };

describe('faceYaw', () => {
  it('is about 0 for a frontal face and signed by the side the nose points to', () => {
    assert.ok(Math.abs(faceYaw(syntheticFace().keypoints)) < 1e-9);
    assert.ok(Math.abs(faceYaw(syntheticFace({ yaw: 0.3 }).keypoints) - 0.3) < 1e-9);
    assert.ok(Math.abs(faceYaw(syntheticFace({ yaw: -0.25 }).keypoints) + 0.25) < 1e-9);
  });

  it('is 0 when the eye corners coincide (no span to measure against)', () => {
    const point = { x: 0.5, y: 0.4 };
    assert.equal(faceYaw({ leftEyeOuter: point, rightEyeOuter: point, noseTip: { x: 0.6, y: 0.5 } }), 0);
  });

  it('reads the same in frame-relative units whatever the frame size', () => {
    const { keypoints } = syntheticFace({ yaw: 0.3 });
    // The same face in a frame twice as wide: every x share halves.
    const half = ({ x, y }: { x: number; y: number }) => ({ x: x / 2, y });
    const stretched = {
      leftEyeOuter: half(keypoints.leftEyeOuter),
      rightEyeOuter: half(keypoints.rightEyeOuter),
      noseTip: half(keypoints.noseTip),
    };
    assert.ok(Math.abs(faceYaw(stretched) - 0.3) < 1e-9);
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
    ['a good selfie without pixel facts', [[syntheticFace()], {}], 'ok'],
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

describe('faceHint', () => {
  const hintFor = (face: ReturnType<typeof syntheticFace>) => faceHint(evaluateFace([face], frame), [face]);

  it('says which way to move, in the person’s own directions (the camera faces them)', () => {
    // On the image's right is on the person's left: they move to their right.
    assert.equal(hintFor(syntheticFace({ x: 380 })), 'move-right');
    assert.equal(hintFor(syntheticFace({ x: 4 })), 'move-left');
    assert.equal(hintFor(syntheticFace({ y: 0, height: 200 })), 'move-down');
    assert.equal(hintFor(syntheticFace({ y: 280, height: 200 })), 'move-up');
  });

  it('fixes the larger miss first, relative to its limit', () => {
    // 0.25 of the width off (limit 0.15) beats 0.19 of the height off (limit 0.18).
    const face = syntheticFace({ x: 480 - 128, y: 240 - 128 + 91, width: 256, height: 256 });
    assert.equal(evaluateFace([face], frame), 'off-center');
    assert.equal(faceHint('off-center', [face]), 'move-right');
  });

  it('says which way to turn towards the camera', () => {
    // A nose towards the image's right is a head turned to the person's left.
    assert.equal(hintFor(syntheticFace({ yaw: 0.35 })), 'face-right');
    assert.equal(hintFor(syntheticFace({ yaw: -0.35 })), 'face-left');
  });

  it('keeps the other verdicts: move closer for a small face, only one person for several', () => {
    assert.equal(hintFor(syntheticFace({ width: 100 })), 'too-far');
    const crowd = [syntheticFace({ x: 20, width: 80 }), syntheticFace({ x: 400, width: 80 })];
    assert.equal(faceHint(evaluateFace(crowd, frame), crowd), 'multiple');
    assert.equal(faceHint('ok', [syntheticFace()]), 'ok');
    assert.equal(faceHint('no-face', []), 'no-face');
  });
});
