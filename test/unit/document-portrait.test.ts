import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PORTRAIT_MARGIN, portraitRegion } from '../../src/capture/face/document-portrait.js';
import { syntheticFace } from '../helpers/node/synthetic-face.js';

/** The faces are placed in a 640×480 frame (see synthetic-face.ts). */
const WIDTH = 640;
const HEIGHT = 480;

describe('portraitRegion', () => {
  it('answers nothing when no face was found: no crop is sent', () => {
    assert.equal(portraitRegion([], WIDTH, HEIGHT), undefined);
  });

  it('cuts the largest face with the margin on every side', () => {
    const portrait = syntheticFace({ x: 60, y: 120, width: 100, height: 120 });
    const smallPrint = syntheticFace({ x: 500, y: 300, width: 30, height: 36 });
    const region = portraitRegion([smallPrint, portrait], WIDTH, HEIGHT)!;
    const margin = { x: 100 * PORTRAIT_MARGIN, y: 120 * PORTRAIT_MARGIN };
    assert.deepEqual(region, {
      x: 60 - margin.x,
      y: 120 - margin.y,
      width: 100 + 2 * margin.x,
      height: 120 + 2 * margin.y,
    });
  });

  it('keeps the crop inside the photo when the face touches its edge', () => {
    const region = portraitRegion([syntheticFace({ x: 0, y: 400, width: 100, height: 80 })], WIDTH, HEIGHT)!;
    assert.deepEqual([region.x, region.y], [0, 400 - 80 * PORTRAIT_MARGIN]);
    assert.equal(region.x + region.width, 100 * (1 + PORTRAIT_MARGIN));
    assert.equal(region.y + region.height, HEIGHT);
  });
});
