import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { type EnrollError } from '../../errors/enroll-error.js';
import { toEnrollError } from '../../api/to-enroll-error.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';
import { VerifikOtpInput } from '../../ui/otp-input.js';
import { loadPhoneNumbers, type PhoneNumbers } from '../phone/load-phone-numbers.js';
import { completeStep, reportStepError, saveFields } from '../step-events.js';
import { StepElement } from '../step-element.js';
import { defineStep, type StepView } from '../step-descriptor.js';
import { OTP_LENGTH, OTP_RESEND_SECONDS } from '../../flow/otp-rules.js';

type Gateway = 'sms' | 'whatsapp';

/**
 * The email or phone code step: sends a code (letting the person pick SMS or WhatsApp when the
 * flow allows both), takes it in one box per digit, and offers a new code after a countdown.
 */
export class VerifikCodeStep extends StepElement {
  static override styles = [tokens, formStyles, buttonStyles];

  @property() channel: 'email' | 'phone' = 'email';

  /** How the phone code goes out: fixed by the flow, or the person's choice when it allows both. */
  @state() private gateway: Gateway = 'whatsapp';
  /** Whether the person still has to pick SMS or WhatsApp (phone channel, flow allows both). */
  @state() private choosing = false;
  @state() private sent = false;
  @state() private busy = false;
  @state() private error: EnrollError | undefined;
  @state() private secondsLeft = 0;
  /** The email validation the code belongs to (Verifik checks email codes by id). */
  private validationId: string | undefined;

  @query('verifik-otp-input') private input!: VerifikOtpInput | null;

  private timer: ReturnType<typeof setInterval> | undefined;
  /** The phone-number helpers (phone channel only). */
  @state() private phones: PhoneNumbers | undefined;
  private abort = new AbortController();

  private get contact() {
    const email = this.enrollment.fields['email']?.trim().toLowerCase() ?? '';
    const phone = this.phones?.phoneParts(
      this.enrollment.fields['phone'] ?? '',
      this.enrollment.fields['country'] ?? 'CO',
    );
    return { email, phone: phone?.phone ?? '', countryCode: phone?.countryCode ?? '', display: phone?.display ?? '' };
  }

  /** The saved field that remembers the contact this step verified. */
  private get verifiedKey() {
    return this.channel === 'email' ? 'verifiedEmail' : 'verifiedPhone';
  }

  /** The contact as this step verifies it (known before the phone helpers load). */
  private get verifiedContact() {
    const { email, phone, country } = this.enrollment.fields;
    return this.channel === 'email' ? (email?.trim().toLowerCase() ?? '') : `${country ?? ''} ${phone ?? ''}`.trim();
  }

