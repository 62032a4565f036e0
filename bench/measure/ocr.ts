import { performance } from 'node:perf_hooks';
import { OcrEngine } from '../../demo/server/ocr/ocr-engine.js';
import { readDocument } from '../../demo/server/ocr/read-document.js';
import { fold } from '../../demo/server/ocr/printed-fields.js';
import { type Holder, idCardFront, passportPage, type Person } from '../../test/helpers/node/face-images.js';
import { median } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';

/** Holders of the generated documents: accents, two-word names, numbers with and without dots. */
const HOLDERS: Holder[] = [
  { lastName: 'PÉREZ LÓPEZ', firstName: 'LUCÍA', documentNumber: '52.345.678', birthDate: '1979-07-15' },
  { lastName: 'DEMO GARCÍA', firstName: 'ANA MARÍA', documentNumber: '1.020.304.050', birthDate: '1990-02-01' },
  { lastName: 'NÚÑEZ', firstName: 'JOSÉ ÁNGEL', documentNumber: '79.881.002', birthDate: '1965-12-30' },
  { lastName: 'SMITH JONES', firstName: 'MARY ELLEN', documentNumber: '4417 2290', birthDate: '2001-05-09' },
  { lastName: 'RESTREPO ÁLVAREZ', firstName: 'JUAN CAMILO', documentNumber: 'PE1234567', birthDate: '1988-11-23' },
  { lastName: 'OKAFOR', firstName: 'CHIDI', documentNumber: 'PX0042317', birthDate: '1995-03-04' },
];
const PEOPLE: Person[] = ['ana', 'bea', 'cris', 'dana', 'eve'];

/** The fields compared, as the reader should return them. */
const expected = (holder: Holder, passport: boolean) => {
  const name = (text: string) => (passport ? fold(text) : text);
  return {
    lastName: name(holder.lastName),
    firstName: name(holder.firstName),
    documentNumber: holder.documentNumber.replace(/[. ]/g, ''),
    dateOfBirth: holder.birthDate,
  };
};

/**
 * 7. Document reading (the sandbox's OCR): generated ID cards and passport pages (valid MRZ) read
 * with the packaged Tesseract models; the share of fields read exactly, the passports whose MRZ
 * passed its check digits, and the time per document.
 */
export const ocr: Measurement = {
  id: 'ocr',
  title: 'Document reading (OCR)',
  async run(context) {
    const count = context.smoke ? 1 : HOLDERS.length;
    const started = performance.now();
    const engine = await OcrEngine.load();
    const loadMs = performance.now() - started;
    const times: number[] = [];
    let fields = 0;
    let right = 0;
    let mrzValid = 0;
    const misses: string[] = [];
    try {
      for (const [index, holder] of HOLDERS.slice(0, count).entries()) {
        for (const passport of [false, true]) {
          const person = PEOPLE[index % PEOPLE.length]!;
          // A passport number fits the MRZ's 9 characters.
          const shown = passport ? { ...holder, documentNumber: `PA${1_000_000 + index}` } : holder;
          const image = passport ? await passportPage(person, shown) : await idCardFront(person, shown);
          const start = performance.now();
          const reading = await readDocument(engine, { image }, { documentType: null, passport }, new Date());
          times.push(performance.now() - start);
          if (passport && reading.mrz?.valid) mrzValid++;
          for (const [field, value] of Object.entries(expected(shown, passport))) {
            fields++;
            const read = reading.OCRExtraction[field as keyof typeof reading.OCRExtraction];
            if (read === value) right++;
            else misses.push(`${passport ? 'passport' : 'card'} ${index} ${field}: ${read ?? '—'} ≠ ${value}`);
          }
        }
      }
    } finally {
      await engine.close();
    }
    const accuracy = right / fields;
    const problems = fields === 0 ? ['no document was read'] : [];
    return {
      rows: [
        {
          metric: `fields read exactly (names, number, birth date) over ${count} ID cards + ${count} passports`,
          value: `${right} / ${fields} (${(accuracy * 100).toFixed(1)} %)`,
        },
        { metric: 'passports whose MRZ passed every check digit', value: `${mrzValid} / ${count}` },
        { metric: 'time per document (median, both passes)', value: `${Math.round(median(times))} ms` },
        { metric: 'reader ready (worker + eng + spa models)', value: `${Math.round(loadMs)} ms` },
      ],
      data: { count, fields, right, accuracy, mrzValid, times, loadMs, misses },
      problems,
    };
  },
};
