import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toEnrollError } from '../api/to-enroll-error.js';
import type { VerifikErrorCode } from '../errors/error-codes.js';
import { reportStepError } from '../steps/step-events.js';
import { StepElement } from '../steps/step-element.js';
import { buttonStyles } from '../styles/buttons.js';
import { formStyles } from '../styles/form.js';
import { statusStyles } from '../styles/status.js';
import { tokens } from '../styles/tokens.js';
import { handoffLink, nextPollDelay, renewIn } from './handoff-plan.js';
import { handoffStatus, issueHandoff } from './handoff-api.js';
import { qrCode } from './qr-code.js';
import type { HandoffStatus } from './handoff-api.js';

/** Messages of the handoff screen to the root: the phone's progress, and leaving the handoff. */
export interface HandoffScreenEvents {
  /** Every status read: the root moves the flow on as the phone passes its steps. */
  'handoff-status': HandoffStatus;
  /** The person chose to use this device after all. */
  'handoff-leave': null;
}

const send = <Name extends keyof HandoffScreenEvents>(
  host: HTMLElement,
  name: Name,
  detail: HandoffScreenEvents[Name],
) => host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));

/**
 * The computer's side of a cross-device handoff: a QR code and a link (copied with one button)
 * to the integrator's page with a single-use token, renewed a minute before it expires; then the
 * phone's progress, read with polling that backs off while nothing changes.
 */
export class VerifikHandoffScreen extends StepElement {
  static override styles = [
    tokens,
    formStyles,
    buttonStyles,
    statusStyles,
    css`
      .code {
        display: grid;
        justify-items: center;
        gap: 0.75rem;
        margin-block: 1rem;
      }
      .qr {
        inline-size: min(15rem, 70vw);
        block-size: auto;
      }
      .received {
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  /** The integrator's page the phone opens (absolute URL). */
  @property({ attribute: 'link-base' }) linkBase = '';

  /** Shown when the widget came here because this device has no camera. */
  @property({ type: Boolean, attribute: 'no-camera' }) noCamera = false;

  /** Offers "Use this device instead" (not with `cross-device="force"`). */
  @property({ type: Boolean, attribute: 'can-leave' }) canLeave = false;

  @state() private link = '';
  @state() private status: HandoffStatus | undefined;
  @state() private copied = false;
  /** Why the last request failed (the person can ask for a new code). */
  @state() private failed: VerifikErrorCode | undefined;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay: number | undefined;
  private abort = new AbortController();

  override connectedCallback(): void {
    super.connectedCallback();
    this.abort = new AbortController();
    void this.renew();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort.abort();
    clearTimeout(this.timer);
  }

  /** A new token, QR code and link; then the status is followed. */
  private async renew(): Promise<void> {
    clearTimeout(this.timer);
    this.failed = undefined;
    this.copied = false;
    try {
      const issued = await issueHandoff(this.enrollment.api, this.abort.signal);
      this.link = handoffLink(this.linkBase, issued.token);
      this.status = {
        handoff: issued.handoff,
        steps: this.status?.steps ?? { document: 'pending', liveness: 'pending' },
      };
      this.delay = undefined;
      this.schedule(false);
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (this.abort.signal.aborted) return;
    const enrollError = toEnrollError(error);
    this.failed = enrollError.code;
    reportStepError(this, enrollError);
  }

  /** The next status read: sooner after a change, never later than the code's renewal. */
  private schedule(changed: boolean): void {
    this.delay = nextPollDelay(this.delay, changed);
    const handoff = this.status?.handoff;
    const renewal = handoff?.status === 'waiting' ? renewIn(handoff.expiresAt, Date.now()) : Infinity;
    this.timer = setTimeout(
      () => void (renewal <= this.delay! ? this.renew() : this.poll()),
      Math.min(this.delay, renewal),
    );
  }

  private async poll(): Promise<void> {
    let status: HandoffStatus;
    try {
      status = await handoffStatus(this.enrollment.api, this.abort.signal);
    } catch (error) {
      this.fail(error);
      return;
    }
    const changed = JSON.stringify(status) !== JSON.stringify(this.status);
    this.status = status;
    send(this, 'handoff-status', status);
    const state = status.handoff?.status;
    // A code replaced or expired before anyone used it: show a fresh one.
    if (state === 'expired' || state === 'revoked') void this.renew();
    else if (state === 'waiting' || state === 'opened') this.schedule(changed);
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.link);
      this.copied = true;
    } catch {
      // No clipboard (permission, an old browser): the link stays selectable beside the button.
      this.renderRoot.querySelector('input')?.select();
    }
  }

  protected override render() {
    const t = this.t.handoff;
    const handoff = this.status?.handoff;
    const steps = this.status?.steps;
    const cancelled = handoff?.status === 'cancelled' && handoff.cancelledBy === 'phone';
    const connected = handoff?.status === 'opened' || handoff?.status === 'finished';
    return html`<h2 part="title" tabindex="-1">${t.title}</h2>
      ${this.noCamera ? html`<p>${t.noCamera}</p>` : nothing}
      ${
        cancelled || this.failed
          ? html`<p role="alert">${this.failed ? this.t.errors[this.failed] : t.cancelledOnPhone}</p>
              <div class="actions">
                <button type="button" @click=${() => void this.renew()}>${t.newCode}</button>
              </div>`
          : connected
            ? nothing
            : this.renderCode()
      }
      <div role="status" class="status">
        ${connected ? html`<span>${t.opened}</span>` : this.link && !cancelled && !this.failed ? html`<span class="spinner" aria-hidden="true"></span><span>${t.waiting}</span>` : nothing}
      </div>
      ${
        steps && (steps.document === 'passed' || steps.liveness === 'passed')
          ? html`<ul class="received">
              ${steps.document === 'passed' ? html`<li>${t.documentReceived}</li>` : nothing}
              ${steps.liveness === 'passed' ? html`<li>${t.selfieReceived}</li>` : nothing}
            </ul>`
          : nothing
      }
      ${
        this.canLeave
          ? html`<div class="actions">
              <button type="button" class="secondary" @click=${() => send(this, 'handoff-leave', null)}>
                ${t.useThisDevice}
              </button>
            </div>`
          : nothing
      }`;
  }

  private renderCode() {
    const t = this.t.handoff;
    if (!this.link) return nothing;
    return html`<p>${t.intro}</p>
      <div class="code">
        <div role="img" aria-label=${t.qrLabel}>${qrCode(this.link)}</div>
      </div>
      <div class="field">
        <label for="link">${t.linkLabel}</label>
        <input
          id="link"
          type="url"
          readonly
          .value=${this.link}
          @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
        />
      </div>
      <div class="actions">
        <button type="button" part="copy" @click=${() => void this.copy()}>${t.copy}</button>
        <span role="status">${this.copied ? t.copied : ''}</span>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verifik-handoff-screen': VerifikHandoffScreen;
  }
}
