import type { NormalizedFlow } from '../../../src/flow/flow.types.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { notFound, verifikError } from '../errors.js';
import { isObjectId } from '../ids.js';
import { type DocumentReading, readDocument } from '../ocr/read-document.js';
import { fold } from '../ocr/printed-fields.js';
import type { AttemptRecord, InformationRecord, RegistrationRecord } from '../records.js';
import { evidenceOf } from './completion.js';
import { compareNames, type NameValidation } from './documents-names.js';
import { currentRegistration, flowOf, requireOpen, updateRegistration } from './registration.js';

/**
 * What the sandbox does with a document's text: reads it when the flow asks (OCR, MRZ), checks
 * the names on it against the sign-up names (`PUT /v2/document-validations/{id}/validate`), and
 * emulates the criminal-history check (`PUT /v2/information-validations/{id}/background-check`)
 * against a fixed list, marked as simulated.
 */

/**
 * A v3 flow that lists countries accepts a document only of one of them, and only of a category
 * active for that country: 409 `document_country_not_allowed@<country>` or
 * `document_category_not_allowed@<category>` otherwise.
 */
export function checkDocumentChoice(flow: NormalizedFlow, country: string | undefined, category: string | undefined) {
  const { countries } = flow.document;
  if (countries.length === 0) return;
  const chosen = country === undefined ? undefined : countries.find((known) => known.country === country);
  if (country !== undefined && !chosen) throw verifikError(409, 'document_country_not_allowed', country);
  const allowed = chosen ? chosen.categories : flow.document.categories;
  if (category !== undefined && !allowed.some((known) => known === category)) {
    throw verifikError(409, 'document_category_not_allowed', category);
  }
}

/** Whether a flow needs the document's text. */
export const readsText = (flow: NormalizedFlow): boolean =>
  flow.document.includeOCR || flow.document.verifyNames || flow.document.verifyCriminalHistory;

/** Reads the uploaded sides when the flow needs their text; undefined otherwise. */
export async function readUpload(
  context: SandboxContext,
  flow: NormalizedFlow,
  images: { image?: Buffer | undefined; backImage?: Buffer | undefined },
  claim: { documentType: string | null; passport: boolean },
): Promise<DocumentReading | undefined> {
  if (!readsText(flow)) return undefined;
  return readDocument(await context.ocr(), images, claim, context.now());
}

/** A reading as the document validation stores it (the raw text private). */
export const readingFields = ({ text, ...reading }: DocumentReading) => ({
  ...reading,
  validationMethod: 'OCR',
  _text: text,
});

/**
 * A document's status once read: FAILED when its MRZ fails a check digit; ASSESSING while the
 * flow still has to check the names (the name validation decides); VALIDATED otherwise.
 */
export function statusAfterReading(
  flow: NormalizedFlow,
  reading: DocumentReading | undefined,
): { status: 'VALIDATED' | 'ASSESSING' } | { status: 'FAILED'; failReason: string } {
  if (reading?.mrz && !reading.mrz.valid) return { status: 'FAILED', failReason: 'mrz_check_failed' };
  return { status: flow.document.verifyNames ? 'ASSESSING' : 'VALIDATED' };
}

const percent = (confidence: number) => Math.round(confidence * 100);

/** The registration's own document validation `id`, or a 404. */
function ownDocument(context: SandboxContext, registration: RegistrationRecord, id: string): AttemptRecord {
  const document = isObjectId(id) ? context.store.get(COLLECTIONS.documentValidations, id) : undefined;
  if (!document || document.appRegistration !== registration._id) throw notFound('documentValidation');
  return document;
}

/**
 * Verifik's name validation: the names read on document `id` against the sign-up names. A
 * document waiting for it (ASSESSING) becomes VALIDATED or FAILED (`names_mismatch`); without
 * `force`, a document already checked answers its earlier result.
 */
