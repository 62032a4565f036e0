import { css } from 'lit';

/** Primary and secondary buttons, with a visible focus ring. */
export const buttonStyles = css`
  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.75rem;
    padding: 0.5rem 1.25rem;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 0;
    border-radius: calc(var(--_radius) / 1.5);
    cursor: pointer;
  }

  button.secondary {
    color: var(--_primary);
    background: transparent;
    border: 1px solid var(--_border);
  }

  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Forced colours drop backgrounds: a border keeps every button's edge visible. */
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
    button:disabled {
      border-color: GrayText;
      color: GrayText;
    }
  }
`;
