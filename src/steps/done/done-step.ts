import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { en } from '../../i18n/en.js';
import type { Translation } from '../../i18n/translation.js';
import { formStyles } from '../../styles/form.js';
import { tokens } from '../../styles/tokens.js';

/** The last screen: the verification is complete. */
export class VerifikDoneStep extends LitElement {
  static override styles = [tokens, formStyles];

  @property({ attribute: false }) t: Translation = en;

  protected override render() {
    return html`<h2 part="title" tabindex="-1">${this.t.done.title}</h2>
      <p>${this.t.done.text}</p>`;
  }
}
