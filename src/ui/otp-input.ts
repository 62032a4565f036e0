import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, queryAll, state } from 'lit/decorators.js';
import { OTP_LENGTH } from '../flow/otp-rules.js';
import { tokens } from '../styles/tokens.js';

/**
 * A one-time-code input of `length` boxes. Typing moves to the next box; Backspace on an empty
 * box, and the arrow keys, move back and forth; pasting a code, or the browser's one-time-code
 * autofill (on the first box), fills every box. Fires `otp-complete` (bubbling, not composed)
 * with `{code}` when every box holds a digit.
 *
 * @fires otp-complete - Every box is filled. `detail: {code}`.
 * @csspart box - Each digit's input.
 * @csspart error - The error message under the boxes.
 */
export class VerifikOtpInput extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .boxes {
        display: flex;
        gap: 0.5rem;
      }
      /* Six boxes and their gaps are wider than a 320 px screen's card: they narrow to fit, never under 24 px. */
      input {
        box-sizing: border-box;
        flex: 0 1 2.75rem;
        min-inline-size: 1.5rem;
        block-size: 3.25rem;
        font: inherit;
        font-size: 1.5rem;
        text-align: center;
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) / 1.5);
      }
      input:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 1px;
      }
      input[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      [part='error'] {
        margin: 0.5rem 0 0;
        color: var(--_danger);
      }
    `,
  ];

  /** Number of digits. */
  @property({ type: Number }) length = OTP_LENGTH;

  /** Accessible name of the whole code, e.g. "Verification code". */
  @property() label = 'Code';

  /** Accessible name of one box; `{n}` and `{total}` are replaced. */
  @property({ attribute: 'digit-label' }) digitLabel = 'Digit {n} of {total}';

  /** An error to show under the boxes; it also marks them invalid and describes them. */
  @property() error = '';

  @property({ type: Boolean }) disabled = false;

  /** One entry per box: a digit or ''. */
  @state() private slots: string[] = [];

  @queryAll('input') private boxes!: NodeListOf<HTMLInputElement>;

  /** The digits typed so far. */
  get value(): string {
    return this.slots.join('');
  }

  set value(code: string) {
    const digits = code.replace(/\D/g, '');
    this.slots = Array.from({ length: this.length }, (_, index) => digits[index] ?? '');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // One slot per box, keeping the digits already typed.
    if (changed.has('length') || this.slots.length !== this.length) this.value = this.slots.join('');
  }

  /** Empties every box. */
  clear(): void {
    this.value = '';
  }

  /** Puts the cursor in the first empty box. */
  override focus(): void {
    const boxes = [...this.boxes];
    (boxes.find((box) => !box.value) ?? boxes.at(-1))?.focus();
  }

  /** Writes `digits` from box `start` on (from the first box for a whole code), focusing after them. */
  private fill(start: number, digits: string): void {
    const from = digits.length >= this.length ? 0 : start;
    const slots = [...this.slots];
    [...digits].slice(0, this.length - from).forEach((digit, offset) => (slots[from + offset] = digit));
    this.slots = slots;
    const next = Math.min(from + digits.length, this.length - 1);
    void this.updateComplete.then(() => {
      this.boxes[next]?.focus();
      if (this.slots.every(Boolean)) {
        this.dispatchEvent(new CustomEvent('otp-complete', { detail: { code: this.value }, bubbles: true }));
      }
    });
  }

  private setSlot(index: number, digit: string): void {
    this.slots = this.slots.map((slot, at) => (at === index ? digit : slot));
  }

  private handleInput(index: number, event: InputEvent): void {
    const box = event.target as HTMLInputElement;
    const previous = this.slots[index] ?? '';
    let digits = box.value.replace(/\D/g, '');
    // Typed after the digit already there (the box was not selected): keep only the new one.
    if (previous && digits.length === 2 && digits.startsWith(previous)) digits = digits.slice(1);
    if (event.inputType?.startsWith('delete')) {
      this.setSlot(index, '');
      return;
    }
    box.value = previous;
    if (digits) this.fill(index, digits);
  }

  private handlePaste(index: number, event: ClipboardEvent): void {
    event.preventDefault();
    const digits = (event.clipboardData?.getData('text') ?? '').replace(/\D/g, '');
    if (digits) this.fill(index, digits);
  }

  private handleKeydown(index: number, event: KeyboardEvent): void {
    const move = (to: number) => {
      event.preventDefault();
      this.boxes[Math.max(0, Math.min(this.length - 1, to))]?.focus();
    };
    if (event.key === 'ArrowLeft') move(index - 1);
    else if (event.key === 'ArrowRight') move(index + 1);
    else if (event.key === 'Backspace' && !this.slots[index] && index > 0) {
      this.setSlot(index - 1, '');
      move(index - 1);
    }
  }

  protected override render() {
    const total = this.length;
    // A code reads left to right in every language, Arabic included: so do its boxes and arrow keys.
    return html`<div class="boxes" role="group" aria-label=${this.label} dir="ltr">
        ${this.slots.map(
          (digit, index) =>
            html`<input
              part="box"
              .value=${digit}
              inputmode="numeric"
              pattern="[0-9]*"
              maxlength=${index === 0 ? total : 2}
              autocomplete=${index === 0 ? 'one-time-code' : 'off'}
              aria-label=${this.digitLabel.replace('{n}', String(index + 1)).replace('{total}', String(total))}
              aria-invalid=${this.error ? 'true' : 'false'}
              aria-describedby=${this.error ? 'error' : nothing}
              ?disabled=${this.disabled}
              @input=${(event: InputEvent) => this.handleInput(index, event)}
              @paste=${(event: ClipboardEvent) => this.handlePaste(index, event)}
              @keydown=${(event: KeyboardEvent) => this.handleKeydown(index, event)}
              @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
            />`,
        )}
      </div>
      ${this.error ? html`<p part="error" id="error">${this.error}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verifik-otp-input': VerifikOtpInput;
  }
}
