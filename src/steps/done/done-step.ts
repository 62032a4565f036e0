import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';
import { StepElement } from '../step-element.js';
import { defineStep } from '../step-descriptor.js';

/** The last screen: the verification is complete, or it ended failed. */
export class VerifikDoneStep extends StepElement {
  static override styles = [tokens, formStyles];

  /** The flow ended because a step failed. */
  @property({ type: Boolean }) failed = false;

  protected override render() {
    const { done } = this.t;
    return html`<h2 part="title" tabindex="-1">${this.failed ? done.failedTitle : done.title}</h2>
      <p>${this.failed ? done.failedText : done.text}</p>`;
  }
}

/** The last screen's element side (see the step registry). */
export const doneStep = defineStep({
  tag: 'verifik-done-step',
  element: VerifikDoneStep,
  strings: 'done',
  render: ({ enrollment }) =>
    html`<verifik-done-step data-step ?failed=${enrollment.machine.status === 'failed'}></verifik-done-step>`,
});
