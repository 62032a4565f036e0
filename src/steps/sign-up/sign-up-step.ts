import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { httpUrl } from '../../api/http-url.js';
import { type EnrollError } from '../../errors/enroll-error.js';
import { toEnrollError } from '../../api/to-enroll-error.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';
import { phoneField } from '../../ui/phone-field.js';
import { textField } from '../../ui/text-field.js';
import { completeStep, reportStepError, saveFields } from '../step-events.js';
import { loadPhoneNumbers, type PhoneNumbers } from '../phone/load-phone-numbers.js';
import { type FieldProblem, signUpFields, validateSignUp } from './validate-sign-up.js';
import { StepElement } from '../step-element.js';
import { defineStep } from '../step-descriptor.js';
import { submitActions } from '../../ui/form-actions.js';

/** Browser autocomplete tokens of the sign-up fields. */
const AUTOCOMPLETE: Record<string, string> = {
  firstName: 'given-name',
  lastName: 'family-name',
  fullName: 'name',
  email: 'email',
  phone: 'tel-national',
};

/** API errors that belong to one field, shown under it. */
const FIELD_OF_ERROR: Partial<Record<EnrollError['code'], string>> = { invalid_email: 'email', invalid_phone: 'phone' };

/**
 * The sign-up step: the fields the flow enables, checked as the person submits (messages tied to
 * their inputs, focus on the first problem), then the app registration is created.
 */
export class VerifikSignUpStep extends StepElement {
  static override styles = [tokens, formStyles, buttonStyles];

