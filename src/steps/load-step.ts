import { chunkLoadError } from '../errors/enroll-error.js';
import type { StepId } from '../flow/steps.js';
import { STEP_LOADERS } from './registry.js';
import type { StepElementDescriptor } from './step-descriptor.js';

const loaded = new Map<StepId, StepElementDescriptor>();
const loading = new Map<StepId, Promise<StepElementDescriptor>>();

/** Defines a step's tags once (two step ids share the code step's element). */
function define({ tag, element, elements = [] }: StepElementDescriptor): void {
  // On a server without a custom-element registry (SSR, edge runtimes) there is nothing to define.
  if (typeof customElements === 'undefined') return;
  for (const [name, constructor] of [[tag, element], ...elements] as const) {
    if (!customElements.get(name)) customElements.define(name, constructor);
  }
}

/**
 * The element side of step `id`, loading its module (a chunk of its own) on first use and
 * defining its tag. A failed load is a recoverable `network_error`, and the next call tries again.
 */
export function loadStep(id: StepId): Promise<StepElementDescriptor> {
  let pending = loading.get(id);
  if (!pending) {
    pending = STEP_LOADERS[id]().then(
      (step) => {
        define(step);
        loaded.set(id, step);
        return step;
      },
      (error: unknown) => {
        loading.delete(id);
        throw chunkLoadError(error);
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/** The element side of step `id` if {@link loadStep} has loaded it, so the root renders it at once. */
export const loadedStep = (id: StepId): StepElementDescriptor | undefined => loaded.get(id);
