import { expect, fixture, html } from '@open-wc/testing';
import { liveTracks } from '../../helpers/browser/camera.js';
import type { CameraTestHost } from '../../helpers/browser/camera-host.js';
import '../../helpers/browser/camera-host.js';

describe('CameraController with a fake camera', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('starts the camera at the video file size and stops every track on stop()', async () => {
    const host = await fixture<CameraTestHost>(html`<camera-test-host></camera-test-host>`);
    await host.camera.start();
    expect(host.camera.status).to.equal('live');
    const settings = host.camera.stream!.getVideoTracks()[0]!.getSettings();
    expect([settings.width, settings.height]).to.deep.equal([1280, 720]);
    expect(liveTracks()).to.have.length(1);
    expect(host.camera.devices.length).to.be.greaterThan(0);
    host.camera.stop();
    expect(liveTracks()).to.have.length(0);
    expect(host.camera.status).to.equal('idle');
  });

  it('stops every track when its element leaves the page', async () => {
    const host = await fixture<CameraTestHost>(html`<camera-test-host></camera-test-host>`);
    await host.camera.start();
    expect(liveTracks()).to.have.length(1);
    host.remove();
    expect(liveTracks()).to.have.length(0);
  });

  it('drops a stream that arrives after stop()', async () => {
    const host = await fixture<CameraTestHost>(html`<camera-test-host></camera-test-host>`);
    const starting = host.camera.start();
    host.camera.stop();
    await starting;
    expect(host.camera.status).to.equal('idle');
    expect(liveTracks()).to.have.length(0);
  });
});
