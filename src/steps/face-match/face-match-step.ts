import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { RegistrantApi } from '../../api/registrant-api.js';
import { EnrollError } from '../../errors/enroll-error.js';
import { toEnrollError } from '../../api/to-enroll-error.js';
import { en } from '../../i18n/en.js';
import type { Translation } from '../../i18n/translation.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { statusStyles } from '../../styles/status.js';
import { tokens } from '../../styles/tokens.js';
import { busyStatus, failureNotice } from '../../ui/capture-screens.js';
import { completeStep, failStep, reportStepError } from '../step-events.js';

/**
 * The face match: as soon as it is shown, asks Verifik to compare the selfie with the document's
 * portrait. A match moves on; a mismatch fails the step for good (the flow's `compareMinScore`
 * decided it); trouble reaching the API offers a retry.
 */
export class VerifikFaceMatchStep extends LitElement {
  static override styles = [tokens, formStyles, buttonStyles, statusStyles];

  @property({ attribute: false }) api!: RegistrantApi;
  @property({ attribute: false }) t: Translation = en;

  private readonly compareTask = new Task(this, {
    args: () => [this.api] as const,
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
