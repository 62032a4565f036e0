import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boxInPixels, faceFacts, MEASURE_EDGE } from '../../src/capture/face/face-facts.js';
import type { Region } from '../../src/capture/image/frame.js';
import { fitWithin, type Pixels } from '../../src/capture/image/pixels.js';
import { syntheticFace } from '../helpers/node/synthetic-face.js';

/** `width`×`height` pixels of one grey level. */
const grey = (width: number, height: number, level: number): Pixels => ({
  width,
  height,
  data: new Uint8ClampedArray(width * height * 4).fill(level),
});

describe('fitWithin', () => {
  it('scales the long edge down to the limit, keeping the shape', () => {
    assert.deepEqual(fitWithin(1280, 720, 640), { width: 640, height: 360 });
    assert.deepEqual(fitWithin(720, 1280, 640), { width: 360, height: 640 });
  });

  it('never enlarges, and never answers less than one pixel', () => {
    assert.deepEqual(fitWithin(320, 240, 640), { width: 320, height: 240 });
    assert.deepEqual(fitWithin(4000, 1, 100), { width: 100, height: 1 });
    assert.deepEqual(fitWithin(0, 0, Infinity), { width: 1, height: 1 });
  });
});

describe('boxInPixels', () => {
  it('answers the box in whole pixels, rounded outwards', () => {
    assert.deepEqual(boxInPixels({ x: 0.25, y: 0.1, width: 0.5, height: 0.5 }, 640, 480), {
      x: 160,
      y: 48,
      width: 320,
      height: 240,
    });
    assert.deepEqual(boxInPixels({ x: 0.1001, y: 0.1001, width: 0.1, height: 0.1 }, 100, 100), {
      x: 10,
      y: 10,
      width: 11,
      height: 11,
    });
  });

  it('limits a box that spills over the frame, and answers undefined for one wholly outside', () => {
    assert.deepEqual(boxInPixels({ x: -0.1, y: 0.9, width: 0.3, height: 0.3 }, 100, 100), {
      x: 0,
      y: 90,
      width: 20,
      height: 10,
    });
    assert.equal(boxInPixels({ x: 1.2, y: 0.5, width: 0.1, height: 0.1 }, 100, 100), undefined);
  });
});

describe('faceFacts', () => {
  it('measures the one face on its box, read at the measuring size', () => {
    const reads: [Region, number][] = [];
    const facts = faceFacts([syntheticFace()], 640, 480, (region, maxEdge) => {
      reads.push([region, maxEdge]);
      return grey(64, 64, 200);
    });
    assert.equal(reads.length, 1);
    assert.equal(reads[0]![1], MEASURE_EDGE);
    assert.deepEqual(reads[0]![0], boxInPixels(syntheticFace().box, 640, 480));
    assert.ok(facts);
    assert.ok(Math.abs(facts.brightness - 200) < 1e-3, `brightness ${facts.brightness}`);
    assert.equal(facts.sharpness, 0, 'a flat grey crop has no edges');
    assert.equal(facts.glare, 0);
  });

  it('measures nothing with no face or several faces', () => {
    const read = () => assert.fail('no pixels should be read');
    assert.equal(faceFacts([], 640, 480, read), undefined);
    assert.equal(faceFacts([syntheticFace(), syntheticFace({ yaw: 0.2 })], 640, 480, read), undefined);
  });
});
