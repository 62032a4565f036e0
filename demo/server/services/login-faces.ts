import { FaceIndex } from '../biometrics/face-index.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import type { Store } from '../db.js';
import type { RegistrationRecord } from '../records.js';

/**
 * The faces a face login searches: the enrolled selfies of a project's COMPLETED registrations,
 * one {@link FaceIndex} per project, keyed by registration id. An index is loaded from the
 * database on its project's first search and kept current afterwards: a registration that
 * completes is added, one that is erased is removed.
 */

const indexes = new WeakMap<Store, Map<string, FaceIndex>>();

const loadedIndexes = (store: Store) => {
  let byProject = indexes.get(store);
  if (!byProject) indexes.set(store, (byProject = new Map()));
  return byProject;
};

/** The registration's enrolled descriptor, if it completed with a face. */
function completedFace(context: SandboxContext, registration: RegistrationRecord): number[] | undefined {
  if (registration.status !== 'COMPLETED' || registration.person === null) return undefined;
  return context.store.get(COLLECTIONS.persons, registration.person)?._descriptor;
}

/** The project's index, loaded on first use. */
export function loginFaces(context: SandboxContext, project: string): FaceIndex {
  const byProject = loadedIndexes(context.store);
  let index = byProject.get(project);
  if (!index) {
    index = new FaceIndex();
    // Every completed registration: SQLite reads a negative LIMIT as none.
    const { items } = context.store.list(
      COLLECTIONS.appRegistrations,
      undefined,
      { project, status: 'COMPLETED' },
      { offset: 0, limit: -1, order: 'asc' },
    );
    for (const registration of items) {
      const descriptor = completedFace(context, registration);
      if (descriptor) index.set(registration._id, descriptor);
    }
    byProject.set(project, index);
  }
  return index;
}

/** Adds a registration that just completed to its project's index (when that index is loaded). */
export function enrolForLogin(context: SandboxContext, registration: RegistrationRecord): void {
  const index = loadedIndexes(context.store).get(registration.project);
  const descriptor = index && completedFace(context, registration);
  if (index && descriptor) index.set(registration._id, descriptor);
}

/** Removes an erased registration's face from every loaded index. */
export function forgetForLogin(context: SandboxContext, registrationId: string): void {
  for (const index of loadedIndexes(context.store).values()) index.delete(registrationId);
}