  /** The phone helpers with the numbering plan of the number signed up with. */
  private loadPhones(): Promise<PhoneNumbers> {
    return loadPhoneNumbers(this.enrollment.fields['phone'], this.enrollment.fields['country'] ?? 'CO');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.abort = new AbortController();
    this.validationId = this.enrollment.fields['emailValidationId'];
    // Back to the sign-up and on without changing the contact: what was proved stays proved.
    if (this.verifiedContact && this.enrollment.fields[this.verifiedKey] === this.verifiedContact) {
      void this.updateComplete.then(() => completeStep(this));
      return;
    }
    const { phoneGateway } = this.enrollment.flow.signUpForm;
    const phones =
      this.channel === 'phone' ? this.loadPhones().then((loaded) => (this.phones = loaded)) : Promise.resolve();
    this.choosing = this.channel === 'phone' && phoneGateway === 'both';
    if (!this.choosing) {
      if (phoneGateway === 'sms' || phoneGateway === 'whatsapp') this.gateway = phoneGateway;
      void phones.then(() => this.send());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort.abort();
    clearInterval(this.timer);
  }

  private countdown(seconds: number): void {
    clearInterval(this.timer);
    this.secondsLeft = Math.max(0, Math.ceil(seconds));
    this.timer = setInterval(() => {
      this.secondsLeft = Math.max(0, this.secondsLeft - 1);
      if (this.secondsLeft === 0) clearInterval(this.timer);
    }, 1000);
  }

  /**
   * Sends a (new) code. A code sent moments ago (a reload) is kept: the countdown shows when to ask
   * again. When the person asked (a button, now gone), the cursor moves to the code boxes.
   */
  private async send(asked = false): Promise<void> {
    this.busy = true;
    this.error = undefined;
    if (this.channel === 'phone') this.phones ??= await this.loadPhones();
    const { email, phone, countryCode } = this.contact;
    try {
      const validation =
        this.channel === 'email'
          ? await this.enrollment.checks.sendEmailCode(email, this.t.$lang, this.abort.signal)
          : await this.enrollment.checks.sendPhoneCode(
              phone,
              countryCode,
              this.gateway,
              this.t.$lang,
              this.abort.signal,
            );
      if (this.channel === 'email') {
        this.validationId = validation._id;
        saveFields(this, { emailValidationId: validation._id });
      }
      this.sent = true;
      this.choosing = false;
      this.input?.clear();
      const resendAt = validation.resendAvailableAt
        ? Date.parse(validation.resendAvailableAt)
        : Date.now() + OTP_RESEND_SECONDS * 1000;
      this.countdown((resendAt - Date.now()) / 1000);
      if (asked) void this.updateComplete.then(() => this.input?.focus());
    } catch (caught) {
      if (this.abort.signal.aborted) return;
      const error = toEnrollError(caught);
      if (error.code === 'otp_resend_too_soon') {
        this.sent = true;
        this.choosing = false;
        this.countdown(Number(error.detail ?? OTP_RESEND_SECONDS));
      } else {
        this.error = error;
        reportStepError(this, error);
      }
    } finally {
      this.busy = false;
    }
  }

  private async verify(code: string): Promise<void> {
    if (this.busy || code.length !== OTP_LENGTH) return;
    this.busy = true;
    this.error = undefined;
    const { email, phone, countryCode } = this.contact;
    try {
      if (this.channel === 'email') {
        await this.enrollment.checks.checkEmailCode(this.validationId ?? '', email, code, this.abort.signal);
      } else {
        await this.enrollment.checks.checkPhoneCode(phone, countryCode, code, this.abort.signal);
      }
      saveFields(this, { [this.verifiedKey]: this.verifiedContact });
      completeStep(this);
    } catch (caught) {
      if (this.abort.signal.aborted) return;
      this.error = toEnrollError(caught);
      reportStepError(this, this.error);
      // A code that can no longer pass is cleared; otherwise it stays, so Verify simply retries.
      if (this.error.code === 'otp_attempts_exceeded' || this.error.code === 'otp_expired') this.input?.clear();
      this.busy = false;
      await this.updateComplete;
      this.input?.focus();
    } finally {
      this.busy = false;
    }
  }

  private errorText(error: EnrollError): string {
    if (error.code === 'otp_does_not_match' && error.detail) return this.t.code.wrong(Number(error.detail));
    return this.t.errors[error.code];
  }

  private renderChoice() {
    return html`<fieldset class="field">
        <legend>${this.t.code.channel}</legend>
        ${(['whatsapp', 'sms'] as const).map(
          (gateway) =>
            html`<label class="check"
              ><input
                type="radio"
                name="gateway"
                .checked=${this.gateway === gateway}
                @change=${() => (this.gateway = gateway)}
              />${this.t.code[gateway]}</label
            >`,
        )}
      </fieldset>
      <div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${() => this.send(true)}>${this.t.code.send}</button>
      </div>`;
  }

  protected override render() {
    const { code } = this.t;
    const destination = this.channel === 'email' ? this.contact.email : this.contact.display;
    const formError =
      this.error && !['otp_does_not_match', 'otp_attempts_exceeded', 'otp_expired'].includes(this.error.code);
    return html`
      <h2 part="title" tabindex="-1">${this.channel === 'email' ? code.emailTitle : code.phoneTitle}</h2>
      ${this.sent ? html`<p class="muted">${code.sentTo(destination)}</p>` : nothing}
      ${this.choosing ? this.renderChoice() : nothing}
      ${
        this.sent
          ? html`<form
              novalidate
              @submit=${(event: Event) => (event.preventDefault(), this.verify(this.input?.value ?? ''))}
            >
              <verifik-otp-input
                label=${code.label}
                digit-label=${code.digit}
                .error=${this.error && !formError ? this.errorText(this.error) : ''}
                ?disabled=${this.busy}
                @otp-complete=${(event: CustomEvent<{ code: string }>) => this.verify(event.detail.code)}
              ></verifik-otp-input>
              <div class="actions">
                <button type="submit" ?disabled=${this.busy}>
                  ${this.busy ? this.t.actions.sending : code.verify}
                </button>
                <button
                  type="button"
                  class="secondary"
                  ?disabled=${this.busy || this.secondsLeft > 0}
                  @click=${() => this.send(true)}
                >
                  ${code.resend}
                </button>
              </div>
              ${this.secondsLeft > 0 ? html`<p class="muted">${code.resendIn(this.secondsLeft)}</p>` : nothing}
            </form>`
          : nothing
      }
      ${formError ? html`<p class="error" role="alert">${this.t.errors[this.error!.code]}</p>` : nothing}
      ${
        !this.sent && !this.choosing && this.error
          ? html`<div class="actions">
              <button type="button" ?disabled=${this.busy} @click=${() => this.send(true)}>${this.t.retry}</button>
            </div>`
          : nothing
      }
    `;
  }
}

/** The element side of a code step on the channel `channelOf` names for the current state. */
const codeStep = (channelOf: (view: StepView) => VerifikCodeStep['channel']) =>
  defineStep({
    tag: 'verifik-code-step',
    element: VerifikCodeStep,
    strings: 'code',
    elements: [['verifik-otp-input', VerifikOtpInput]],
    render: (view) => html`<verifik-code-step data-step channel=${channelOf(view)}></verifik-code-step>`,
  });

/** The email code step's element side. */
export const emailCodeStep = codeStep(() => 'email');

/** The phone code step's element side. */
export const phoneCodeStep = codeStep(() => 'phone');

/** The login code step's element side: to the contact the person chose on the identify step. */
export const loginCodeStep = codeStep(({ enrollment }) =>
  enrollment.fields['loginChannel'] === 'phone' ? 'phone' : 'email',
);
