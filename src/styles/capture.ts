import { css } from 'lit';

/**
 * The camera steps' common look: a dark viewport with the preview and its guide overlay on top,
 * a dimming mask around the guide, the guide's stroke (green once the frame is good), the hint
 * line and the tip list. Each step adds its own size and guide shape.
 */
export const captureStyles = css`
  .viewport {
    position: relative;
    overflow: hidden;
    inline-size: 100%;
    background: #000000;
    border-radius: var(--_radius);
  }
  .viewport video,
  .viewport svg {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }
  .viewport video {
    object-fit: cover;
  }
  .mask {
    fill: rgb(0 0 0 / 0.45);
  }
  .guide {
    fill: none;
    stroke: #ffffff;
  }
  .guide.ok {
    stroke: #3ecf8e;
    stroke-dasharray: none;
  }
  /* Forced colours leave SVG strokes alone: the guide takes the system's text colour, and its highlight once the frame is good. */
  @media (forced-colors: active) {
    .guide {
      stroke: CanvasText;
    }
    .guide.ok {
      stroke: Highlight;
    }
  }
  .hint {
    min-block-size: 1.5em;
    margin-block: 0.75rem 0;
    font-weight: 600;
    text-align: center;
  }
  ul {
    margin: 0 0 1rem;
    padding-inline-start: 1.25rem;
  }
  li {
    margin-block-end: 0.25rem;
  }
`;
