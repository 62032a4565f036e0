import { css, unsafeCSS } from 'lit';

/** A theme's default colours, by the name of their public `--verifik-color-<name>` property. */
type Palette = Record<
  'primary' | 'on-primary' | 'text' | 'text-muted' | 'surface' | 'border' | 'danger' | 'success' | 'focus',
  string
>;

/** Default colours; each meets WCAG AA contrast on its surface. */
const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    primary: '#1f4fd8',
    'on-primary': '#ffffff',
    text: '#1b1f2a',
    'text-muted': '#4a5365',
    surface: '#ffffff',
    border: '#c9cfdb',
    danger: '#b3261e',
    success: '#1e7b34',
    focus: '#1f4fd8',
  },
  dark: {
    primary: '#8fb0ff',
    'on-primary': '#0b1633',
    text: '#eef1f7',
    'text-muted': '#b7bfcf',
    surface: '#161a23',
    border: '#3a4152',
    danger: '#ffb4ab',
    success: '#8fd9a0',
    focus: '#8fb0ff',
  },
};

const declarations = (entries: [string, string][]) =>
  unsafeCSS(entries.map(([name, value]) => `${name}: ${value};`).join('\n'));

/**
 * The private `--_<name>` colours every element reads: the integrator's `--verifik-color-<name>`,
 * else the theme forced on the root (`--_theme-<name>`, inherited into every nested element),
 * else this palette's default.
 */
const colors = (palette: Palette) =>
  declarations(
    Object.entries(palette).map(([name, value]) => [
      `--_${name}`,
      `var(--verifik-color-${name}, var(--_theme-${name}, ${value}))`,
    ]),
  );

/**
 * Design tokens, in every element's styles. Integrators set the public `--verifik-*` properties;
 * components read the private `--_*` ones, which default to the light palette, or the dark one
 * when the page prefers dark — unless the root forces a theme (see {@link themeStyles}).
 */
export const tokens = css`
  :host {
    ${colors(PALETTES.light)}
    --_radius: var(--verifik-radius, 12px);
    --_font: var(--verifik-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space: var(--verifik-spacing, 16px);
    /* An email address or a long word (German, Russian) breaks rather than spill out of a narrow screen. */
    overflow-wrap: break-word;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      ${colors(PALETTES.dark)}
    }
  }
`;

const forced = (palette: Palette) =>
  declarations(Object.entries(palette).map(([name, value]) => [`--_theme-${name}`, value]));

/**
 * The root's `theme` attribute: `light` or `dark` sets the `--_theme-*` colours, which inherit
 * into every element inside the widget and win over `prefers-color-scheme`; `auto` (or none)
 * follows the page's preference. `color-scheme` makes native controls match.
 */
export const themeStyles = css`
  :host([theme='light']) {
    color-scheme: light;
    ${forced(PALETTES.light)}
  }

  :host([theme='dark']) {
    color-scheme: dark;
    ${forced(PALETTES.dark)}
  }
`;
