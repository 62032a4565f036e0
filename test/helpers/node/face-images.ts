import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp, { type Sharp } from 'sharp';

/**
 * Test images built at test time from the photos that ship in `@vladmandic/face-api/demo/`:
 * selfies (one face, 640×480), an ID-card front with a portrait, a group photo, and images with
 * no face. Nothing is committed or downloaded.
 */

const require = createRequire(import.meta.url);
const DEMO = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

interface FaceSource {
  file: string;
  /** Face box in the photo, as SSD MobileNet finds it: x, y, width, height. */
  box: readonly [number, number, number, number];
}

/**
 * Different people. Head turn (nose offset from the eye midpoint, in eye spans, as face-api's
 * landmarks give it): cris and dana face the camera (0.03, 0.00); ana is a little turned (−0.26);
 * eve is turned to her left (+0.30).
 */
export const PEOPLE = {
  ana: { file: 'sample1.jpg', box: [414, 355, 177, 240] },
  bea: { file: 'sample1.jpg', box: [1476, 199, 203, 241] },
  cris: { file: 'sample2.jpg', box: [1447, 153, 194, 242] },
  dana: { file: 'sample6.jpg', box: [1180, 305, 188, 280] },
  eve: { file: 'sample4.jpg', box: [257, 185, 162, 245] },
} as const satisfies Record<string, FaceSource>;

export type Person = keyof typeof PEOPLE;

/** A region of the photo around the face, `widthFactor` face widths wide, of the given aspect. */
async function faceRegion(person: Person, widthFactor: number, aspect: number): Promise<Sharp> {
  const { file, box } = PEOPLE[person];
  const path = join(DEMO, file);
  const { width: imageWidth = 0, height: imageHeight = 0 } = await sharp(path).metadata();
  const [x, y, w, h] = box;
  const width = Math.min(imageWidth, Math.round(w * widthFactor));
  const height = Math.min(imageHeight, Math.round(width / aspect));
  const left = Math.max(0, Math.min(imageWidth - width, Math.round(x + w / 2 - width / 2)));
  const top = Math.max(0, Math.min(imageHeight - height, Math.round(y + h / 2 - height / 2)));
  return sharp(path).extract({ left, top, width, height });
}

/** A 640×480 JPEG selfie in which the face takes about 40 % of the width. */
export async function selfie(person: Person): Promise<Buffer> {
  return (await faceRegion(person, 2.5, 4 / 3)).resize(640, 480).jpeg({ quality: 90 }).toBuffer();
}

const CARD = { width: 856, height: 540 };

function cardBackground(title: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}">
      <rect width="100%" height="100%" rx="32" fill="#dfe9f5"/>
      <rect y="0" width="100%" height="96" fill="#1f4f8f"/>
      <text x="40" y="62" font-family="sans-serif" font-size="34" fill="#ffffff">${title}</text>
      <text x="300" y="200" font-family="sans-serif" font-size="26" fill="#1b1f2a">APELLIDOS  DEMO GARCÍA</text>
      <text x="300" y="260" font-family="sans-serif" font-size="26" fill="#1b1f2a">NOMBRES  ANA MARÍA</text>
      <text x="300" y="320" font-family="sans-serif" font-size="26" fill="#1b1f2a">NÚMERO  1.020.304.050</text>
      <text x="300" y="380" font-family="sans-serif" font-size="26" fill="#1b1f2a">NACIMIENTO  01-FEB-1990</text>
    </svg>`,
  );
}

/** The front of an ID card (856×540 JPEG) with `person`'s portrait, or none. */
export async function idCardFront(person: Person | null): Promise<Buffer> {
  const card = sharp(cardBackground('REPÚBLICA DEMO · CÉDULA')).flatten({ background: '#dfe9f5' });
  if (!person) return card.jpeg({ quality: 90 }).toBuffer();
  const portrait = await (await faceRegion(person, 1.7, 3 / 4)).resize(220, 293).toBuffer();
  return card
    .composite([{ input: portrait, left: 48, top: 140 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A photo with three faces. */
export function groupPhoto(): Promise<Buffer> {
  return sharp(join(DEMO, 'sample1.jpg')).resize(1280).jpeg({ quality: 85 }).toBuffer();
}

/** A 640×480 picture with no face in it. */
export function noFace(): Promise<Buffer> {
  return sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
        <rect width="100%" height="100%" fill="#87a96b"/>
        <circle cx="480" cy="120" r="60" fill="#f5d76e"/>
        <rect x="80" y="260" width="220" height="160" fill="#7a5230"/>
      </svg>`,
    ),
  )
    .jpeg()
    .toBuffer();
}

/** Raw base64 (as Verifik's clients send) or a data URI. */
export const base64 = (image: Buffer, dataUri = false) =>
  dataUri ? `data:image/jpeg;base64,${image.toString('base64')}` : image.toString('base64');
