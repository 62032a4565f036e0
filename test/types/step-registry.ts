/**
 * Type tests, compiled (never run) by `npm test`'s type-check: each `@ts-expect-error` line is a
 * piece of a step forgotten or mismatched, and must not compile. If one compiled, the directive
 * itself would be the error, so loosening the registry's types fails the test run.
 */
import { html } from 'lit';
import type { StepId } from '../../src/flow/steps.js';
import type { Translation } from '../../src/i18n/translation.js';
import { STEP_LOADERS } from '../../src/steps/registry.js';
import { defineStep, type StepLoader } from '../../src/steps/step-descriptor.js';
import { dispatchStepEvent } from '../../src/steps/step-events.js';
import { VerifikDoneStep } from '../../src/steps/done/done-step.js';
import { VerifikSignUpStep } from '../../src/steps/sign-up/sign-up-step.js';

// The registry as it is covers every step id.
STEP_LOADERS satisfies Record<StepId, StepLoader>;

// A step id added to the flow table (`src/flow/steps.ts`) without an element.
type WithNewStep = StepId | 'login';
// @ts-expect-error the new step id has no element in the registry
STEP_LOADERS satisfies Record<WithNewStep, StepLoader>;

// A registry that forgets one step's element.
const { liveness: _forgotten, ...withoutLiveness } = STEP_LOADERS;
// @ts-expect-error liveness has no element
withoutLiveness satisfies Record<StepId, StepLoader>;

// A loader that answers something else than a step's element side.
// @ts-expect-error a step module is not a descriptor
(() => import('../../src/steps/done/done-step.js')) satisfies StepLoader;

const render = () => html``;

// A tag that is not declared in HTMLElementTagNameMap.
// @ts-expect-error the tag is unknown
defineStep({ tag: 'verifik-login-step', element: VerifikDoneStep, strings: 'done', render });

// A tag paired with another step's class.
// @ts-expect-error verifik-done-step is not a VerifikSignUpStep
defineStep({ tag: 'verifik-done-step', element: VerifikSignUpStep, strings: 'done', render });

// A strings group the translations do not have.
// @ts-expect-error Translation has no `passkey` group
defineStep({ tag: 'verifik-done-step', element: VerifikDoneStep, strings: 'passkey', render });

// A descriptor without its render.
// @ts-expect-error render is missing
defineStep({ tag: 'verifik-done-step', element: VerifikDoneStep, strings: 'done' });

// A translation that forgets a step's name (the progress line shows it).
declare const en: Translation;
const { liveness: _name, ...stepNames } = en.steps;
// @ts-expect-error liveness has no name
stepNames satisfies Translation['steps'];

// Step messages carry the detail their name requires.
declare const host: HTMLElement;
// @ts-expect-error step-fail needs `{final}`
dispatchStepEvent(host, 'step-fail', {});
// @ts-expect-error no such step message
dispatchStepEvent(host, 'step-skip', null);
