import type { Region } from './frame.js';
import { luminance, measureFrame, type FrameMetrics, type Pixels } from './pixels.js';

/**
 * The on-device quality gate of a document photo: pure measurements of the guide region's
 * pixels and a verdict. Nothing here touches the DOM, so it is unit-tested on generated images.
 */

/** What is wrong with a document frame, or `ok`. */
export type DocumentVerdict = 'ok' | 'dark' | 'glare' | 'too-small' | 'blurry';

export interface DocumentMetrics extends FrameMetrics {
  /**
   * Share (0–1) of the measured area that the document's outline spans: the width share times the
   * height share of the box between its outermost strong edges (see {@link documentFill}).
   */
  fill: number;
}

/** Where a verdict switches; see {@link DOCUMENT_LIMITS} for the calibrated values. */
export interface DocumentLimits {
  /** Below this mean luminance (0–255) the frame is too dark. */
  minBrightness: number;
  /** Above this share of blown-out pixels there is glare on the document. */
  maxGlare: number;
  /** Below this {@link DocumentMetrics.fill} the document is too small (or absent). */
  minFill: number;
  /** Below this variance of the Laplacian the frame is blurred. */
  minSharpness: number;
}

/** Long edge, in pixels, the guide region is scaled to before it is measured. */
export const MEASURE_EDGE = 400;

/**
 * Limits for a guide region measured at {@link MEASURE_EDGE} px, calibrated on the scene of the
 * fake-camera videos (an 856×540 ID card drawn 900 px wide on a dark table in a 1280×720 frame;
 * guide region 970×612, measured at 400×252): the two videos as Chromium's fake camera plays
 * them, and the unit tests' variants of the scene (sharp, test/helpers/node/document-scenes.ts):
 *
 * | frame                                | sharpness | brightness | glare  | fill  |
 * |--------------------------------------|-----------|------------|--------|-------|
 * | camera `document`                    | 2 048     | 160        | 0      | 0.88  |
 * | camera `document-blurred` (σ 12)     | 2.1       | 159        | 0      | 0.80  |
 * | scene, sharp                         | 3 130     | 160        | 0.003  | 0.89  |
 * | scene, blur σ 2 / σ 3 / σ 4          | 482 / 104 / 34 | 160   | 0      | 0.84–0.89 |
 * | scene, card 700 / 600 / 450 / 300 px | 2 241 / 1 703 / 876 / 371 | 117 / 99 / 78 / 62 | ≤ 0.001 | 0.54 / 0.40 / 0.22 / 0.09 |
 * | scene, white spot r 40 / 60 / 90 px  | ≈ 2 800   | 161        | 0.011 / 0.021 / 0.044 | 0.89 |
 * | scene, light × 0.4 / × 0.3           | 506 / 283 | 64 / 47    | 0      | 0.82–0.88 |
 * | empty table                          | 0         | 50         | 0      | 0     |
 * | card alone (an upload), front / back | 3 148 / 2 861 | 178 / 201 | 0.004 | 0.52 / 0.45 |
 *
 * `minSharpness` 60 sits between σ 3 (print still readable at the sent size) and σ 4 (no longer
 * readable); `minFill` 0.35 asks for a card at least about 60 % of the guide's width (550 of 970 px) and
 * passes a card that fills the whole region (an upload cropped to the card);
 * `minBrightness` 55 lets a card under dim light pass (× 0.4) and refuses a darker room (× 0.3;
 * the bare table measures 50); `maxGlare` 0.02 refuses a hot spot of about 120 px across on the
 * 900 px card, enough to hide a field or the portrait, while the white print of the card's
 * header stays well below it.
 */
export const DOCUMENT_LIMITS: DocumentLimits = {
  minBrightness: 55,
  maxGlare: 0.02,
  minFill: 0.35,
  minSharpness: 60,
};

/**
 * Below this mean step (luminance levels per pixel along a line) no line of the region holds a
 * document border: the guide is empty, or shows only a plain surface.
 */
const MIN_EDGE = 12;
/** A row or column holds a border of the document from this share of the strongest one… */
const EDGE_SHARE = 0.3;
/**
 * …or the document's print from this mean step: a card that overflows the region (a cropped
 * upload, a card held too close) has no border in it, but its print still spans it. A camera's
 * noise on a plain surface measures 1–3 at the measured size.
 */
const PRINT_EDGE = 6;

