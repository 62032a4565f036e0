import { parse } from 'mrz';

/**
 * The machine-readable zone of a passport or ID card (ICAO 9303 TD1, TD2, TD3), found in OCR
 * text and parsed with the `mrz` package, which verifies every check digit. Pure.
 */

export interface MrzReading {
  format: string;
  /** Every check digit and code is right. */
  valid: boolean;
  /** The fields whose check failed, with why (`birthDateCheckDigit: invalid check digit: 3. Must be 2`). */
  invalid: Array<{ field: string; error: string }>;
  documentCode?: string;
  documentNumber?: string;
  firstName?: string;
  lastName?: string;
  nationality?: string;
  issuingState?: string;
  sex?: string;
  /** ISO dates. */
  dateOfBirth?: string;
  expirationDate?: string;
}

/** Line lengths of the three layouts: 3 × 30 (TD1), 2 × 36 (TD2), 2 × 44 (TD3). */
const LAYOUTS = [
  { length: 44, lines: 2 },
  { length: 36, lines: 2 },
  { length: 30, lines: 3 },
] as const;

/** OCR text lines that may be MRZ lines: spaces removed, only MRZ characters, with fillers. */
const candidates = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, '').toUpperCase())
    .filter((line) => /^[A-Z0-9<]+$/.test(line) && line.includes('<'));

/**
 * `YYMMDD` as ISO: a birth date is in the past (the century that makes it so), an expiry within
 * the next 50 years.
 */
function mrzDate(value: string | null | undefined, kind: 'birth' | 'expiry', now: Date): string | undefined {
  if (!value || !/^\d{6}$/.test(value)) return undefined;
  const yy = Number(value.slice(0, 2));
  const thisYear = now.getUTCFullYear();
  const century = Math.floor(thisYear / 100) * 100;
  let year = century + yy;
  if (kind === 'birth' && year > thisYear) year -= 100;
  if (kind === 'expiry' && year < thisYear - 50) year += 100;
  return `${year}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
}

const present = (value: string | null | undefined) => (value ? value : undefined);

/** The MRZ in `text`, if its lines are there (lengths of one layout, consecutive). */
export function readMrz(text: string, now: Date): MrzReading | undefined {
  const lines = candidates(text);
  for (const { length, lines: count } of LAYOUTS) {
    const start = lines.findIndex(
      (_, index) => lines.slice(index, index + count).filter((line) => line.length === length).length === count,
    );
    if (start < 0) continue;
    const result = parse(lines.slice(start, start + count), { autocorrect: true });
    const { fields } = result;
    return {
      format: result.format,
      valid: result.valid,
      invalid: result.details
        .filter((detail) => !detail.valid)
        .map((detail) => ({ field: detail.field ?? detail.label, error: detail.error ?? 'invalid' })),
      documentCode: present(fields.documentCode),
      documentNumber: present(result.documentNumber ?? fields.documentNumber),
      firstName: present(fields.firstName),
      lastName: present(fields.lastName),
      nationality: present(fields.nationality),
      issuingState: present(fields.issuingState),
      sex: present(fields.sex),
      dateOfBirth: mrzDate(fields.birthDate, 'birth', now),
      expirationDate: mrzDate(fields.expirationDate, 'expiry', now),
    };
  }
  return undefined;
}
