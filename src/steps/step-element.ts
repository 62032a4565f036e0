import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { type EnrollmentContext, enrollmentContext } from '../context/enrollment-context.js';
import { LocalizeController } from '../context/localize-controller.js';
import type { Translation } from '../i18n/translation.js';

/**
 * The base of every step element: the enrollment (project, flow, API, saved fields, machine)
 * from the root's context, and the strings of the widget's language, re-rendered when it changes.
 */
export abstract class StepElement extends LitElement {
  /** The enrollment, provided by the root (available from `connectedCallback` on). */
  @consume({ context: enrollmentContext }) protected enrollment!: EnrollmentContext;

  private readonly localize = new LocalizeController(this);

  /** The strings to render with. */
  protected get t(): Translation {
    return this.localize.t;
  }
}
