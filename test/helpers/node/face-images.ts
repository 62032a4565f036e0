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

/** Whose details a document shows (the OCR tests and the name check read them back). */
export interface Holder {
  lastName: string;
  firstName: string;
  /** As printed: `1.020.304.050` on a cédula, `PA1234567` on a passport. */
  documentNumber: string;
  /** ISO date. */
  birthDate: string;
  /** ISO date (passports). */
  expirationDate?: string;
  sex?: 'F' | 'M';
  /** ICAO alpha-3 nationality and issuing state (passports). */
  nationality?: string;
}

/** The holder every card carries unless a test names another. */
export const DEFAULT_HOLDER: Holder = {
  lastName: 'DEMO GARCÍA',
  firstName: 'ANA MARÍA',
  documentNumber: '1.020.304.050',
  birthDate: '1990-02-01',
};

const MONTHS = ['ENE', 'FEB', 'MAR', 'ABR', 'MAY', 'JUN', 'JUL', 'AGO', 'SEP', 'OCT', 'NOV', 'DIC'];
/** `1990-02-01` as a cédula prints it: `01-FEB-1990`. */
const printedDate = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return `${day}-${MONTHS[Number(month) - 1]}-${year}`;
};
/** Text escaped for SVG. */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cardBackground(title: string, holder: Holder): Buffer {
  const rows = [
    ['APELLIDOS', holder.lastName],
    ['NOMBRES', holder.firstName],
    ['NÚMERO', holder.documentNumber],
    ['NACIMIENTO', printedDate(holder.birthDate)],
  ];
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}">
      <rect width="100%" height="100%" rx="32" fill="#dfe9f5"/>
      <rect y="0" width="100%" height="96" fill="#1f4f8f"/>
      <text x="40" y="62" font-family="sans-serif" font-size="34" fill="#ffffff">${title}</text>
      ${rows
        .map(
          ([label, value], index) =>
            `<text x="300" y="${200 + 60 * index}" font-family="sans-serif" font-size="26" fill="#1b1f2a">${xml(`${label}  ${value}`)}</text>`,
        )
        .join('')}
    </svg>`,
  );
}

/** `person`'s portrait cut for a document, `width`×`height`. */
const portraitOf = async (person: Person, width: number, height: number) =>
  (await faceRegion(person, 1.7, 3 / 4)).resize(width, height).toBuffer();

/** The front of an ID card (856×540 JPEG) with `person`'s portrait, or none, and `holder`'s details. */
export async function idCardFront(person: Person | null, holder: Holder = DEFAULT_HOLDER): Promise<Buffer> {
  const card = sharp(cardBackground('REPÚBLICA DEMO · CÉDULA', holder)).flatten({ background: '#dfe9f5' });
  if (!person) return card.jpeg({ quality: 90 }).toBuffer();
  return card
    .composite([{ input: await portraitOf(person, 220, 293), left: 48, top: 140 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** ICAO 9303 check digit: weights 7, 3, 1 over digits, letters (A = 10) and fillers (0). */
export function mrzCheckDigit(field: string): string {
  const value = (char: string) => (char === '<' ? 0 : /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55);
  return String([...field].reduce((sum, char, index) => sum + value(char) * [7, 3, 1][index % 3]!, 0) % 10);
}

/** Latin letters only, accents dropped, spaces as fillers, as the MRZ writes names. */
const mrzName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, '<');

/** The two 44-character lines of a passport's machine-readable zone (TD3), check digits computed. */
export function passportMrz(holder: Holder): [string, string] {
  const state = holder.nationality ?? 'COL';
  const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, '');
  const line1 = `P<${state}${mrzName(holder.lastName)}<<${mrzName(holder.firstName)}`.padEnd(44, '<').slice(0, 44);
  const number = holder.documentNumber.padEnd(9, '<');
  const birth = yymmdd(holder.birthDate);
  const expiry = yymmdd(holder.expirationDate ?? '2034-01-01');
  const personal = ''.padEnd(14, '<');
  const line2Parts = [
    number + mrzCheckDigit(number),
    state,
    birth + mrzCheckDigit(birth),
    holder.sex ?? 'F',
    expiry + mrzCheckDigit(expiry),
    personal + mrzCheckDigit(personal),
  ];
  const composite = [line2Parts[0]!, line2Parts[2]!, line2Parts[4]!, line2Parts[5]!].join('');
  return [line1, line2Parts.join('') + mrzCheckDigit(composite)];
}

const PASSPORT = { width: 1000, height: 700 };

/**
 * A passport's data page (1000×700 JPEG): printed fields, `person`'s portrait and the MRZ, whose
 * lines are `mrz` when a test gives them (a wrong check digit) or computed from `holder`.
 */
export async function passportPage(
  person: Person,
  holder: Holder,
  mrz: readonly [string, string] = passportMrz(holder),
): Promise<Buffer> {
  const rows = [
    ['Surname / Apellidos', holder.lastName],
    ['Given names / Nombres', holder.firstName],
    ['Passport No. / Pasaporte No.', holder.documentNumber],
    ['Date of birth / Fecha de nacimiento', printedDate(holder.birthDate)],
  ];
  const page = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PASSPORT.width}" height="${PASSPORT.height}">
      <rect width="100%" height="100%" fill="#f3efe2"/>
      <text x="40" y="60" font-family="sans-serif" font-size="30" fill="#5a2a2a">PASAPORTE · PASSPORT</text>
      ${rows
        .map(
          ([label, value], index) =>
            `<text x="330" y="${130 + 80 * index}" font-family="sans-serif" font-size="16" fill="#6b5b4b">${xml(label!)}</text>
             <text x="330" y="${160 + 80 * index}" font-family="sans-serif" font-size="28" fill="#1b1f2a">${xml(value!)}</text>`,
        )
        .join('')}
      <rect y="540" width="100%" height="160" fill="#ffffff"/>
      ${mrz
        .map(
          (line, index) =>
            `<text x="30" y="${600 + 60 * index}" font-family="DejaVu Sans Mono" font-size="36" fill="#000000">${xml(line)}</text>`,
        )
        .join('')}
    </svg>`,
  );
  return sharp(page)
    .flatten({ background: '#f3efe2' })
    .composite([{ input: await portraitOf(person, 240, 320), left: 50, top: 110 }])
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
