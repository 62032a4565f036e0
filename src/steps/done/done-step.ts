import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Failure } from '../../context/enrollment-context.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';
import { failureIcon, illustrationStyles, successIcon } from '../../ui/illustrations.js';
import { StepElement } from '../step-element.js';
import { defineStep } from '../step-descriptor.js';

/**
 * The last screen: the verification is complete (with or without the identity checks), or it
 * ended failed, with the reason in plain words, what to do next and the reference for support.
 */
export class VerifikDoneStep extends StepElement {
  static override styles = [
    tokens,
    formStyles,
    illustrationStyles,
    css`
      :host {
        text-align: center;
      }
      .reference {
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** Why the flow failed; unset when it completed. */
  @property({ attribute: false }) failure: Failure | undefined;

  /** Verifik's final status, e.g. `COMPLETED_WITHOUT_KYC` when the identity checks were skipped. */
  @property() status = '';

  /** The registration id, for support. */
  @property() reference = '';

  /** `login`: the end of a login flow (logged in, or not). */
  @property() kind: 'onboarding' | 'login' = 'onboarding';

  protected override render() {
    const { done, errors, login } = this.t;
    const failure = this.failure;
    const isLogin = this.kind === 'login';
    if (!failure) {
      return html`${successIcon()}
        <h2 part="title" tabindex="-1">${isLogin ? login.doneTitle : done.title}</h2>
        <p>${isLogin ? login.doneText : this.status === 'COMPLETED_WITHOUT_KYC' ? done.textWithoutKyc : done.text}</p>`;
    }
    return html`${failureIcon()}
      <h2 part="title" tabindex="-1">${isLogin ? login.failedTitle : done.failedTitle}</h2>
      ${failure.code ? html`<p>${errors[failure.code]}</p>` : nothing}
      ${failure.attemptsUsed ? html`<p>${errors.attempts_exhausted}</p>` : nothing}
      <p>${done.failedText}</p>
      ${this.reference ? html`<p class="muted">${done.referenceLabel} <bdi class="reference">${this.reference}</bdi></p>` : nothing}`;
  }
}

/** The last screen's element side (see the step registry). */
export const doneStep = defineStep({
  tag: 'verifik-done-step',
  element: VerifikDoneStep,
  strings: 'done',
  render: ({ enrollment }) =>
    html`<verifik-done-step
      data-step
      .failure=${enrollment.machine.status === 'failed' ? (enrollment.failure ?? { code: undefined, attemptsUsed: false }) : undefined}
      status=${enrollment.result?.type === 'onboarding' ? enrollment.result.status : ''}
      kind=${enrollment.flow.kind}
      reference=${enrollment.api.appRegistrationId ?? ''}
    ></verifik-done-step>`,
});
