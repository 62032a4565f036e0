import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import {
  documentFill,
  type DocumentMetrics,
  evaluateDocument,
  expandRegion,
  frameChange,
  guideRegion,
  MEASURE_EDGE,
  measureDocument,
} from '../../src/capture/image/document-quality.js';
import { luminance, type Pixels } from '../../src/capture/image/pixels.js';
import { cardOnTable, type CardSceneOptions, SCENE } from '../helpers/node/document-scenes.js';

/** The guide region of a card scene, scaled as the document step measures it. */
async function guidePixels(options: CardSceneOptions = {}): Promise<Pixels> {
  const guide = guideRegion(SCENE.width, SCENE.height);
  const { data, info } = await sharp(await cardOnTable(options))
    .extract({ left: guide.x, top: guide.y, width: guide.width, height: guide.height })
    .resize(MEASURE_EDGE)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data) };
}

const verdictOf = async (options: CardSceneOptions = {}) =>
  evaluateDocument(measureDocument(await guidePixels(options)));

describe('document quality gate on generated card scenes', () => {
  it('passes a sharp card that fills the guide', async () => {
    assert.equal(await verdictOf(), 'ok');
    // Slight blur (σ 2) leaves the print readable: still good enough.
    assert.equal(await verdictOf({ blur: 2 }), 'ok');
  });

  it('refuses a blurred card, and sharpness falls as the blur grows', async () => {
    assert.equal(await verdictOf({ blur: 4 }), 'blurry');
    assert.equal(await verdictOf({ blur: 12 }), 'blurry');
    const sharpness = await Promise.all(
      [0, 1, 2, 4].map(async (blur) => measureDocument(await guidePixels({ blur })).sharpness),
    );
    assert.deepEqual(
      sharpness,
      [...sharpness].sort((a, b) => b - a),
      'sharpness decreases with blur',
    );
  });

  it('refuses a bright reflection on the card', async () => {
    assert.equal(await verdictOf({ glare: 90 }), 'glare');
    assert.equal(await verdictOf({ glare: 40 }), 'ok', 'a small highlight is tolerated');
  });

  it('refuses a dark frame', async () => {
    assert.equal(await verdictOf({ light: 0.3 }), 'dark');
    assert.equal(await verdictOf({ light: 0.5 }), 'ok');
  });

  it('refuses a card too far away, and an empty guide', async () => {
    assert.equal(await verdictOf({ cardWidth: 300 }), 'too-small');
    assert.equal(await verdictOf({ cardWidth: 450 }), 'too-small');
    assert.equal(await verdictOf({ cardWidth: 700 }), 'ok');
    const empty = new Uint8ClampedArray(400 * 252 * 4).fill(90);
    assert.equal(documentFill(luminance({ width: 400, height: 252, data: empty }), 400, 252), 0);
  });
});

describe('documentFill', () => {
  /** A light rectangle on a dark background, as gray levels. */
  const rectangle = (width: number, height: number, box: { x: number; y: number; w: number; h: number }) => {
    const gray = new Float32Array(width * height).fill(40);
    for (let y = box.y; y < box.y + box.h; y++) gray.fill(220, y * width + box.x, y * width + box.x + box.w);
    return gray;
  };

  it('is the share of the region between the document’s borders', () => {
    const fill = documentFill(rectangle(200, 100, { x: 50, y: 25, w: 100, h: 50 }), 200, 100);
    assert.ok(Math.abs(fill - 0.25) < 0.02, `fill ${fill}`);
  });

  it('spans a card that overflows the region by its print', () => {
    // A light card filling the whole region, with dark lines of print from 10 % to 90 % of it.
    const gray = new Float32Array(200 * 100).fill(220);
    for (let y = 10; y < 90; y += 8) for (let x = 20; x < 180; x += 3) gray[y * 200 + x] = 30;
    const fill = documentFill(gray, 200, 100);
    assert.ok(fill > 0.6, `fill ${fill}`);
  });

  it('ignores a faint texture outside a clear card', () => {
    const gray = rectangle(200, 100, { x: 50, y: 25, w: 100, h: 50 });
    for (let index = 0; index < gray.length; index += 7) if (gray[index] === 40) gray[index] = 50;
    const fill = documentFill(gray, 200, 100);
    assert.ok(Math.abs(fill - 0.25) < 0.02, `fill ${fill}`);
  });
});

describe('evaluateDocument', () => {
  const good: DocumentMetrics = { sharpness: 500, brightness: 150, glare: 0, fill: 0.7 };

  it('names the most fundamental problem first', () => {
    assert.equal(evaluateDocument(good), 'ok');
    assert.equal(evaluateDocument({ ...good, brightness: 20, glare: 0.5, fill: 0, sharpness: 0 }), 'dark');
    assert.equal(evaluateDocument({ ...good, glare: 0.5, fill: 0, sharpness: 0 }), 'glare');
    assert.equal(evaluateDocument({ ...good, fill: 0.1, sharpness: 0 }), 'too-small');
    assert.equal(evaluateDocument({ ...good, sharpness: 10 }), 'blurry');
  });
});

describe('frameChange', () => {
  it('is 0 for the same frame, the mean step otherwise, and Infinity for different sizes', () => {
    const a = new Float32Array([10, 20, 30, 40]);
    assert.equal(frameChange(a, a), 0);
    assert.equal(frameChange(a, new Float32Array([14, 16, 30, 40])), 2);
    assert.equal(frameChange(a, new Float32Array(3)), Infinity);
  });
});

describe('guideRegion and expandRegion', () => {
  it('centres an ID-1 shaped guide in 85 % of the frame, landscape or portrait', () => {
    assert.deepEqual(guideRegion(1280, 720), { x: 155, y: 54, width: 970, height: 612 });
    const portrait = guideRegion(720, 1280);
    assert.equal(portrait.width, 612);
    assert.ok(Math.abs(portrait.width / portrait.height - 85.6 / 53.98) < 0.01);
    assert.equal(portrait.x, 54);
  });

  it('grows a region and keeps it in the frame', () => {
    assert.deepEqual(expandRegion({ x: 100, y: 50, width: 200, height: 100 }, 0.1, 1000, 1000), {
      x: 80,
      y: 40,
      width: 240,
      height: 120,
    });
    assert.deepEqual(expandRegion({ x: 5, y: 5, width: 90, height: 90 }, 0.2, 100, 100), {
      x: 0,
      y: 0,
      width: 100,
      height: 100,
    });
  });
});
