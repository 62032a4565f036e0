import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readMrz } from '../../demo/server/ocr/mrz.js';
import { printedDate, printedFields } from '../../demo/server/ocr/printed-fields.js';
import { compareNames, nameSimilarity } from '../../demo/server/services/documents-names.js';
import { passportMrz } from '../helpers/node/face-images.js';

/** The pure parts of reading a document: the MRZ, the printed fields, the name comparison. */

const NOW = new Date('2026-12-01T00:00:00Z');
const holder = {
  lastName: 'RESTREPO ÁLVAREZ',
  firstName: 'JUAN CAMILO',
  documentNumber: 'PE1234567',
  birthDate: '1988-11-23',
  expirationDate: '2031-05-30',
  sex: 'M' as const,
};

describe('the machine-readable zone', () => {
  test('a TD3 zone is parsed into fields, its check digits verified', () => {
    const [line1, line2] = passportMrz(holder);
    const reading = readMrz(`PASAPORTE\n${line1}\n${line2}\n`, NOW);
    assert.ok(reading);
    assert.equal(reading.format, 'TD3');
    assert.equal(reading.valid, true, JSON.stringify(reading.invalid));
    assert.deepEqual(
      [reading.lastName, reading.firstName, reading.documentNumber, reading.dateOfBirth, reading.expirationDate],
      ['RESTREPO ALVAREZ', 'JUAN CAMILO', 'PE1234567', '1988-11-23', '2031-05-30'],
    );
  });

  test('a wrong check digit makes the zone invalid and names the field', () => {
    const [line1, line2] = passportMrz(holder);
    // Position 19 is the birth date's check digit (after number 9 + its digit + state 3 + date 6).
    const wrong = `${line2.slice(0, 19)}${(Number(line2[19]) + 1) % 10}${line2.slice(20)}`;
    const reading = readMrz(`${line1}\n${wrong}`, NOW);
    assert.ok(reading);
    assert.equal(reading.valid, false);
    assert.ok(
      reading.invalid.some((problem) => problem.field === 'birthDateCheckDigit'),
      JSON.stringify(reading.invalid),
    );
  });

  test("OCR's spaces and a letter O read as zero in the country are corrected", () => {
    const [line1, line2] = passportMrz(holder);
    const reading = readMrz(`${line1.replace('COL', 'C0L')}\n${line2.slice(0, 22)} ${line2.slice(22)}`, NOW);
    assert.equal(reading?.valid, true, JSON.stringify(reading?.invalid));
  });

  test('text without a zone has none', () => {
    assert.equal(readMrz('APELLIDOS GARCÍA\nNOMBRES ANA', NOW), undefined);
  });
});

describe('printed fields', () => {
  test('labels in Spanish, OCR noise around them, value on the line or the next', () => {
    const text =
      '] APELLIDOS DEMO GARCÍA\nó NOMBRES ANA MARÍA\nif NÚMERO 1.020.304.050\n- 2a NACIMIENTO\n01.FEB-1990\nN AN\n';
    assert.deepEqual(printedFields(text), {
      lastName: 'DEMO GARCÍA',
      firstName: 'ANA MARÍA',
      documentNumber: '1020304050',
      dateOfBirth: '1990-02-01',
    });
  });

  test('a bilingual label on its own line: the value is the next line', () => {
    const fields = printedFields('Surname / Apellidos\nRESTREPO ÁLVAREZ\nGiven names / Nombres\nJUAN CAMILO\n');
    assert.deepEqual(fields, { lastName: 'RESTREPO ÁLVAREZ', firstName: 'JUAN CAMILO' });
  });

  test('labels in English', () => {
    const fields = printedFields('Surname SMITH\nGiven names JOHN PAUL\nDate of birth 1985-03-09\n');
    assert.deepEqual(fields, { lastName: 'SMITH', firstName: 'JOHN PAUL', dateOfBirth: '1985-03-09' });
  });

  test('dates: day first with a month name or number, ISO; nonsense is no date', () => {
    assert.equal(printedDate('15-JUL-1979'), '1979-07-15');
    assert.equal(printedDate('3/12/2001'), '2001-12-03');
    assert.equal(printedDate('2001-12-03'), '2001-12-03');
    assert.equal(printedDate('45-XYZ-2001'), undefined);
  });
});

describe('name comparison', () => {
  const official = { firstName: 'ANA MARIA', lastName: 'DEMO GARCÍA' };

  test('case, accents and word order do not matter', () => {
    assert.equal(compareNames({ firstName: 'Ana María', lastName: 'Demo García' }, official).overallMatch, true);
    assert.equal(compareNames({ fullName: 'garcia demo ana maria' }, official).fullName.confidence, 1);
  });

  test('a misread letter still matches, with a lower score', () => {
    const score = nameSimilarity('Ana María Demo García', 'ANA MARLA DEMO GARCIA');
    assert.ok(score < 1 && score >= 0.85, String(score));
  });

  test('another person does not match', () => {
    const result = compareNames({ firstName: 'Pedro', lastName: 'Gómez' }, official);
    assert.equal(result.overallMatch, false);
    assert.ok(result.fullName.confidence < 0.3);
  });
});
