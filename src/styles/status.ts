import { css } from 'lit';

/** A busy line: a spinner (still for reduced motion) beside a short text. */
export const statusStyles = css`
  [part~='status'],
  .status {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    min-block-size: 3rem;
  }

  .spinner {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border: 3px solid var(--_border);
    border-block-start-color: var(--_primary);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }

  /* Still: the text beside it already says that something is under way. */
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  /* Forced colours would paint the whole ring in one colour: the arc keeps the system highlight. */
  @media (forced-colors: active) {
    .spinner {
      forced-color-adjust: none;
      border-color: GrayText;
      border-block-start-color: Highlight;
    }
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
