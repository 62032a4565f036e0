import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  [part~='dialog'] {
    width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: none;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    overflow: auto;
  }

  [part~='dialog']::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  [part~='close'] {
    float: inline-end;
    margin: calc(var(--_space) / 2);
    min-width: 2.75rem;
    min-height: 2.75rem;
    font-size: 1.5rem;
    line-height: 1;
  }

  [part~='panel'] {
    box-sizing: border-box;
    max-width: 32rem;
    margin-inline: auto;
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  h2 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.375rem;
    line-height: 1.3;
  }

  p {
    margin: 0 0 var(--_space);
  }

  .muted {
    color: var(--_text-muted);
  }

  [part~='error'] h2 {
    color: var(--_danger);
  }

  [part~='logo'] {
    display: block;
    max-block-size: 3rem;
    max-inline-size: 12rem;
    margin-block-end: var(--_space);
  }

  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block-start: 1rem;
  }

  .nav:empty {
    display: none;
  }

  .project {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }

  [part~='progress'] {
    margin: 0 0 1rem;
    font-size: 0.9rem;
  }

  [part~='confirm'] {
    box-sizing: border-box;
    max-inline-size: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.5);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='confirm']::backdrop {
    background: rgb(0 0 0 / 45%);
  }

  /* Read by screen readers, not shown. */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
