import { svg } from 'lit';
import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

/** Light modules around the code, as the QR standard asks, so phone cameras find its edges. */
const QUIET_ZONE = 4;

/**
 * `text` as a QR code: an SVG path drawn by Lit (no image URL, nothing a content security policy
 * must allow), dark on a light square whatever the theme, so every camera reads it.
 */
export function qrCode(text: string) {
  const code = generate(text);
  const side = code.size + 2 * QUIET_ZONE;
  return svg`<svg class="qr" viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}" aria-hidden="true" shape-rendering="crispEdges">
    <rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${side} height=${side} fill="#ffffff"></rect>
    <path d=${toSvgPath(code)} fill="#000000"></path>
  </svg>`;
}
