/**
 * An in-memory 1:N index of 128-d face descriptors: one contiguous Float32Array (row i holds the
 * descriptor of `keys[i]`), searched exhaustively. 10,000 faces are 5 MB and one search is about
 * 1.3 million multiply-adds: a few milliseconds, so no approximate structure is needed (and none
 * could miss a match). Similarity is the sandbox's calibrated score of the descriptor distance
 * (`scores.ts`).
 */

import { similarityOfDistance } from './scores.js';

export const DESCRIPTOR_LENGTH = 128;

export interface SearchHit {
  key: string;
  score: number;
}

export interface SearchResult {
  /** The nearest face, if any is enrolled. */
  best?: SearchHit;
  /** The score of the nearest face of another key than `best` (each key holds one face). */
  runnerUpScore?: number;
}

export class FaceIndex {
  private vectors = new Float32Array(DESCRIPTOR_LENGTH * 64);
  private keys: string[] = [];
  private readonly rows = new Map<string, number>();

  /** How many faces are enrolled. */
  get size(): number {
    return this.keys.length;
  }

  /** Enrols (or replaces) the face of `key`. */
  set(key: string, descriptor: ArrayLike<number>): void {
    if (descriptor.length !== DESCRIPTOR_LENGTH) throw new RangeError(`a descriptor has ${DESCRIPTOR_LENGTH} values`);
    let row = this.rows.get(key);
    if (row === undefined) {
      row = this.keys.length;
      if ((row + 1) * DESCRIPTOR_LENGTH > this.vectors.length) {
        const grown = new Float32Array(this.vectors.length * 2);
        grown.set(this.vectors);
        this.vectors = grown;
      }
      this.keys.push(key);
      this.rows.set(key, row);
    }
    this.vectors.set(descriptor, row * DESCRIPTOR_LENGTH);
  }

  /** Forgets the face of `key`: the last row moves into its place, so rows stay contiguous. */
  delete(key: string): void {
    const row = this.rows.get(key);
    if (row === undefined) return;
    const last = this.keys.length - 1;
    if (row !== last) {
      const lastKey = this.keys[last]!;
      this.vectors.copyWithin(row * DESCRIPTOR_LENGTH, last * DESCRIPTOR_LENGTH, (last + 1) * DESCRIPTOR_LENGTH);
      this.keys[row] = lastKey;
      this.rows.set(lastKey, row);
    }
    this.keys.pop();
    this.rows.delete(key);
  }

  /** The nearest enrolled face to `probe`, and the nearest of any other key. */
  search(descriptor: ArrayLike<number>): SearchResult {
    // One typed array type in the hot loop, whatever the caller passed.
    const probe = Float32Array.from(descriptor);
    const vectors = this.vectors;
    let bestRow = -1;
    let bestDistance = Infinity;
    let secondDistance = Infinity;
    for (let row = 0, offset = 0; row < this.keys.length; row++, offset += DESCRIPTOR_LENGTH) {
      let sum = 0;
      // A row already farther than the second nearest can be neither: stop summing it early.
      for (let i = 0; i < DESCRIPTOR_LENGTH && sum < secondDistance; i += 16) {
        for (let j = i; j < i + 16; j++) {
          const difference = vectors[offset + j]! - probe[j]!;
          sum += difference * difference;
        }
      }
      if (sum < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = sum;
        bestRow = row;
      } else if (sum < secondDistance) {
        secondDistance = sum;
      }
    }
    if (bestRow < 0) return {};
    const best = { key: this.keys[bestRow]!, score: similarityOfDistance(Math.sqrt(bestDistance)) };
    if (secondDistance === Infinity) return { best };
    return { best, runnerUpScore: similarityOfDistance(Math.sqrt(secondDistance)) };
  }
}
