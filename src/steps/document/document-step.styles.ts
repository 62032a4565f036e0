import { css } from 'lit';

export const documentStyles = css`
  .viewport {
    position: relative;
    overflow: hidden;
    inline-size: 100%;
    max-block-size: 70vh;
    background: #000000;
    border-radius: var(--_radius);
  }
  video,
  .viewport svg {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }
  video {
    /* The overlay's viewBox is the video's own pixels with "slice": both crop alike. */
    object-fit: cover;
  }
  .mask {
    fill: rgb(0 0 0 / 0.45);
  }
  .outline {
    fill: none;
    stroke: #ffffff;
    stroke-width: 3;
    stroke-dasharray: 14 10;
    vector-effect: non-scaling-stroke;
  }
  .outline.ok {
    stroke: #3ecf8e;
    stroke-dasharray: none;
    stroke-width: 4;
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
  fieldset {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 0.5rem;
    font-weight: 600;
  }
  .drop {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-block-start: 1rem;
    padding: 1rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .drop.dragging {
    border-color: var(--_primary);
  }
  .photo {
    margin: 0 0 1rem;
  }
  .photo canvas {
    display: block;
    inline-size: 100%;
    block-size: auto;
    border-radius: var(--_radius);
  }
`;
