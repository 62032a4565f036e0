import { css } from 'lit';

export const documentStyles = css`
  /* The overlay's viewBox is the video's own pixels with "slice": it crops as the video's "cover". */
  .viewport {
    max-block-size: 70vh;
  }
  .guide {
    stroke-width: 3;
    stroke-dasharray: 14 10;
    vector-effect: non-scaling-stroke;
  }
  .guide.ok {
    stroke-width: 4;
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
