import { html, nothing, type TemplateResult } from 'lit';

export interface TextFieldOptions {
  name: string;
  label: string;
  value: string;
  type?: string;
  autocomplete?: string;
  /** Shown under the input, which is then marked invalid and described by it. */
  error?: string | undefined;
  onInput: (value: string) => void;
}

/** A labelled input whose error message is tied to it (`aria-describedby`), for the steps' forms. */
export function textField({
  name,
  label,
  value,
  type = 'text',
  autocomplete = 'off',
  error,
  onInput,
}: TextFieldOptions): TemplateResult {
  const id = `field-${name.replace('.', '-')}`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      name=${name}
      type=${type}
      .value=${value}
      autocomplete=${autocomplete}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-error` : nothing}
      @input=${(event: InputEvent) => onInput((event.target as HTMLInputElement).value)}
    />
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}
