/**
 * What a CSS system colour (`CanvasText`, `Highlight`, `ButtonText`…) resolves to now, under the
 * emulated media: the colour forced-colors mode draws with.
 */
export function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  // Else forced-colors mode would force the probe's own colour too.
  probe.style.forcedColorAdjust = 'none';
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}
