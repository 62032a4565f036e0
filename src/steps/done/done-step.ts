import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { en } from '../../i18n/en.js';
import type { Translation } from '../../i18n/translation.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';

/** The last screen: the verification is complete, or it ended failed. */
export class VerifikDoneStep extends LitElement {
  static override styles = [tokens, formStyles];

  @property({ attribute: false }) t: Translation = en;

  /** The flow ended because a step failed. */
  @property({ type: Boolean }) failed = false;

  protected override render() {
    const { done } = this.t;
    return html`<h2 part="title" tabindex="-1">${this.failed ? done.failedTitle : done.title}</h2>
      <p>${this.failed ? done.failedText : done.text}</p>`;
  }
}
