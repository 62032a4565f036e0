/**
 * The fields printed on an ID card, found in its OCR text by their labels (Spanish and English,
 * accents and case ignored): names, document number, dates. A value is read on the label's line,
 * or on the next line when the label stands alone. Pure: the OCR text in, the fields out.
 */

export interface PrintedFields {
  firstName?: string;
  lastName?: string;
  documentNumber?: string;
  /** ISO dates. */
  dateOfBirth?: string;
  expirationDate?: string;
  issueDate?: string;
}

type Field = keyof PrintedFields;

/** Labels as read (accents dropped, upper case), longest first within a field. */
const LABELS: ReadonlyArray<[Field, RegExp]> = [
  ['lastName', /\b(APELLIDOS?|SURNAMES?|LAST NAMES?)\b/],
  ['firstName', /\b(NOMBRES?|GIVEN NAMES?|FIRST NAMES?|NAMES?)\b/],
  ['documentNumber', /\b(NUMERO|NUM\.?|NO\.|DOCUMENT NO\.?|DOCUMENT NUMBER|PASSPORT NO\.?|PASAPORTE NO\.?|ID NUMBER)/],
  ['dateOfBirth', /\b(FECHA DE NACIMIENTO|NACIMIENTO|DATE OF BIRTH|BIRTH)\b/],
  ['expirationDate', /\b(FECHA DE VENCIMIENTO|VENCIMIENTO|EXPIRACION|DATE OF EXPIRY|EXPIRY|EXPIRES)\b/],
  ['issueDate', /\b(FECHA DE EXPEDICION|EXPEDICION|DATE OF ISSUE|ISSUED)\b/],
];

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['ENE', 'JAN'],
    ['FEB'],
    ['MAR'],
    ['ABR', 'APR'],
    ['MAY'],
    ['JUN'],
    ['JUL'],
    ['AGO', 'AUG'],
    ['SEP', 'SET'],
    ['OCT'],
    ['NOV'],
    ['DIC', 'DEC'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1])),
);

/** Upper case without accents: how labels and names are compared. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

const pad = (value: number) => String(value).padStart(2, '0');

/** A printed date (`01-FEB-1990`, `01/02/1990`, `1990-02-01`, OCR's `01.FEB-1990`) as ISO, if it is one. */
export function printedDate(text: string): string | undefined {
  const folded = fold(text);
  const iso = /\b(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})\b/.exec(folded);
  const dayFirst = /\b(\d{1,2})[-./ ]([A-Z]{3}|\d{1,2})[-./ ](\d{4})\b/.exec(folded);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), MONTHS[dayFirst[2]!] ?? Number(dayFirst[2]), Number(dayFirst[1])]
      : [];
  if (!year || !month || !day || month > 12 || day > 31) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A value as its field keeps it: names in capitals, numbers without separators, dates in ISO. */
function clean(field: Field, value: string): string | undefined {
  if (field === 'firstName' || field === 'lastName') {
    // Letters (accents kept), spaces, apostrophes and hyphens; OCR's stray marks dropped.
    const name = value
      .replace(/[^\p{L}' -]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toUpperCase();
    return name.length >= 2 ? name : undefined;
  }
  if (field === 'documentNumber') {
    const number = /[A-Z0-9][A-Z0-9.\- ]{3,}[A-Z0-9]/.exec(fold(value))?.[0].replace(/[.\- ]/g, '');
    return number && /\d/.test(number) ? number : undefined;
  }
  return printedDate(value);
}

/** The labelled fields of an ID card's OCR text. */
export function printedFields(text: string): PrintedFields {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const found: PrintedFields = {};
  lines.forEach((line, index) => {
    // Folded character by character, so an index in it is an index in the line.
    const folded = [...line].map((char) => fold(char)[0] ?? char).join('');
    for (const [field, label] of LABELS) {
      if (found[field] !== undefined) continue;
      const match = label.exec(folded);
      if (!match) continue;
      const rest = [...line].slice(match.index + match[0].length).join('');
      // A bilingual label (`Surname / Apellidos`) leaves only its other half: the value is below.
      const onLine = LABELS.some(([, other]) => other.test(fold(rest))) ? undefined : clean(field, rest);
      const value = onLine ?? (lines[index + 1] === undefined ? undefined : clean(field, lines[index + 1]!));
      if (value !== undefined) found[field] = value;
      break;
    }
  });
  return found;
}
