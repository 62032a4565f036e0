import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { inShadow, mountLivenessStep, selfieFlow, signedUp, startCamera } from '../../helpers/browser/liveness.js';
import { systemColor } from '../../helpers/browser/system-color.js';
import { chromiumOnly } from '../../helpers/browser/engine.js';

/**
 * The selfie's oval and progress ring under the person's display settings (emulated in Chromium):
 * in forced-colors mode both are drawn in system colours (an SVG stroke is not forced, so without
 * them the oval would stay white on a page the person made white); with reduced motion the ring
 * jumps instead of sliding, and nothing around the oval moves on its own.
 */
describe('liveness oval and progress ring under the display settings', function () {
  before(chromiumOnly);
  this.timeout(120_000);

  afterEach(() => emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' }));

  async function cameraShown() {
    const { element } = await mountLivenessStep(await signedUp(await selfieFlow()));
    await startCamera(element);
    return { guide: inShadow<SVGElement>(element, '.guide')!, ring: inShadow<SVGElement>(element, '.progress')! };
  }

  it('forced colours: the oval in CanvasText, the ring in Highlight', async () => {
    const { guide, ring } = await cameraShown();
    await emulateMedia({ forcedColors: 'active' });
    expect(getComputedStyle(guide).stroke).to.equal(systemColor('CanvasText'));
    expect(getComputedStyle(ring).stroke).to.equal(systemColor('Highlight'));
  });

  it('reduced motion: no transition or animation on the oval and the ring', async () => {
    const { guide, ring } = await cameraShown();
    expect(getComputedStyle(ring).transitionDuration, 'the ring slides by default').to.not.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    for (const part of [guide, ring]) {
      const style = getComputedStyle(part);
      expect([style.transitionDuration, style.animationName]).to.deep.equal(['0s', 'none']);
    }
  });
});
