import { ContextProvider } from '@lit/context';
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { IdentityChecks } from '../../../src/api/login-api.js';
import type { RegistrantApi } from '../../../src/api/registrant-api.js';
import type { KycProject } from '../../../src/api/types.js';
import { type EnrollmentContext, enrollmentContext } from '../../../src/context/enrollment-context.js';
import { translationContext } from '../../../src/context/localize-controller.js';
import { initialState } from '../../../src/flow/machine.js';
import type { NormalizedFlow } from '../../../src/flow/flow.types.js';
import { normalizeFlow } from '../../../src/flow/normalize-flow.js';
import { en } from '../../../src/i18n/en.js';
import type { Translation } from '../../../src/i18n/translation.js';
import './all-steps.js';

export interface StepSetup {
  api: RegistrantApi;
  /** Where the code and selfie steps send their checks. Default: `api`, as in an onboarding flow. */
  checks?: IdentityChecks;
  /** Default: an onboarding flow with every default. */
  flow?: NormalizedFlow;
  project?: KycProject;
  fields?: Record<string, string>;
  t?: Translation;
}

/**
 * Mounts a step element alone, inside a parent that provides what `<verifik-enroll>` provides
 * to its steps: the enrollment and the strings (the real context, not props).
 */
export async function stepFixture<T extends Element>(template: TemplateResult, setup: StepSetup): Promise<T> {
  const parent = document.createElement('div');
  document.body.append(parent);
  const flow = setup.flow ?? normalizeFlow({ _id: 'test-flow', project: 'test-project', type: 'onboarding' });
  const enrollment: EnrollmentContext = {
    api: setup.api,
    checks: setup.checks ?? setup.api,
    flow,
    project: setup.project ?? { _id: 'test-project' },
    fields: setup.fields ?? {},
    machine: initialState(flow),
  };
  new ContextProvider(parent, { context: enrollmentContext, initialValue: enrollment });
  const strings = new ContextProvider(parent, { context: translationContext, initialValue: setup.t ?? en });
  const element = await fixture<T>(template, { parentNode: parent });
  stringProviders.set(element, strings);
  return element;
}

const stringProviders = new WeakMap<Element, ContextProvider<typeof translationContext>>();

/** Gives a step mounted by {@link stepFixture} other strings, as the root does when `lang` changes. */
export function provideStrings(element: Element, t: Translation): void {
  stringProviders.get(element)!.setValue(t);
}
