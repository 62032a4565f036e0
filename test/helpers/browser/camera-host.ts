import { LitElement, html } from 'lit';
import { CameraController, type CameraOptions } from '../../../src/capture/camera/camera-controller.js';

/** A bare element that owns a camera controller, for testing the controller alone. */
export class CameraTestHost extends LitElement {
  static options: CameraOptions = { facingMode: 'environment', width: 1920, height: 1080, hiddenStopMs: 50 };
  readonly camera = new CameraController(this, CameraTestHost.options);

  protected override render() {
    return html`<p>${this.camera.status}</p>`;
  }
}
if (!customElements.get('camera-test-host')) customElements.define('camera-test-host', CameraTestHost);