/** The span (0–1) between the first and last entries of `profile` that hold an edge of the document. */
function span(profile: Float32Array): number {
  let strongest = 0;
  for (const value of profile) strongest = Math.max(strongest, value);
  if (strongest < MIN_EDGE || profile.length === 0) return 0;
  const threshold = Math.min(strongest * EDGE_SHARE, PRINT_EDGE);
  const first = profile.findIndex((value) => value >= threshold);
  const last = profile.findLastIndex((value) => value >= threshold);
  return (last - first + 1) / profile.length;
}

/**
 * How much of the region the document spans, from projection profiles of the luminance
 * gradient. A card's borders are long straight edges: they put the strongest vertical-step sums
 * in the rows at its top and bottom, and the strongest horizontal-step sums in the columns at
 * its sides. The box between the outermost strong rows and columns is the document (its print
 * lies inside it), so its share of the region says how close the document is. Costs two passes
 * over the pixels; a textured background can only make it more lenient, never refuse a card
 * that fills the guide.
 */
export function documentFill(gray: Float32Array, width: number, height: number): number {
  if (width < 2 || height < 2) return 0;
  const columns = new Float32Array(width - 1);
  const rows = new Float32Array(height - 1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const index = y * width + x;
      if (x < width - 1) columns[x]! += Math.abs(gray[index + 1]! - gray[index]!);
      if (y < height - 1) rows[y]! += Math.abs(gray[index + width]! - gray[index]!);
    }
  }
  for (let x = 0; x < columns.length; x++) columns[x]! /= height;
  for (let y = 0; y < rows.length; y++) rows[y]! /= width;
  return span(columns) * span(rows);
}

/** Sharpness, brightness, glare and fill of a document region. */
export function measureDocument(pixels: Pixels): DocumentMetrics {
  return { ...measureFrame(pixels), fill: documentFill(luminance(pixels), pixels.width, pixels.height) };
}

/**
 * The verdict on a document frame, the most fundamental problem first: nothing can be judged in
 * the dark, glare hides what sharpness would measure, and a blur verdict on a frame without the
 * document in it would send the person after the wrong fix.
 */
export function evaluateDocument(metrics: DocumentMetrics, limits: DocumentLimits = DOCUMENT_LIMITS): DocumentVerdict {
  if (metrics.brightness < limits.minBrightness) return 'dark';
  if (metrics.glare > limits.maxGlare) return 'glare';
  if (metrics.fill < limits.minFill) return 'too-small';
  if (metrics.sharpness < limits.minSharpness) return 'blurry';
  return 'ok';
}

/** Mean absolute luminance change between two measurements of the same region (0–255). */
export function frameChange(previous: Float32Array, current: Float32Array): number {
  if (previous.length !== current.length || current.length === 0) return Infinity;
  let total = 0;
  for (let index = 0; index < current.length; index++) total += Math.abs(current[index]! - previous[index]!);
  return total / current.length;
}

/** Width over height of an ID-1 card (ISO/IEC 7810: 85.60 × 53.98 mm); passports' data pages are close. */
export const CARD_ASPECT = 85.6 / 53.98;

/** Share of the frame's width and height the guide may take. */
const GUIDE_SHARE = 0.85;

/**
 * The card-shaped guide in a `width`×`height` frame: centred, as large as fits in 85 % of the
 * frame both ways. The overlay draws it in the same coordinates, so what is measured is what the
 * person sees inside the outline.
 */
export function guideRegion(width: number, height: number): Region {
  const guideWidth = Math.min(width * GUIDE_SHARE, height * GUIDE_SHARE * CARD_ASPECT);
  const guideHeight = guideWidth / CARD_ASPECT;
  return {
    x: Math.round((width - guideWidth) / 2),
    y: Math.round((height - guideHeight) / 2),
    width: Math.round(guideWidth),
    height: Math.round(guideHeight),
  };
}

/** `region` grown by `share` of its size on every side, kept within the frame. */
export function expandRegion(region: Region, share: number, width: number, height: number): Region {
  const x = Math.max(0, Math.round(region.x - region.width * share));
  const y = Math.max(0, Math.round(region.y - region.height * share));
  return {
    x,
    y,
    width: Math.min(width, Math.round(region.x + region.width * (1 + share))) - x,
    height: Math.min(height, Math.round(region.y + region.height * (1 + share))) - y,
  };
}
