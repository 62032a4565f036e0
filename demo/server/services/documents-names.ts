import { fold } from '../ocr/printed-fields.js';

/**
 * Names read from a document compared with the names given at sign-up, as Verifik's name
 * validation does: case, accents, punctuation and word order do not matter; each name has a
 * confidence (0–1) and the check passes when the whole name reaches {@link NAMES_MATCH_MIN}. Pure.
 */

/** The whole name must score at least this to match (a misread letter or two still passes). */
export const NAMES_MATCH_MIN = 0.85;

export interface NamePart {
  provided: string | null;
  official: string | null;
  match: boolean;
  /** 0–1. */
  confidence: number;
}

export interface NameValidation {
  firstName: NamePart;
  lastName: NamePart;
  fullName: NamePart;
  overallMatch: boolean;
}

const words = (name: string | undefined) =>
  fold(name ?? '')
    .replace(/[^A-Z]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);

/** Letter-pair (Dice) similarity of two words: 1 for equal words, tolerant of a misread letter. */
function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = (word: string) => Array.from({ length: word.length - 1 }, (_, index) => word.slice(index, index + 2));
  const left = pairs(a);
  const right = pairs(b);
  let shared = 0;
  for (const pair of left) {
    const at = right.indexOf(pair);
    if (at >= 0) {
      shared++;
      right.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + pairs(b).length);
}

/** How well each word of `from` is found in `to`, averaged (1 when every word is there). */
const coverage = (from: string[], to: string[]) =>
  from.length === 0
    ? 0
    : from.reduce((sum, word) => sum + Math.max(0, ...to.map((other) => wordSimilarity(word, other))), 0) / from.length;

/** Order-insensitive similarity of two names, both ways (a missing or extra word lowers it). */
export function nameSimilarity(provided: string | undefined, official: string | undefined): number {
  const a = words(provided);
  const b = words(official);
  return Math.round(((coverage(a, b) + coverage(b, a)) / 2) * 1000) / 1000;
}

const part = (provided: string | undefined, official: string | undefined): NamePart => {
  const confidence = nameSimilarity(provided, official);
  return {
    provided: provided ?? null,
    official: official ?? null,
    match: confidence >= NAMES_MATCH_MIN,
    confidence,
  };
};

/**
 * The sign-up names against the document's. The overall decision is on the full names, so a
 * person who typed their surname first, or both names in one field, still matches.
 */
export function compareNames(
  provided: { firstName?: string | undefined; lastName?: string | undefined; fullName?: string | undefined },
  official: { firstName?: string | undefined; lastName?: string | undefined },
): NameValidation {
  const join = (first?: string, last?: string) => [first, last].filter(Boolean).join(' ') || undefined;
  const fullName = part(
    provided.fullName ?? join(provided.firstName, provided.lastName),
    join(official.firstName, official.lastName),
  );
  return {
    firstName: part(provided.firstName, official.firstName),
    lastName: part(provided.lastName, official.lastName),
    fullName,
    overallMatch: fullName.match,
  };
}
