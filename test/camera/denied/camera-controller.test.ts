import { expect, fixture, html } from '@open-wc/testing';
import { liveTracks } from '../../helpers/browser/camera.js';
import type { CameraTestHost } from '../../helpers/browser/camera-host.js';
import '../../helpers/browser/camera-host.js';

describe('CameraController when the camera is refused', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('reports `denied` and holds no track', async () => {
    const host = await fixture<CameraTestHost>(html`<camera-test-host></camera-test-host>`);
    await host.camera.start();
    expect(host.camera.status).to.equal('error');
    expect(host.camera.problem).to.equal('denied');
    expect(liveTracks()).to.have.length(0);
  });
});
