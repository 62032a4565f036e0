import { Task } from '@lit/task';
import { html } from 'lit';
import { EnrollError } from '../../errors/enroll-error.js';
import { toEnrollError } from '../../api/to-enroll-error.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { statusStyles } from '../../styles/status.js';
import { tokens } from '../../styles/tokens.js';
import { busyStatus, failureNotice } from '../../ui/capture-screens.js';
import { completeStep, failStep, reportStepError } from '../step-events.js';
import { StepElement } from '../step-element.js';
import { defineStep } from '../step-descriptor.js';

/**
 * The face match: as soon as it is shown, asks Verifik to compare the selfie with the document's
 * portrait. A match moves on; a mismatch fails the step for good (the flow's `compareMinScore`
 * decided it); trouble reaching the API offers a retry.
 */
export class VerifikFaceMatchStep extends StepElement {
  static override styles = [tokens, formStyles, buttonStyles, statusStyles];

  private readonly compareTask = new Task(this, {
    args: () => [this.enrollment.api] as const,
    task: async ([api], { signal }) => {
      let passed: boolean | undefined;
      try {
        const answer = await api.compareFaces(signal);
        passed = answer?.compareFaceVerification?.result?.passed;
      } catch (caught) {
        const error = toEnrollError(caught);
        reportStepError(this, error);
        throw error;
      }
      if (passed === true) {
        completeStep(this);
      } else if (passed === false) {
        reportStepError(this, new EnrollError('face_match_failed', 'the selfie does not match the document'));
        failStep(this, true);
      } else {
        const error = new EnrollError('invalid_response', 'the face match answer has no result', true);
        reportStepError(this, error);
        throw error;
      }
    },
  });

  protected override render() {
    const { faceMatch } = this.t;
    return html`<h2 part="title" tabindex="-1">${faceMatch.title}</h2>
      ${this.compareTask.render({
        error: (error) =>
          failureNotice(this.t.errors[toEnrollError(error).code], {
            label: faceMatch.retry,
            onRetry: () => void this.compareTask.run(),
          }),
        pending: () => busyStatus(faceMatch.checking),
        initial: () => busyStatus(faceMatch.checking),
        complete: () => busyStatus(faceMatch.checking),
      })}`;
  }
}

/** The face match's element side (see the step registry). */
export const faceMatchStep = defineStep({
  tag: 'verifik-face-match-step',
  element: VerifikFaceMatchStep,
  strings: 'faceMatch',
  render: () => html`<verifik-face-match-step data-step></verifik-face-match-step>`,
});
