import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cameraProblem, type CameraProblem } from './camera-errors.js';

export type CameraStatus = 'idle' | 'starting' | 'live' | 'paused' | 'error';

export interface CameraOptions {
  /** `environment` (rear, for documents) or `user` (front, for selfies). */
  facingMode: 'environment' | 'user';
  /** Ideal frame size; the browser picks the nearest its camera supports. */
  width: number;
  height: number;
  /** The camera stops after the tab has been hidden this long, and restarts when it is shown. */
  hiddenStopMs?: number;
}

/**
 * Owns `getUserMedia` for one step: starts the camera on request, lists the cameras for a
 * switcher, maps failures to a {@link CameraProblem}, and stops every track when the step ends,
 * the element leaves the page, or the tab stays hidden. The host re-renders on every change.
 */
export class CameraController implements ReactiveController {
  /** Where the camera is; `problem` says why when `error`. */
  status: CameraStatus = 'idle';
  problem: CameraProblem | undefined;
  /** The live stream, while `live`. */
  stream: MediaStream | undefined;
  /** The video inputs, once the person allowed the camera (labels are empty before). */
  devices: MediaDeviceInfo[] = [];
  /** The camera in use. */
  deviceId: string | undefined;

  private hiddenTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts starts, so a start overtaken by a stop or a newer start drops its stream. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CameraOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.handleVisibility);
    this.stop();
  }

  /** Asks for the camera (the browser prompts the first time); resolves once live or failed. */
  async start(deviceId = this.deviceId): Promise<void> {
    this.release();
    const generation = ++this.generation;
    this.set('starting');
    if (!window.isSecureContext) return this.fail('insecure');
    if (!navigator.mediaDevices?.getUserMedia) return this.fail('unsupported');
    const { facingMode, width, height } = this.options;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: deviceId
          ? { deviceId: { exact: deviceId }, width: { ideal: width }, height: { ideal: height } }
          : { facingMode: { ideal: facingMode }, width: { ideal: width }, height: { ideal: height } },
      });
    } catch (error) {
      if (generation === this.generation) this.fail(cameraProblem(error));
      return;
    }
    if (generation !== this.generation) {
      stopTracks(stream);
      return;
    }
    this.stream = stream;
    this.deviceId = stream.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId;
    this.set('live');
    await this.listDevices();
  }

  /** Stops every track; the controller can start again later. */
  stop(): void {
    this.generation++;
    clearTimeout(this.hiddenTimer);
    this.hiddenTimer = undefined;
    this.release();
    if (this.status !== 'idle') this.set('idle');
  }

  /** Moves to the next camera in {@link devices} (front ↔ rear on a phone). */
  async switchCamera(): Promise<void> {
    if (this.devices.length < 2) return;
    const index = this.devices.findIndex((device) => device.deviceId === this.deviceId);
    await this.start(this.devices[(index + 1) % this.devices.length]!.deviceId);
  }

  private async listDevices(): Promise<void> {
    try {
      const devices = await navigator.mediaDevices.enumerateDevices();
      this.devices = devices.filter((device) => device.kind === 'videoinput' && device.deviceId);
      this.host.requestUpdate();
    } catch {
      this.devices = [];
    }
  }

  private readonly handleVisibility = () => {
    const hiddenStopMs = this.options.hiddenStopMs ?? 30_000;
    if (document.hidden && this.status === 'live') {
      clearTimeout(this.hiddenTimer);
      this.hiddenTimer = setTimeout(() => {
        this.generation++;
        this.release();
        this.set('paused');
      }, hiddenStopMs);
    } else if (!document.hidden) {
      clearTimeout(this.hiddenTimer);
      this.hiddenTimer = undefined;
      if (this.status === 'paused') void this.start();
    }
  };

  private fail(problem: CameraProblem): void {
    this.problem = problem;
    this.set('error');
  }

  private set(status: CameraStatus): void {
    this.status = status;
    if (status !== 'error') this.problem = undefined;
    this.host.requestUpdate();
  }

  private release(): void {
    if (this.stream) stopTracks(this.stream);
    this.stream = undefined;
  }
}

const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());
