import { css } from 'lit';

/** Headings, fields and errors shared by the steps. */
export const formStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.375rem;
    line-height: 1.3;
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0 0 1rem;
  }
  .muted {
    color: var(--_text-muted);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 1rem;
  }
  /* Side by side only when both fit whole: a country name is never cut off. */
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    gap: 0 0.5rem;
  }
  label {
    font-weight: 600;
  }
  input,
  select {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
  }
  /* WCAG 2.2 target size: at least 24 × 24 px. */
  input[type='checkbox'],
  input[type='radio'] {
    flex: none;
    inline-size: 1.5rem;
    min-block-size: 1.5rem;
    margin: 0;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    margin: 0;
    color: var(--_danger);
  }
  input:focus-visible,
  select:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  a.document {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    min-block-size: 1.5rem;
    margin-inline-start: 1.75rem;
    font-size: 0.9rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-block-start: 1.5rem;
  }
`;
