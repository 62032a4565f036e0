import type { TemplateResult } from 'lit';
import type { EnrollmentContext } from '../context/enrollment-context.js';
import type { EnrollError } from '../errors/enroll-error.js';
import type { Translation } from '../i18n/translation.js';

/** What the root knows when it renders a step: the enrollment and its own settings. */
export interface StepView {
  readonly enrollment: EnrollmentContext;
  /** Folder URL (ending in `/`) of face-api, its wasm files and models. */
  readonly assetsUrl: string;
  /** The active liveness challenge the page asked for. */
  readonly challenge: 'none' | 'turn';
  /** Reports a failure as `verifik-error` from the current step; `context` (a URL) follows the message. */
  readonly reportError: (error: EnrollError, context?: string) => void;
}

/** The groups of {@link Translation} that hold one step's strings. */
export type StringsGroup = {
  [Key in keyof Translation]: Translation[Key] extends Record<string, unknown> ? Key : never;
}[Exclude<keyof Translation, 'steps' | 'actions' | 'errors'>];

/** The tags of step elements, as declared in `HTMLElementTagNameMap` (see `registry.ts`). */
export type StepTag = Extract<keyof HTMLElementTagNameMap, `verifik-${string}-step`>;

/**
 * The element side of one step, declared beside its element: the tag, the class, how the root
 * renders it (with the props only it needs; the rest comes from the enrollment context), its
 * strings group and an optional prefetch. The registry collects one per step id. The tag must be
 * in `HTMLElementTagNameMap`, mapped to this very class. The registry loads it on demand.
 */
export interface StepElementDescriptor<Tag extends StepTag = StepTag> {
  /** The custom-element name. */
  readonly tag: Tag;
  /** The element class the tag is defined with. */
  readonly element: new () => HTMLElementTagNameMap[Tag];
  /** Elements the step's template uses beside its own (tag, class), defined when the step loads. */
  readonly elements?: readonly (readonly [tag: string, element: CustomElementConstructor])[];
  /** Where the step's strings live in {@link Translation}. */
  readonly strings: StringsGroup;
  /** The step's element for the current state (marked `data-step`: the root focuses its heading). */
  render(view: StepView): TemplateResult;
  /** Run on the step before this one when this one is mandatory, e.g. to load models early. */
  prefetch?(view: StepView): void;
}

/** Loads one step's element side (a dynamic `import()` of its module, see `registry.ts`). */
export type StepLoader = () => Promise<StepElementDescriptor>;

/** Declares a step's element side, checking its tag against its class. */
export const defineStep = <const Tag extends StepTag>(descriptor: StepElementDescriptor<Tag>) => descriptor;
