import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESCRIPTOR_LENGTH, FaceIndex } from '../../demo/server/biometrics/face-index.js';
import { faceSimilarity } from '../../demo/server/biometrics/scores.js';

/** The face login's in-memory 1:N index, against a plain search over arrays. */

let seed = 7;
/** A deterministic pseudo-random value in [0, 1). */
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const descriptor = () => Array.from({ length: DESCRIPTOR_LENGTH }, () => (random() - 0.5) * 0.5);

/** The nearest key and the two best scores, by brute force over plain arrays. */
function plainSearch(faces: Map<string, number[]>, probe: number[]) {
  const scored = [...faces].map(([key, face]) => ({ key, score: faceSimilarity(face, probe) }));
  scored.sort((a, b) => b.score - a.score);
  return scored;
}

describe('FaceIndex', () => {
  test('finds what a plain search finds, after adds, replacements and deletions', () => {
    const index = new FaceIndex();
    const faces = new Map<string, number[]>();
    for (let i = 0; i < 300; i++) {
      const face = descriptor();
      faces.set(`p${i}`, face);
      index.set(`p${i}`, face);
    }
    for (let i = 0; i < 300; i += 3) {
      faces.delete(`p${i}`);
      index.delete(`p${i}`);
    }
    const replaced = descriptor();
    faces.set('p1', replaced);
    index.set('p1', replaced);
    assert.equal(index.size, faces.size);
    for (let i = 0; i < 50; i++) {
      const probe = i % 2 ? descriptor() : [...faces.values()][i]!.map((value) => value + (random() - 0.5) * 0.05);
      const expected = plainSearch(faces, probe);
      const { best, runnerUpScore } = index.search(probe);
      assert.equal(best?.key, expected[0]!.key);
      assert.ok(Math.abs(best!.score - expected[0]!.score) < 1e-4);
      assert.ok(Math.abs(runnerUpScore! - expected[1]!.score) < 1e-4);
    }
    assert.deepEqual(new FaceIndex().search(descriptor()), {}, 'an empty index finds nobody');
    assert.throws(() => index.set('short', [1, 2, 3]), RangeError);
  });

  test('searches 10,000 faces in under 50 ms', () => {
    const index = new FaceIndex();
    for (let i = 0; i < 10_000; i++) index.set(`p${i}`, descriptor());
    const samples: number[] = [];
    for (let i = 0; i < 21; i++) {
      const probe = descriptor();
      const started = performance.now();
      index.search(probe);
      samples.push(performance.now() - started);
    }
    const median = samples.sort((a, b) => a - b)[10]!;
    assert.ok(median < 50, `median ${median.toFixed(2)} ms`);
  });
});
