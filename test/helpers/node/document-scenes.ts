import sharp from 'sharp';
import { idCardFront } from './face-images.js';

/**
 * An ID card lying on a dark table, as the document step's camera sees it: the scene of the
 * `document` fake-camera videos, and, varied (smaller, blurred, glare, dimmed), of the unit tests
 * of the quality gate.
 */

export const SCENE = { width: 1280, height: 720, table: '#3b3027' } as const;

export interface CardSceneOptions {
  /** Width of the card in the frame, px (the fixture's: 900, about 70 % of the frame). */
  cardWidth?: number;
  /** Gaussian blur sigma of the whole frame, px; 0 for none. */
  blur?: number;
  /** Radius of a blown-out white spot on the card (a lamp's reflection), px; 0 for none. */
  glare?: number;
  /** Multiplies the light (1: as drawn). */
  light?: number;
}

/** A 1280×720 PNG of the card on the table. */
export async function cardOnTable({ cardWidth = 900, blur = 0, glare = 0, light = 1 }: CardSceneOptions = {}) {
  const card = await sharp(await idCardFront('ana'))
    .resize(cardWidth)
    .toBuffer();
  const { height: cardHeight = 0 } = await sharp(card).metadata();
  const left = Math.round((SCENE.width - cardWidth) / 2);
  const top = Math.round((SCENE.height - cardHeight) / 2);
  const layers = [{ input: card, left, top }];
  if (glare) {
    const spot = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * glare}" height="${2 * glare}">
        <circle cx="${glare}" cy="${glare}" r="${glare}" fill="#ffffff"/></svg>`,
    );
    layers.push({
      input: spot,
      left: left + Math.round(cardWidth * 0.6) - glare,
      top: top + Math.round(cardHeight / 2) - glare,
    });
  }
  let frame = sharp({ create: { width: SCENE.width, height: SCENE.height, channels: 3, background: SCENE.table } })
    .composite(layers)
    .png();
  if (blur)
    frame = sharp(await frame.toBuffer())
      .blur(blur)
      .png();
  if (light !== 1)
    frame = sharp(await frame.toBuffer())
      .linear(light, 0)
      .png();
  return frame.toBuffer();
}
