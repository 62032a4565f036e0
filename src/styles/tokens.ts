import { css } from 'lit';

/**
 * Design tokens. Integrators set the public `--verifik-*` properties; components read the private
 * `--_*` ones, which fall back to light defaults, or dark ones when the page prefers dark.
 * Default colours meet WCAG AA contrast on their surfaces.
 */
export const tokens = css`
  :host {
    --_primary: var(--verifik-color-primary, #1f4fd8);
    --_on-primary: var(--verifik-color-on-primary, #ffffff);
    --_text: var(--verifik-color-text, #1b1f2a);
    --_text-muted: var(--verifik-color-text-muted, #4a5365);
    --_surface: var(--verifik-color-surface, #ffffff);
    --_border: var(--verifik-color-border, #c9cfdb);
    --_danger: var(--verifik-color-danger, #b3261e);
    --_focus: var(--verifik-color-focus, #1f4fd8);
    --_radius: var(--verifik-radius, 12px);
    --_font: var(--verifik-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space: var(--verifik-spacing, 16px);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--verifik-color-primary, #8fb0ff);
      --_on-primary: var(--verifik-color-on-primary, #0b1633);
      --_text: var(--verifik-color-text, #eef1f7);
      --_text-muted: var(--verifik-color-text-muted, #b7bfcf);
      --_surface: var(--verifik-color-surface, #161a23);
      --_border: var(--verifik-color-border, #3a4152);
      --_danger: var(--verifik-color-danger, #ffb4ab);
      --_focus: var(--verifik-color-focus, #8fb0ff);
    }
  }
`;
