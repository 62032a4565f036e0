import sharp from 'sharp';
import type { OcrEngine } from './ocr-engine.js';
import { readMrz, type MrzReading } from './mrz.js';
import { printedFields } from './printed-fields.js';

/**
 * What the sandbox reads on a document, in the shape Verifik's document validation has
 * (`OCRExtraction`, `documentNumber`, `documentType`): the printed fields found by their labels,
 * and, when the document has a machine-readable zone, its fields, which win (they carry check
 * digits; the printed text is read with no check at all).
 */

export interface OcrExtraction {
  firstName?: string;
  lastName?: string;
  fullName?: string;
  documentNumber?: string;
  dateOfBirth?: string;
  expirationDate?: string;
  issueDate?: string;
  nationality?: string;
  sex?: string;
}

export interface DocumentReading {
  OCRExtraction: OcrExtraction;
  /** `Passport` when the MRZ says so, else the document type the client named (or null). */
  documentType: string | null;
  documentNumber: string | null;
  /** The MRZ as read, with its check-digit verdict, or null when none was found. */
  mrz: (Pick<MrzReading, 'format' | 'valid' | 'invalid'> & { source: 'ocr' }) | null;
  /** The raw text, for support (never the images). */
  text: string;
}

/** Where a passport data page's MRZ is: its lowest quarter. */
const MRZ_AREA = 0.25;

/** The fields of `mrz` that are present, in OCRExtraction's names. */
const mrzFields = (mrz: MrzReading): OcrExtraction =>
  Object.fromEntries(
    Object.entries({
      firstName: mrz.firstName,
      lastName: mrz.lastName,
      documentNumber: mrz.documentNumber,
      dateOfBirth: mrz.dateOfBirth,
      expirationDate: mrz.expirationDate,
      nationality: mrz.nationality,
      sex: mrz.sex,
    }).filter(([, value]) => value !== undefined),
  );

/**
 * Reads `image` (and the back, where an ID card's MRZ is): printed fields, then the MRZ's over
 * them. `passport`: the document has a zone, looked for again when the free text shows none.
 */
export async function readDocument(
  ocr: OcrEngine,
  images: { image?: Buffer | undefined; backImage?: Buffer | undefined },
  claim: { documentType: string | null; passport: boolean },
  now: Date,
): Promise<DocumentReading> {
  const sides = [images.image, images.backImage].filter((side): side is Buffer => side !== undefined);
  let text = '';
  let mrz: MrzReading | undefined;
  for (const side of sides) {
    const sideText = await ocr.read(side);
    text += sideText;
    mrz ??= readMrz(sideText, now);
    if (!mrz && (claim.passport || sideText.includes('<'))) {
      // Free-text recognition garbles `<<<`: the zone is read again with its own alphabet.
      const { width = 0, height = 0 } = await sharp(side).metadata();
      const top = Math.round(height * (1 - MRZ_AREA));
      mrz = readMrz(await ocr.readMrz(side, { left: 0, top, width, height: height - top }), now);
    }
  }
  const printed = printedFields(text);
  const fields: OcrExtraction = { ...printed, ...(mrz ? mrzFields(mrz) : {}) };
  const fullName = [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  if (fullName) fields.fullName = fullName;
  return {
    OCRExtraction: fields,
    documentType: mrz?.documentCode?.startsWith('P') ? 'Passport' : claim.documentType,
    documentNumber: fields.documentNumber ?? null,
    mrz: mrz ? { format: mrz.format, valid: mrz.valid, invalid: mrz.invalid, source: 'ocr' } : null,
    text,
  };
}
