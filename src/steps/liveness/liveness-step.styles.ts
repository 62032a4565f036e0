import { css } from 'lit';

export const livenessStyles = css`
  .viewport {
    max-inline-size: 28rem;
    aspect-ratio: 3 / 4;
    margin-inline: auto;
  }
  video {
    /* A mirror: people expect to see themselves as in one. */
    transform: scaleX(-1);
  }
  .guide {
    stroke-width: 0.8;
    stroke-dasharray: 2 1.5;
  }
  .guide.ok {
    stroke-width: 1.2;
  }
  /* Fills around the oval while good frames add up to a capture. */
  .progress {
    fill: none;
    stroke: var(--_primary);
    stroke-width: 1.6;
    stroke-linecap: round;
    transition: stroke-dasharray 0.2s linear;
  }
  @media (prefers-reduced-motion: reduce) {
    .progress {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .progress {
      stroke: Highlight;
    }
  }
`;
