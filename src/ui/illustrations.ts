import { css, html, svg } from 'lit';

/**
 * Simple inline illustrations (no external assets): drawn with `currentColor` and the theme's
 * custom properties, hidden from screen readers (the text beside them says the same).
 */

/** Size and colours of the illustrations (themable through `--verifik-color-*`). */
export const illustrationStyles = css`
  .illustration {
    display: block;
    margin: 0 auto var(--_space);
    inline-size: 4.5rem;
    block-size: 4.5rem;
  }
  .primer {
    color: var(--_primary);
  }
  .success {
    color: var(--_success);
  }
  .failure {
    color: var(--_danger);
  }
`;

const frame = (content: ReturnType<typeof svg>, className: string) =>
  html`<svg
    class="illustration ${className}"
    viewBox="0 0 96 96"
    width="96"
    height="96"
    aria-hidden="true"
    focusable="false"
  >
    ${content}
  </svg>`;

/** A tick in a circle: the verification succeeded. */
export const successIcon = () =>
  frame(
    svg`<circle cx="48" cy="48" r="44" fill="none" stroke="currentColor" stroke-width="6" />
      <path d="M28 50 l13 13 l27 -29" fill="none" stroke="currentColor" stroke-width="7" stroke-linecap="round" stroke-linejoin="round" />`,
    'success',
  );

/** An exclamation mark in a circle: the verification ended without success. */
export const failureIcon = () =>
  frame(
    svg`<circle cx="48" cy="48" r="44" fill="none" stroke="currentColor" stroke-width="6" />
      <path d="M48 24 v32" stroke="currentColor" stroke-width="8" stroke-linecap="round" />
      <circle cx="48" cy="70" r="5" fill="currentColor" />`,
    'failure',
  );

/** An ID card with a portrait and text lines: the document primer. */
export const documentIllustration = () =>
  frame(
    svg`<rect x="6" y="20" width="84" height="56" rx="8" fill="none" stroke="currentColor" stroke-width="4" />
      <circle cx="30" cy="42" r="9" fill="none" stroke="currentColor" stroke-width="4" />
      <path d="M16 66 q14 -16 28 0" fill="none" stroke="currentColor" stroke-width="4" />
      <path d="M54 38 h26 M54 50 h26 M54 62 h16" stroke="currentColor" stroke-width="4" stroke-linecap="round" />`,
    'primer',
  );

/** A face inside an oval guide: the selfie primer. */
export const selfieIllustration = () =>
  frame(
    svg`<ellipse cx="48" cy="48" rx="30" ry="40" fill="none" stroke="currentColor" stroke-width="4" stroke-dasharray="8 6" />
      <circle cx="38" cy="42" r="3.5" fill="currentColor" />
      <circle cx="58" cy="42" r="3.5" fill="currentColor" />
      <path d="M36 60 q12 10 24 0" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" />`,
    'primer',
  );
