import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rgbValues } from '../../src/capture/face/engine/rgb-values.js';

/** A frame of `width`×`height` pixels whose bytes all differ from their neighbours'. */
function frame(width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4).map((_, index) => (index * 37 + 11) % 256);
  return { data, width, height };
}

describe('rgbValues', () => {
  it("gives each pixel's red, green and blue, in order, and drops alpha", () => {
    const { data, width, height } = frame(5, 3);
    const expected = Array.from(
      { length: width * height * 3 },
      (_, index) => data[Math.floor(index / 3) * 4 + (index % 3)],
    );
    assert.deepEqual([...rgbValues()({ data, width, height })], expected);
  });

  it('reads a frame whose bytes start inside a larger buffer', () => {
    const whole = frame(4, 4);
    const data = new Uint8ClampedArray(whole.data.buffer, 16, 4 * 3 * 4);
    const values = rgbValues()({ data, width: 4, height: 3 });
    assert.deepEqual([...values.subarray(0, 3)], [...whole.data.subarray(16, 19)]);
    assert.equal(values.length, 4 * 3 * 3);
    // Not on a 4-byte boundary: read byte by byte.
    const unaligned = new Uint8ClampedArray(whole.data.buffer, 2, 4 * 3 * 4);
    assert.deepEqual(
      [...rgbValues()({ data: unaligned, width: 4, height: 3 }).subarray(0, 3)],
      [...whole.data.subarray(2, 5)],
    );
  });

  it('keeps one buffer while the frame size stays, and makes a new one when it changes', () => {
    const values = rgbValues();
    const first = values(frame(8, 6));
    assert.equal(values(frame(8, 6)), first);
    const resized = values(frame(6, 8 / 2));
    assert.notEqual(resized, first);
    assert.equal(resized.length, 6 * 4 * 3);
  });
});
