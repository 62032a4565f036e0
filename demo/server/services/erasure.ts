import { COLLECTIONS, type SandboxContext } from '../context.js';
import { REGISTRATION_PARTS } from '../records.js';
import { forgetForLogin } from './login-faces.js';
import { FINAL_STATUSES } from './registration.js';

/**
 * The person's right to erasure: a registration and everything derived from it (codes, messages,
 * captures, face descriptors, matches, signatures), in one transaction.
 */
export function eraseRegistration(context: SandboxContext, id: string): void {
  context.store.transaction(() => {
    for (const collection of REGISTRATION_PARTS) context.store.deleteWhere(collection, 'appRegistration', id);
    context.store.delete(COLLECTIONS.appRegistrations, id);
  });
  forgetForLogin(context, id);
}

/** Erases the finished registrations last changed more than `days` days ago; how many. */
export function purgeFinished(context: SandboxContext, days: number): number {
  const cutoff = new Date(context.now().getTime() - days * 86_400_000).toISOString();
  let erased = 0;
  for (const status of FINAL_STATUSES) {
    const { items } = context.store.list(
      COLLECTIONS.appRegistrations,
      undefined,
      { status },
      { offset: 0, limit: 100_000, order: 'asc' },
    );
    for (const registration of items.filter(({ updatedAt }) => updatedAt < cutoff)) {
      eraseRegistration(context, registration._id);
      erased++;
    }
  }
  return erased;
}
