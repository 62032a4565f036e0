import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { type EnrollError } from '../../errors/enroll-error.js';
import { toEnrollError } from '../../api/to-enroll-error.js';
import type { BasicInformationSettings } from '../../flow/flow.types.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';
import { textField } from '../../ui/text-field.js';
import { completeStep, reportStepError, saveFields } from '../step-events.js';
import { StepElement } from '../step-element.js';
import { defineStep } from '../step-descriptor.js';
import { submitActions } from '../../ui/form-actions.js';

type Field = keyof BasicInformationSettings;
type Problem = 'required' | 'invalidDate' | 'invalidAge';

const FIELDS: readonly Field[] = ['fullName', 'dateOfBirth', 'age', 'gender', 'address', 'postalCode', 'legalDocument'];
const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
const INPUTS: Partial<Record<Field, { type: string; autocomplete: string }>> = {
  fullName: { type: 'text', autocomplete: 'name' },
  dateOfBirth: { type: 'date', autocomplete: 'bday' },
  age: { type: 'number', autocomplete: 'off' },
  address: { type: 'text', autocomplete: 'street-address' },
  postalCode: { type: 'text', autocomplete: 'postal-code' },
  legalDocument: { type: 'text', autocomplete: 'off' },
};

/** Every enabled field's problem, if any: all are required; a date of birth is past, an age 0–120. */
export function validateBasicInformation(
  values: Record<string, string>,
  fields: readonly Field[],
  today = new Date(),
): Map<Field, Problem> {
  const problems = new Map<Field, Problem>();
  for (const field of fields) {
    const value = (values[field] ?? '').trim();
    if (!value) problems.set(field, 'required');
    else if (field === 'dateOfBirth' && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && Date.parse(value) <= today.getTime())) {
      problems.set(field, 'invalidDate');
    } else if (field === 'age' && !(/^\d{1,3}$/.test(value) && Number(value) <= 120)) problems.set(field, 'invalidAge');
  }
  return problems;
}

/** The basic-information step: the fields the flow enables, saved on the registration. */
export class VerifikBasicInfoStep extends StepElement {
  static override styles = [tokens, formStyles, buttonStyles];

  @state() private values: Record<string, string> = {};
  @state() private problems = new Map<Field, Problem>();
  @state() private formError: EnrollError | undefined;
  @state() private busy = false;

  private get enabled(): Field[] {
    return FIELDS.filter((field) => this.enrollment.flow.basicInformation[field]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.values = Object.fromEntries(
      Object.entries(this.enrollment.fields)
        .filter(([key]) => key.startsWith('basic.'))
        .map(([key, value]) => [key.slice('basic.'.length), value]),
    );
  }

  private setValue(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
    saveFields(this, { [`basic.${field}`]: value });
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.formError = undefined;
    this.problems = validateBasicInformation(this.values, this.enabled);
    if (this.problems.size) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const answers = Object.fromEntries(
      this.enabled.map((field) => [field, field === 'age' ? Number(this.values[field]) : this.values[field]!.trim()]),
    );
    this.busy = true;
    try {
      await this.enrollment.api.saveBasicInformation(answers);
      completeStep(this);
    } catch (caught) {
      this.formError = toEnrollError(caught);
      reportStepError(this, this.formError);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="alert"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private renderGender(): TemplateResult {
    const { basicInformation } = this.t;
    const problem = this.problems.get('gender');
    return html`<div class="field">
      <label for="field-gender">${basicInformation.gender}</label>
      <select
        id="field-gender"
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? 'field-gender-error' : nothing}
        @change=${(event: Event) => this.setValue('gender', (event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!this.values['gender']}></option>
        ${GENDERS.map(
          (gender) =>
            html`<option value=${gender} ?selected=${this.values['gender'] === gender}>
              ${basicInformation.genders[gender]}
            </option>`,
        )}
      </select>
      ${problem ? html`<p class="error" id="field-gender-error">${this.t.signUp.required}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const { basicInformation } = this.t;
    const message = (problem: Problem) => (problem === 'required' ? this.t.signUp.required : basicInformation[problem]);
    return html`<form novalidate @submit=${this.handleSubmit}>
      <h2 part="title" tabindex="-1">${basicInformation.title}</h2>
      <p class="muted">${basicInformation.intro}</p>
      ${this.enabled.map((field) => {
        if (field === 'gender') return this.renderGender();
        const problem = this.problems.get(field);
        return textField({
          name: field,
          label: basicInformation[field],
          value: this.values[field] ?? '',
          type: INPUTS[field]!.type,
          autocomplete: INPUTS[field]!.autocomplete,
          error: problem && message(problem),
          onInput: (value) => this.setValue(field, value),
        });
      })}
      ${this.formError ? html`<p class="error" role="alert" tabindex="-1">${this.t.errors[this.formError.code]}</p>` : nothing}
      ${submitActions(this.t, this.busy)}
    </form>`;
  }
}

/** The basic-information step's element side (see the step registry). */
export const basicInformationStep = defineStep({
  tag: 'verifik-basic-info-step',
  element: VerifikBasicInfoStep,
  strings: 'basicInformation',
  render: () => html`<verifik-basic-info-step data-step></verifik-basic-info-step>`,
});
