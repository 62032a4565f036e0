import { expect } from '@open-wc/testing';
import { en } from '../../../src/i18n/en.js';
import { hintText, mountLivenessStep, selfieFlow, signedUp, startCamera } from '../../helpers/browser/liveness.js';
import { waitUntil } from '../../helpers/browser/wait.js';

/**
 * The fake camera shows one real face far to the image's left, then far to its right, then small
 * in the middle, looped (test/helpers/node/camera-fixtures.ts). The image is the camera's own
 * view, unmirrored: a face on the image's left is a person standing to their right of the camera,
 * who must move to their LEFT; the preview is mirrored, so they see themselves on the screen's
 * right, and moving to their left brings them to the middle, as in a mirror.
 */

const { hints } = en.liveness;
const WATCHED = [hints['move-left'], hints['move-right'], hints['too-far']];

describe('liveness step with an off-centre and a small face', function () {
  // Camera frames and the face models share 2 busy cores: hundreds of ms per frame.
  this.timeout(120_000);

  it('announces which way to move for each side, and "Move closer" for the small face', async () => {
    const { element, events } = await mountLivenessStep(await signedUp(await selfieFlow()));
    const hint = () => element.shadowRoot!.querySelector('.hint[role="status"]');
    await startCamera(element);
    await waitUntil(() => hint(), 'the live region');

    // Every hint the live region announces, as the screen reader gets it (consecutive repeats once).
    const announced: string[] = [];
    const all: string[] = [];
    const record = () => {
      const text = hintText(element);
      if (all.at(-1) !== text) all.push(text);
      if (WATCHED.includes(text) && announced.at(-1) !== text) announced.push(text);
    };
    const observer = new MutationObserver(record);
    observer.observe(hint()!, { childList: true, characterData: true, subtree: true });
    // One whole loop of the video seen from its small scene to the next: the two hints in between
    // are those of the left, then the right scene (a busy machine may miss a scene in a loop).
    const loop = () => {
      for (let start = 0; start + 3 < announced.length; start++) {
        const window = announced.slice(start, start + 4);
        if (
          window[0] === hints['too-far'] &&
          window[3] === hints['too-far'] &&
          !window.slice(1, 3).includes(hints['too-far'])
        ) {
          return window.slice(1, 3);
        }
      }
      return undefined;
    };
    try {
      await waitUntil(loop, 'a whole loop of the three scenes', { timeout: 100_000 });
    } catch (error) {
      throw new Error(`${String(error)}; announced: ${JSON.stringify(all)}`);
    } finally {
      observer.disconnect();
    }
    expect(loop(), 'face on the image left: "to your left"; on its right: "to your right"').to.deep.equal([
      hints['move-left'],
      hints['move-right'],
    ]);
    expect(hint()!.getAttribute('role')).to.equal('status');
    expect(events, 'an off-centre or small face is never captured').to.deep.equal([]);
  });
});
