import { css } from 'lit';

export const livenessStyles = css`
  .viewport {
    position: relative;
    overflow: hidden;
    inline-size: 100%;
    max-inline-size: 28rem;
    aspect-ratio: 3 / 4;
    margin-inline: auto;
    background: #000000;
    border-radius: var(--_radius);
  }
  video {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    /* A mirror: people expect to see themselves as in one. */
    transform: scaleX(-1);
  }
  svg {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }
  .mask {
    fill: rgb(0 0 0 / 0.45);
  }
  .oval {
    fill: none;
    stroke: #ffffff;
    stroke-width: 0.8;
    stroke-dasharray: 2 1.5;
  }
  .oval.ok {
    stroke: #3ecf8e;
    stroke-dasharray: none;
    stroke-width: 1.2;
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
