import type { VerifikErrorCode } from '../events/verifik-error.js';

/**
 * Every string the widget shows. `en` is complete and bundled; other languages implement the same
 * interface, and integrators override single keys through the element's `strings` property.
 */
export interface Translation {
  /** Language tag of this translation. */
  $lang: string;
  loading: string;
  setupErrorTitle: string;
  retry: string;
  readyTitle: string;
  /** Names the flow about to run. */
  readyFlow: (flowName: string) => string;
  errors: Record<VerifikErrorCode, string>;
}

/** Per-key overrides: any top-level string, and any error message. */
export type TranslationOverrides = Partial<Omit<Translation, 'errors'>> & {
  errors?: Partial<Translation['errors']>;
};

/** `base` with `overrides` applied key by key. */
export function withOverrides(base: Translation, overrides: TranslationOverrides | undefined): Translation {
  if (!overrides) return base;
  return { ...base, ...overrides, errors: { ...base.errors, ...overrides.errors } };
}
