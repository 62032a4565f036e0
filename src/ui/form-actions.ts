import { html } from 'lit';
import type { Translation } from '../i18n/translation.js';

/** The submit row of a step's form: Continue, or Sending… (disabled) while `busy`. */
export const submitActions = (t: Translation, busy: boolean) =>
  html`<div class="actions">
    <button type="submit" part="submit" ?disabled=${busy}>${busy ? t.actions.sending : t.actions.continue}</button>
  </div>`;
