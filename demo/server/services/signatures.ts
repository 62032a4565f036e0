import { checkImage } from '../biometrics/images.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';
import type { RegistrationRecord, SignatureRecord } from '../records.js';
import { currentRegistration, flowOf, requireOpen, updateRegistration } from './registration.js';

/** Largest signature image, in bytes: a drawn signature is a small PNG. */
export const MAX_SIGNATURE_BYTES = 1024 * 1024;

/**
 * The form step's signature: one current signature per registration (a new one replaces it), a
 * complete JPEG, PNG or WebP image or a typed name.
 */
export async function saveSignature(
  context: SandboxContext,
  registration: RegistrationRecord,
  signature: { image?: Buffer | undefined; typedName?: string | undefined },
): Promise<SignatureRecord> {
  requireOpen(registration);
  const flow = flowOf(context, registration);
  if (flow.steps.form === 'skip' && !flow.requiresSignature) throw verifikError(409, 'form_not_enabled');
  const { image } = signature;
  if (image) await checkImage(image, 'image', { complete: true });
  const { store } = context;
  return store.transaction(() => {
    const current = currentRegistration(context, registration._id);
    requireOpen(current);
    store.deleteWhere(COLLECTIONS.signatures, 'appRegistration', current._id);
    const now = context.now().toISOString();
    const saved = store.insert(COLLECTIONS.signatures, {
      _id: newObjectId(context.now()),
      client: current.client,
      appRegistration: current._id,
      createdAt: now,
      updatedAt: now,
      method: image ? 'drawn' : 'typed',
      typedName: image ? null : (signature.typedName ?? null),
      _image: image?.toString('base64') ?? null,
    });
    updateRegistration(context, current._id, { signature: saved._id, currentStep: 'form' });
    return saved;
  });
}
