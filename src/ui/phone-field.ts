import { html, nothing, type TemplateResult } from 'lit';

export interface PhoneFieldOptions {
  /** The countries to choose from, with their names in the widget's language. */
  countries: readonly { code: string; name: string }[];
  /** `+57` for `CO`. */
  callingCode: (country: string) => string | undefined;
  country: string;
  phone: string;
  countryLabel: string;
  phoneLabel: string;
  /** Shown under both inputs; the number is then marked invalid and described by it. */
  error?: string | undefined;
  onCountry: (country: string) => void;
  onPhone: (phone: string) => void;
}

/** A country (with its calling code) and a national number side by side, for the steps' forms. */
export function phoneField(options: PhoneFieldOptions): TemplateResult {
  const { countries, callingCode, country, error } = options;
  return html`<div class="field">
    <div class="row">
      <div class="field">
        <label for="field-country">${options.countryLabel}</label>
        <select
          id="field-country"
          autocomplete="tel-country-code"
          @change=${(event: Event) => options.onCountry((event.target as HTMLSelectElement).value)}
        >
          ${countries.map(
            ({ code, name }) =>
              html`<option value=${code} ?selected=${code === country}>${name} (${callingCode(code)})</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="field-phone">${options.phoneLabel}</label>
        <input
          id="field-phone"
          name="phone"
          type="tel"
          .value=${options.phone}
          autocomplete="tel-national"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'field-phone-error' : nothing}
          @input=${(event: InputEvent) => options.onPhone((event.target as HTMLInputElement).value)}
        />
      </div>
    </div>
    ${error ? html`<p class="error" id="field-phone-error">${error}</p>` : nothing}
  </div>`;
}