  @state() private values: Record<string, string> = {};
  @state() private problems = new Map<string, FieldProblem | EnrollError>();
  @state() private formError: EnrollError | undefined;
  @state() private busy = false;
  /** The phone-number helpers, once loaded (only flows that ask for a phone load them). */
  @state() private phones: PhoneNumbers | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const country = this.enrollment.flow.signUpForm.defaultCountry ?? navigator.language.split('-')[1]?.toUpperCase();
    this.values = { country: country && /^[A-Z]{2}$/.test(country) ? country : 'CO', ...this.enrollment.fields };
    if (!this.enrollment.flow.signUpForm.phone) this.checkFilled(undefined);
    else
      void loadPhoneNumbers(this.values['phone'], this.values['country']).then((phones) => {
        this.phones = phones;
        this.checkFilled(phones);
      });
  }

  /**
   * Checks the values already there when the form opens (the integrator's prefill, a resumed
   * session) as if typed: a bad one shows its error at once instead of waiting for the submit.
   */
  private checkFilled(phones: PhoneNumbers | undefined): void {
    const filled = this.fieldNames.filter((name) => this.values[name]?.trim());
    this.problems = validateSignUp(
      this.values,
      filled,
      this.enrollment.flow.signUpForm,
      phones ?? { phoneParts: () => undefined },
    );
  }

  private get termsUrl() {
    return this.enrollment.project.termsAndConditionsUrl
      ? httpUrl(this.enrollment.project.termsAndConditionsUrl, document.baseURI)
      : undefined;
  }

  private get privacyUrl() {
    return this.enrollment.project.privacyUrl
      ? httpUrl(this.enrollment.project.privacyUrl, document.baseURI)
      : undefined;
  }

  private get fieldNames(): string[] {
    return signUpFields(
      this.enrollment.flow.signUpForm,
      this.enrollment.flow.signUpForm.showTermsAndConditions,
      this.enrollment.flow.signUpForm.showPrivacyNotice,
    );
  }

  private setValue(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
    // Consent is kept too: Back from a code step must not undo what the person already agreed to.
    saveFields(this, this.values);
  }

  /** A country picked: its numbering plan starts loading now, so the submit finds it there. */
  private handleCountryChange(country: string): void {
    this.setValue('country', country);
    void loadPhoneNumbers('', country).catch(() => undefined);
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.formError = undefined;
    // The numbering plan of a country picked (or a calling code typed) since may still be loading.
    const phones = this.enrollment.flow.signUpForm.phone
      ? await loadPhoneNumbers(this.values['phone'], this.values['country'])
      : undefined;
    this.problems = validateSignUp(
      this.values,
      this.fieldNames,
      this.enrollment.flow.signUpForm,
      phones ?? { phoneParts: () => undefined },
    );
    if (this.problems.size) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const value = (name: string) => this.values[name]?.trim() || undefined;
    const phone = this.enrollment.flow.signUpForm.phone
      ? phones?.phoneParts(value('phone') ?? '', this.values['country'] ?? '')
      : undefined;
    const extra = Object.fromEntries(
      this.enrollment.flow.signUpForm.extraFields
        .map((field) => [field.name, value(`extra.${field.name}`) ?? ''])
        .filter(([, entry]) => entry),
    );
    const details = {
      firstName: value('firstName'),
      lastName: value('lastName'),
      fullName: value('fullName'),
      email: this.enrollment.flow.signUpForm.email ? value('email')?.toLowerCase() : undefined,
      phone: phone?.phone,
      countryCode: phone?.countryCode,
      language: this.t.$lang,
      extra,
    };
    const signedUpAs = JSON.stringify(details);
    const registered = this.enrollment.api.appRegistrationId ? this.enrollment.fields['signedUpAs'] : undefined;
    // Back and Continue with nothing changed: the registration (and the codes it passed) stands.
    if (registered === signedUpAs) {
      completeStep(this);
      return;
    }
    this.busy = true;
    try {
      if (registered && onlyPhoneChanged(registered, details) && details.phone && details.countryCode) {
        // A corrected number on the same registration: the email code it passed still counts.
        await this.enrollment.api.replacePhone(details.phone, details.countryCode);
        saveFields(this, { signedUpAs, verifiedPhone: '' });
      } else {
        await this.enrollment.api.signUp(details);
        // A new registration has passed no code yet.
        saveFields(this, { signedUpAs, verifiedEmail: '', verifiedPhone: '' });
      }
      completeStep(this);
    } catch (caught) {
      const error = toEnrollError(caught);
      const field = FIELD_OF_ERROR[error.code];
      if (field) this.problems = new Map([[field, error]]);
      else this.formError = error;
      reportStepError(this, error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(field ? '[aria-invalid="true"]' : '[role="alert"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private message(problem: FieldProblem | EnrollError): string {
    return typeof problem === 'string' ? this.t.signUp[problem] : this.t.errors[problem.code];
  }

  private renderField(name: string, label: string, type = 'text'): TemplateResult {
    const problem = this.problems.get(name);
    return textField({
      name,
      label,
      type,
      value: this.values[name] ?? '',
      autocomplete: AUTOCOMPLETE[name],
      error: problem && this.message(problem),
      onInput: (value) => this.setValue(name, value),
    });
  }

  private renderPhone({ countryOptions, callingCode }: PhoneNumbers): TemplateResult {
    const problem = this.problems.get('phone');
    return phoneField({
      countries: countryOptions(this.t.$lang),
      callingCode,
      country: this.values['country'] ?? '',
      phone: this.values['phone'] ?? '',
      countryLabel: this.t.signUp.country,
      phoneLabel: this.t.signUp.phone,
      error: problem && this.message(problem),
      onCountry: (country) => this.handleCountryChange(country),
      onPhone: (phone) => this.setValue('phone', phone),
    });
  }

  /** A consent checkbox whose whole label ticks it, and the document's link beside it (new tab). */
  private renderConsent(
    name: 'acceptTerms' | 'acceptPrivacy',
    text: string,
    url: URL | undefined,
    linkText: string,
  ): TemplateResult {
    const problem = this.problems.get(name);
    const id = `field-${name}`;
    return html`<div class="field">
      <label class="check" for=${id}>
        <input
          id=${id}
          type="checkbox"
          .checked=${this.values[name] === 'true'}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? `${id}-error` : nothing}
          @change=${(event: Event) => this.setValue(name, String((event.target as HTMLInputElement).checked))}
        />
        <span>${text}</span>
      </label>
      ${url ? html`<a class="document" href=${url.href} target="_blank" rel="noopener noreferrer">${linkText}</a>` : nothing}
      ${problem ? html`<p class="error" id="${id}-error">${this.message(problem)}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const { signUp } = this.t;
    const form = this.enrollment.flow.signUpForm;
    return html`<form novalidate @submit=${this.handleSubmit}>
      <h2 part="title" tabindex="-1">${signUp.title}</h2>
      <p class="muted">${signUp.intro}</p>
      ${
        form.nameStyle === 'separate'
          ? [this.renderField('firstName', signUp.firstName), this.renderField('lastName', signUp.lastName)]
          : nothing
      }
      ${form.nameStyle === 'together' ? this.renderField('fullName', signUp.fullName) : nothing}
      ${form.email ? this.renderField('email', signUp.email, 'email') : nothing}
      ${form.phone && this.phones ? this.renderPhone(this.phones) : nothing}
      ${form.extraFields.map((field) => this.renderField(`extra.${field.name}`, field.label, field.type))}
      ${form.showTermsAndConditions ? this.renderConsent('acceptTerms', signUp.terms, this.termsUrl, signUp.readTerms) : nothing}
      ${form.showPrivacyNotice ? this.renderConsent('acceptPrivacy', signUp.privacy, this.privacyUrl, signUp.readPrivacy) : nothing}
      ${
        this.formError
          ? html`<p class="error" role="alert" tabindex="-1">${this.t.errors[this.formError.code]}</p>`
          : nothing
      }
      ${submitActions(this.t, this.busy)}
    </form>`;
  }
}

/** Whether `details` differ from the sign-up saved as `registered` (its JSON) in the phone number only. */
function onlyPhoneChanged(registered: string, details: Record<string, unknown>): boolean {
  const withoutPhone = ({ phone: _phone, countryCode: _country, ...rest }: Record<string, unknown>) =>
    JSON.stringify(rest);
  return withoutPhone(JSON.parse(registered) as Record<string, unknown>) === withoutPhone(details);
}

/** The sign-up step's element side (see the step registry). */
export const signUpStep = defineStep({
  tag: 'verifik-sign-up-step',
  element: VerifikSignUpStep,
  strings: 'signUp',
  render: () => html`<verifik-sign-up-step data-step></verifik-sign-up-step>`,
});
