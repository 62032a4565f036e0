import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';
import { submitActions } from '../../ui/form-actions.js';
import { phoneField } from '../../ui/phone-field.js';
import { textField } from '../../ui/text-field.js';
import { loadPhoneNumbers, type PhoneNumbers } from '../phone/load-phone-numbers.js';
import { type FieldProblem, validateSignUp } from '../sign-up/validate-sign-up.js';
import { defineStep } from '../step-descriptor.js';
import { StepElement } from '../step-element.js';
import { completeStep, saveFields } from '../step-events.js';

/** How the person identifies: the contact the login code goes to. */
export type LoginChannel = 'email' | 'phone';

/**
 * The first screen of a login flow: the email or phone number the person registered with (their
 * choice when the flow allows both), checked for form only. Whether anyone registered with it is
 * never said here: the code step that follows looks the same either way.
 */
export class VerifikIdentifyStep extends StepElement {
  static override styles = [tokens, formStyles, buttonStyles];

  @state() private channel: LoginChannel = 'email';
  @state() private values: Record<string, string> = {};
  @state() private problem: FieldProblem | undefined;
  /** The phone-number helpers, once loaded (only flows that log in by phone load them). */
  @state() private phones: PhoneNumbers | undefined;

  /** The channels the flow offers, email first. */
  private get channels(): LoginChannel[] {
    const { login } = this.enrollment.flow;
    return [...(login.email ? (['email'] as const) : []), ...(login.phone ? (['phone'] as const) : [])];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { fields } = this.enrollment;
    const saved = fields['loginChannel'];
    this.channel = this.channels.find((channel) => channel === saved) ?? this.channels[0] ?? 'email';
    const country = navigator.language.split('-')[1]?.toUpperCase();
    this.values = { country: country && /^[A-Z]{2}$/.test(country) ? country : 'CO', ...fields };
    if (this.channels.includes('phone'))
      void loadPhoneNumbers(this.values['phone'], this.values['country']).then((phones) => (this.phones = phones));
  }

  private setValue(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // The numbering plan of the country picked (or of a calling code typed) may still be loading.
    const phones =
      this.channel === 'phone' ? await loadPhoneNumbers(this.values['phone'], this.values['country']) : undefined;
    const problems = validateSignUp(
      this.values,
      [this.channel],
      this.enrollment.flow.signUpForm,
      phones ?? { phoneParts: () => undefined },
    );
    this.problem = problems.get(this.channel);
    if (this.problem) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const { email = '', phone = '', country = '' } = this.values;
    // Only the contact chosen goes on: the other one is not the person's login.
    saveFields(
      this,
      this.channel === 'email'
        ? { loginChannel: 'email', email: email.trim(), phone: '' }
        : { loginChannel: 'phone', phone: phone.trim(), country, email: '' },
    );
    completeStep(this);
  }

  private renderChoice(): TemplateResult {
    const { login, signUp } = this.t;
    return html`<fieldset class="field">
      <legend>${login.channel}</legend>
      ${this.channels.map(
        (channel) =>
          html`<label class="check"
            ><input
              type="radio"
              name="channel"
              .checked=${this.channel === channel}
              @change=${() => ((this.channel = channel), (this.problem = undefined))}
            />${channel === 'email' ? signUp.email : signUp.phone}</label
          >`,
      )}
    </fieldset>`;
  }

  private renderContact(): TemplateResult | typeof nothing {
    const { signUp } = this.t;
    const error = this.problem && signUp[this.problem];
    if (this.channel === 'email') {
      return textField({
        name: 'email',
        label: signUp.email,
        type: 'email',
        value: this.values['email'] ?? '',
        autocomplete: 'email',
        error,
        onInput: (value) => this.setValue('email', value),
      });
    }
    if (!this.phones) return nothing;
    return phoneField({
      countries: this.phones.countryOptions(this.t.$lang),
      callingCode: this.phones.callingCode,
      country: this.values['country'] ?? '',
      phone: this.values['phone'] ?? '',
      countryLabel: signUp.country,
      phoneLabel: signUp.phone,
      error,
      onCountry: (country) => {
        this.setValue('country', country);
        void loadPhoneNumbers('', country).catch(() => undefined);
      },
      onPhone: (phone) => this.setValue('phone', phone),
    });
  }

  protected override render() {
    const { login } = this.t;
    return html`<form novalidate @submit=${this.handleSubmit}>
      <h2 part="title" tabindex="-1">${login.title}</h2>
      <p class="muted">${this.channel === 'email' ? login.introEmail : login.introPhone}</p>
      ${this.channels.length > 1 ? this.renderChoice() : nothing} ${this.renderContact()}
      ${submitActions(this.t, false)}
    </form>`;
  }
}

/** The identify step's element side (see the step registry). */
export const identifyStep = defineStep({
  tag: 'verifik-identify-step',
  element: VerifikIdentifyStep,
  strings: 'login',
  render: () => html`<verifik-identify-step data-step></verifik-identify-step>`,
});
