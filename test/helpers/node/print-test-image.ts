/**
 * `node --import tsx test/helpers/node/print-test-image.ts <name>`: prints one of the test images
 * of face-images.ts as base64, for browser tests that upload a photo (see wtr-test-images-plugin).
 */
import { idCardFront } from './face-images.js';

const IMAGES: Record<string, () => Promise<Buffer>> = {
  /** The front of an ID card with Ana's portrait. */
  'id-card-front': () => idCardFront('ana'),
  /** A card without a portrait, as the back of the card. */
  'id-card-back': () => idCardFront(null),
};

const name = process.argv[2] ?? '';
const make = IMAGES[name];
if (!make) throw new Error(`no test image "${name}": one of ${Object.keys(IMAGES).join(', ')}`);
process.stdout.write((await make()).toString('base64'));
