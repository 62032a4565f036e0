import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import SignaturePad from 'signature_pad';
import { type EnrollError } from '../../errors/enroll-error.js';
import { toEnrollError } from '../../api/to-enroll-error.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';
import { textField } from '../../ui/text-field.js';
import { completeStep, reportStepError } from '../step-events.js';
import { StepElement } from '../step-element.js';
import { defineStep } from '../step-descriptor.js';
import { submitActions } from '../../ui/form-actions.js';

/**
 * The form step's signature, drawn on a pad (`signature_pad`: smooth strokes from mouse, pen or
 * finger) or, for keyboard and screen-reader users, typed as a full name.
 */
export class VerifikSignatureStep extends StepElement {
  static override styles = [
    tokens,
    formStyles,
    buttonStyles,
    css`
      canvas {
        display: block;
        inline-size: 100%;
        block-size: 10rem;
        touch-action: none;
        background: #ffffff;
        border: 1px dashed var(--_border);
        border-radius: calc(var(--_radius) / 1.5);
      }
      canvas.invalid {
        border-color: var(--_danger);
      }
    `,
  ];

  @state() private typing = false;
  @state() private typedName = '';
  @state() private missing = false;
  @state() private formError: EnrollError | undefined;
  @state() private busy = false;

  @query('canvas') private canvas!: HTMLCanvasElement | null;
  private pad: SignaturePad | undefined;

  protected override updated(): void {
    if (this.canvas && !this.pad) {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      this.canvas.width = this.canvas.offsetWidth * ratio;
      this.canvas.height = this.canvas.offsetHeight * ratio;
      this.canvas.getContext('2d')?.scale(ratio, ratio);
      this.pad = new SignaturePad(this.canvas, { penColor: '#1b1f2a' });
      this.pad.addEventListener('endStroke', () => (this.missing = false));
    } else if (!this.canvas && this.pad) {
      this.pad.off();
      this.pad = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pad?.off();
    this.pad = undefined;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.formError = undefined;
    const typed = this.typedName.trim();
    const drawn = !this.typing && this.pad && !this.pad.isEmpty();
    this.missing = !drawn && !(this.typing && typed);
    if (this.missing) {
      await this.updateComplete;
      // Keyboard users land on the typed alternative.
      this.renderRoot.querySelector<HTMLElement>(this.typing ? 'input' : '[data-toggle]')?.focus();
      return;
    }
    this.busy = true;
    try {
      await this.enrollment.api.saveSignature(
        drawn ? { image: this.pad!.toDataURL('image/png') } : { typedName: typed },
      );
      completeStep(this);
    } catch (caught) {
      this.formError = toEnrollError(caught);
      reportStepError(this, this.formError);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const { form } = this.t;
    return html`<form novalidate @submit=${this.handleSubmit}>
      <h2 part="title" tabindex="-1">${form.title}</h2>
      <p class="muted">${form.intro}</p>
      ${
        this.typing
          ? textField({
              name: 'typedName',
              label: form.typedName,
              value: this.typedName,
              autocomplete: 'name',
              error: this.missing ? form.required : undefined,
              onInput: (value) => (this.typedName = value),
            })
          : html`<div class="field">
              <canvas
                role="img"
                tabindex="0"
                aria-label=${form.pad}
                class=${this.missing ? 'invalid' : ''}
                aria-describedby=${this.missing ? 'pad-error' : nothing}
              ></canvas>
              ${this.missing ? html`<p class="error" id="pad-error">${form.required}</p>` : nothing}
            </div>`
      }
      <div class="actions">
        ${
          this.typing
            ? nothing
            : html`<button type="button" class="secondary" @click=${() => this.pad?.clear()}>${form.clear}</button>`
        }
        <button
          type="button"
          class="secondary"
          data-toggle
          @click=${() => ((this.typing = !this.typing), (this.missing = false))}
        >
          ${this.typing ? form.drawInstead : form.typeInstead}
        </button>
      </div>
      ${this.formError ? html`<p class="error" role="alert">${this.t.errors[this.formError.code]}</p>` : nothing}
      ${submitActions(this.t, this.busy)}
    </form>`;
  }
}

/** The signature (form) step's element side (see the step registry). */
export const signatureStep = defineStep({
  tag: 'verifik-signature-step',
  element: VerifikSignatureStep,
  strings: 'form',
  render: () => html`<verifik-signature-step data-step></verifik-signature-step>`,
});
