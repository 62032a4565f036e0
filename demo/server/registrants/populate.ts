import { COLLECTIONS, type SandboxContext } from '../context.js';
import type { StoredDoc } from '../db.js';
import { ApiError } from '../errors.js';
import { publicDoc, publicFlow, publicProject } from '../public-views.js';

/** `populates[]` of Verifik's app-registration endpoints: referenced ids replaced by the records. */
const REFERENCES: Record<string, string> = {
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
};

/** Lists of a registration's failed attempts. */
const FAILED_LISTS: Record<string, string> = {
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

/** The `populates[]` (or `populates`) query parameter, checked. */
export function readPopulates(query: unknown): string[] {
  const raw = (query as Record<string, unknown> | undefined) ?? {};
  const value = raw['populates[]'] ?? raw['populates'] ?? [];
  const names = (Array.isArray(value) ? value : [value]).flatMap((entry) => String(entry).split(','));
  for (const name of names) {
    if (!POPULATES.includes(name)) {
      throw new ApiError(400, 'INVALID_ENUM', `populates must be among ${POPULATES.join(', ')} (got "${name}")`);
    }
  }
  return names;
}

/**
 * `registration` as answered: private fields dropped, the requested references populated. The
 * registrant sees the project and flow as the public kyc endpoint shows them; the client sees all.
 */
export function presentRegistration(
  context: SandboxContext,
  registration: StoredDoc,
  populates: string[] = [],
  audience: 'client' | 'registrant' = 'client',
): StoredDoc {
  const result: StoredDoc = publicDoc(registration);
  const view = (name: string, doc: StoredDoc) => {
    if (audience === 'client') return publicDoc(doc);
    return name === 'project' ? publicProject(doc) : name === 'projectFlow' ? publicFlow(doc) : publicDoc(doc);
  };
  for (const name of populates) {
    const collection = REFERENCES[name];
    if (collection) {
      const id = registration[name];
      const doc = typeof id === 'string' ? context.store.get(collection, id) : undefined;
      result[name] = doc ? view(name, doc) : null;
    } else if (FAILED_LISTS[name]) {
      const failed = context.store.list(
        FAILED_LISTS[name],
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