export function validateNames(
  context: SandboxContext,
  registrationId: string,
  id: string,
  force: boolean,
): { nameValidation: NameValidation; documentValidation: AttemptRecord } {
  return context.store.transaction(() => {
    const registration = currentRegistration(context, registrationId);
    const document = ownDocument(context, registration, id);
    requireOpen(registration);
    const earlier = document['nameValidation'] as NameValidation | undefined;
    if (earlier && !force) return { nameValidation: earlier, documentValidation: document };
    const official = document['OCRExtraction'] as { firstName?: string; lastName?: string } | undefined;
    if (document.status === 'PENDING' || !official || (!official.firstName && !official.lastName)) {
      throw verifikError(409, 'MISSING_PREREQUISITES', 'document_names_not_read');
    }
    const nameValidation = compareNames(registration, official);
    const decided = document.status === 'ASSESSING';
    const failed = decided && !nameValidation.overallMatch;
    const updated = context.store.replace(COLLECTIONS.documentValidations, {
      ...document,
      nameValidation,
      namesMatch: nameValidation.overallMatch,
      fullNameMatchPercentage: percent(nameValidation.fullName.confidence),
      firstNameMatchPercentage: percent(nameValidation.firstName.confidence),
      lastNameMatchPercentage: percent(nameValidation.lastName.confidence),
      ...(decided && { status: failed ? 'FAILED' : 'VALIDATED' }),
      ...(failed && { failReason: 'names_mismatch' }),
      updatedAt: context.now().toISOString(),
    });
    if (failed) {
      updateRegistration(context, registration._id, { failedValidations: registration.failedValidations + 1 });
    }
    return { nameValidation, documentValidation: updated };
  });
}

/**
 * Document numbers the simulated criminal-history check reports as having records. The sandbox
 * consults no database: a development list, so both outcomes can be tested.
 */
export const SIMULATED_RECORDS: readonly string[] = ['99999999', '1999999999', 'PX9999999'];

/** Where Verifik's check looks (verifik-api.md §6); the sandbox only names them. */
const SOURCES = [
  'world_api_interpol',
  'world_api_fbi',
  'world_api_dea',
  'world_api_europol',
  'world_api_ofac',
  'world_api_onu',
];

export interface BackgroundCheck {
  simulated: true;
  status: 'CLEAR' | 'RECORDS_FOUND';
  documentNumber: string;
  documentType: string | null;
  /** The document validation whose number was checked: a new document needs a new check. */
  documentValidation: string;
  sources: Array<{ source: string; found: boolean }>;
  checkedAt: string;
  message: string;
}

/**
 * The criminal-history check of the person behind information validation `id`, on the number
 * read from their validated document. Simulated: a number on {@link SIMULATED_RECORDS} has
 * records, any other is clear.
 */
export function backgroundCheck(
  context: SandboxContext,
  registrationId: string,
  id: string,
  force: boolean,
): { informationValidation: InformationRecord; backgroundCheck: BackgroundCheck } {
  return context.store.transaction(() => {
    const registration = currentRegistration(context, registrationId);
    const information = isObjectId(id) ? context.store.get(COLLECTIONS.informationValidations, id) : undefined;
    if (!information || information.appRegistration !== registration._id) throw notFound('informationValidation');
    requireOpen(registration);
    if (!flowOf(context, registration).document.verifyCriminalHistory) {
      throw verifikError(409, 'criminal_history_not_enabled');
    }
    const { document } = evidenceOf(context, registration);
    const earlier = information['backgroundCheck'] as BackgroundCheck | undefined;
    if (earlier && earlier.documentValidation === document?._id && !force) {
      return { informationValidation: information, backgroundCheck: earlier };
    }
    const documentNumber = document?.status === 'VALIDATED' ? (document['documentNumber'] as string | null) : null;
    if (!document || !documentNumber) throw verifikError(409, 'MISSING_PREREQUISITES', 'document_number_not_read');
    const found = SIMULATED_RECORDS.includes(fold(documentNumber).replace(/[^A-Z0-9]/g, ''));
    const check: BackgroundCheck = {
      simulated: true,
      status: found ? 'RECORDS_FOUND' : 'CLEAR',
      documentNumber,
      documentType: (document['documentType'] as string | null) ?? null,
      documentValidation: document._id,
      // A simulated hit is reported by the first source only: enough to exercise both paths.
      sources: SOURCES.map((source, index) => ({ source, found: found && index === 0 })),
      checkedAt: context.now().toISOString(),
      message: 'Simulated by the sandbox: no criminal-records database was consulted.',
    };
    const updated = context.store.replace(COLLECTIONS.informationValidations, {
      ...information,
      backgroundCheck: check,
      updatedAt: check.checkedAt,
    });
    return { informationValidation: updated, backgroundCheck: check };
  });
}
