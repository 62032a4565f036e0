import type { NormalizedFlow } from '../../../src/flow/flow.types.js';
import { type KycStepId, planSteps, STEPS } from '../../../src/flow/steps.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import type { AttemptRecord, CompareRecord, RegistrationRecord } from '../records.js';

/** What a registration holds of its KYC steps, read together with the decision that uses it. */
export interface Evidence {
  registration: RegistrationRecord;
  /** The current, validated document. */
  document?: AttemptRecord | undefined;
  /** The current, validated selfie. */
  selfie?: AttemptRecord | undefined;
  /** The latest face match. */
  compare?: CompareRecord | undefined;
  /** The criminal-history check's outcome, when one ran on the current document. */
  criminalCheck?: 'CLEAR' | 'RECORDS_FOUND' | undefined;
}

/** `passed`; `missing` (not done); `failed` (done, and it blocks completion even when optional). */
export type Proof = 'passed' | 'missing' | 'failed';

/**
 * How the sandbox proves each KYC step of the widget's plan. A step added to the plan's KYC set
 * without a proof here is a compile error.
 */
export const PROOFS = {
  basicInformation: ({ registration }) => (registration.basicInformation ? 'passed' : 'missing'),
  // With the criminal-history check on, the document passes only once its number came back clear.
  document: ({ document, criminalCheck }, flow) => {
    if (document?.status !== 'VALIDATED') return 'missing';
    if (!flow.document.verifyCriminalHistory || criminalCheck === 'CLEAR') return 'passed';
    return criminalCheck === 'RECORDS_FOUND' ? 'failed' : 'missing';
  },
  liveness: ({ selfie }) => (selfie?.status === 'VALIDATED' ? 'passed' : 'missing'),
  // A match counts only for the document and selfie it compared: a new capture needs a new match.
  faceMatch: ({ document, selfie, compare }) => {
    if (!document || !selfie) return 'missing';
    const current = compare?.gallery[0] === document._id && compare.probe[0] === selfie._id;
    return current && compare.result.passed ? 'passed' : 'failed';
  },
  form: ({ registration }) => (registration.signature ? 'passed' : 'missing'),
} satisfies Record<KycStepId, (evidence: Evidence, flow: NormalizedFlow) => Proof>;

const isKyc = (id: string): id is KycStepId => id in PROOFS;

/** The registration's KYC evidence as stored now. */
export function evidenceOf(context: SandboxContext, registration: RegistrationRecord): Evidence {
  const { store } = context;
  const get = <T>(id: string | null, read: (id: string) => T | undefined) => (id === null ? undefined : read(id));
  const document = get(registration.documentValidation, (id) => store.get(COLLECTIONS.documentValidations, id));
  const information = store.get(COLLECTIONS.informationValidations, registration.informationValidation);
  const check = information?.['backgroundCheck'] as { status?: string; documentValidation?: string } | undefined;
  return {
    registration,
    document,
    criminalCheck:
      document && check?.documentValidation === document._id ? (check.status as Evidence['criminalCheck']) : undefined,
    selfie: get(registration.biometricValidation, (id) => store.get(COLLECTIONS.biometricValidations, id)),
    compare: get(registration.compareFaceVerification, (id) => store.get(COLLECTIONS.compareFaceVerifications, id)),
  };
}

/**
 * The first KYC step of the flow's plan that keeps the registration from completing: a mandatory
 * step without proof, or any step whose proof failed. Undefined when it may complete.
 */
export function missingForCompletion(evidence: Evidence, flow: NormalizedFlow): KycStepId | undefined {
  for (const { id, requirement } of planSteps(flow)) {
    if (!isKyc(id)) continue;
    const proof = PROOFS[id](evidence, flow);
    if (proof === 'failed' || (requirement === 'mandatory' && proof !== 'passed')) return id;
  }
  return undefined;
}

/** Whether the flow's plan has a mandatory KYC step (then KYC cannot be skipped). */
export const kycIsMandatory = (flow: NormalizedFlow): boolean =>
  planSteps(flow).some(({ id, requirement }) => STEPS[id].kyc && requirement === 'mandatory');
