import { html, nothing } from 'lit';

/**
 * Screens the capture steps share: the busy line while the API checks a photo, and a failure
 * with an optional way to try again.
 */

/** A spinner beside `text`, announced politely. */
export const busyStatus = (text: string) =>
  html`<div class="status" role="status"><span class="spinner" aria-hidden="true"></span><span>${text}</span></div>`;

export interface RetryAction {
  label: string;
  onRetry: () => void;
  /** A line above the button, e.g. the attempts left. */
  note?: string;
}

/** An alert with `message`, and a retry button unless `retry` is undefined. */
export const failureNotice = (message: string, retry?: RetryAction) =>
  html`<p class="error" role="alert">${message}</p>
    ${retry?.note ? html`<p class="muted">${retry.note}</p>` : nothing}
    ${
      retry
        ? html`<div class="actions"><button type="button" @click=${retry.onRetry}>${retry.label}</button></div>`
        : nothing
    }`;
