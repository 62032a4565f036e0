import { COLLECTIONS, type SandboxContext } from '../context.js';
import type {
  CollectionName,
  Collections,
  FlowRecord,
  OpenRecord,
  ProjectRecord,
  RegistrationRecord,
} from '../records.js';
import { ApiError } from '../errors.js';
import { publicDoc, publicFlow, publicProject } from '../public-views.js';

/** `populates[]` of Verifik's app-registration endpoints: referenced ids replaced by the records. */
const REFERENCES = {
  project: COLLECTIONS.projects,
  projectFlow: COLLECTIONS.projectFlows,
  emailValidation: COLLECTIONS.emailValidations,
  phoneValidation: COLLECTIONS.phoneValidations,
  documentValidation: COLLECTIONS.documentValidations,
  biometricValidation: COLLECTIONS.biometricValidations,
  informationValidation: COLLECTIONS.informationValidations,
  compareFaceVerification: COLLECTIONS.compareFaceVerifications,
  person: COLLECTIONS.persons,
  signature: COLLECTIONS.signatures,
} as const satisfies Partial<Record<keyof RegistrationRecord, CollectionName>>;

const isReference = (name: string): name is keyof typeof REFERENCES => name in REFERENCES;

/** Lists of a registration's failed attempts. */
const FAILED_LISTS: Partial<
  Record<string, typeof COLLECTIONS.biometricValidations | typeof COLLECTIONS.documentValidations>
> = {
  failedBiometricValidations: COLLECTIONS.biometricValidations,
  failedDocumentValidations: COLLECTIONS.documentValidations,
};

/** Documented populates the sandbox has no records for: answered as null. */
const UNSUPPORTED = [
  'face',
  'documentFace',
  'cryptoValidation',
  'formSubmittion',
  'formSubmission',
  'accessControlLog',
];

export const POPULATES = [...Object.keys(REFERENCES), ...Object.keys(FAILED_LISTS), ...UNSUPPORTED];

/** More entries than this (repeats included) is a 400: no honest client sends that many. */
const MAX_ENTRIES = 100;

/** The `populates[]` (or `populates`) query parameter, checked, each name once. */
export function readPopulates(query: unknown): string[] {
  const raw = (query as Record<string, unknown> | undefined) ?? {};
  const value = raw['populates[]'] ?? raw['populates'] ?? [];
  const names = (Array.isArray(value) ? value : [value]).flatMap((entry) => String(entry).split(','));
  if (names.length > MAX_ENTRIES) {
    throw new ApiError(400, 'OUT_OF_RANGE', `populates must list at most ${MAX_ENTRIES} entries`);
  }
  for (const name of names) {
    if (!POPULATES.includes(name)) {
      throw new ApiError(400, 'INVALID_ENUM', `populates must be among ${POPULATES.join(', ')} (got "${name}")`);
    }
  }
  return [...new Set(names)];
}

/**
 * `registration` as answered: private fields dropped, the requested references populated. The
 * registrant sees the project and flow as the public kyc endpoint shows them; the client sees all.
 */
export function presentRegistration(
  context: SandboxContext,
  registration: RegistrationRecord,
  populates: string[] = [],
  audience: 'client' | 'registrant' = 'client',
): OpenRecord {
  const result: OpenRecord = { ...publicDoc(registration) };
  const view = (name: string, doc: Collections[CollectionName]) => {
    if (audience === 'client') return publicDoc(doc);
    // The project and flow records are open records (stored as sent).
    if (name === 'project') return publicProject(doc as ProjectRecord);
    return name === 'projectFlow' ? publicFlow(doc as FlowRecord) : publicDoc(doc);
  };
  for (const name of populates) {
    if (isReference(name)) {
      const id = registration[name];
      const doc = id === null ? undefined : context.store.get(REFERENCES[name], id);
      result[name] = doc ? view(name, doc) : null;
    } else if (FAILED_LISTS[name]) {
      const failed = context.store.list(
        FAILED_LISTS[name]!,
        registration.client,
        { appRegistration: registration._id, status: 'FAILED' },
        { offset: 0, limit: 100, order: 'asc' },
      );
      result[name] = failed.items.map(publicDoc);
    } else {
      result[name] = null;
    }
  }
  return result;
}
