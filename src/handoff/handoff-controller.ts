import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Enrollment } from '../enroll/enrollment.js';
import { currentStep, type MachineEvent } from '../flow/machine.js';
import type { EnrollError } from '../errors/enroll-error.js';
import type { Translation } from '../i18n/translation.js';
import { type CrossDeviceMode, isCameraStep, mayHandOff } from './cross-device.js';
import { cancelHandoff, exchangeHandoff, finishHandoff, handoffStatus } from './handoff-api.js';
import { nextPollDelay, phonePartOver, phoneState } from './handoff-plan.js';
import { loadHandoffScreen } from './load-handoff-screen.js';
import type { HandoffStatus } from './handoff-api.js';

/** What the controller needs of the root element. */
export interface HandoffHost extends ReactiveControllerHost {
  readonly crossDevice: CrossDeviceMode;
  /** The page the phone opens; empty: the current page. */
  readonly handoffUrl: string;
}

/** What the controller needs of the root element beyond its public properties. */
export interface HandoffHooks {
  /** The enrollment running, once loaded. */
  enrollment(): Enrollment | undefined;
  /** The token of the phone's link this page was opened with (read as a flow loads); none on the computer. */
  phoneToken(): string | undefined;
  /** Applies the machine event a step the phone passed (or failed for good) means here. */
  dispatch(event: MachineEvent): void;
  /** Another screen is shown: its heading takes the focus. */
  focusHeading(): void;
  /** The handoff screen's chunk could not load: the step stays, with the error shown. */
  loadFailed(error: EnrollError): void;
}

/** How the phone's part ended. */
export type PhoneEnd = 'finished' | 'cancelled-here' | 'cancelled-there';

/** Whether this device has a camera (before any permission is asked: no prompt). */
async function hasCamera(): Promise<boolean> {
  try {
    const devices = (await navigator.mediaDevices?.enumerateDevices()) ?? [];
    return devices.some(({ kind }) => kind === 'videoinput');
  } catch {
    return false;
  }
}

/**
 * Cross-device handoff for the root element. On the computer: whether the handoff screen stands
 * in for the camera steps (offered, forced, or because there is no camera), and the phone's
 * progress applied to the flow. On the phone (the page was opened with a handoff link): the
 * exchange, the camera steps only, and how its part ended, with the computer's cancel followed.
 * Its module loads on demand (`load-handoff-controller.ts`); the root adds it once loaded and
 * renders the screens it returns.
 */
export class HandoffController implements ReactiveController {
  /** On the computer: the handoff screen stands in for the camera steps. */
  active = false;
  /** On the computer: the handoff was started because this device has no camera. */
  private noCamera = false;
  /** On the phone: how its part ended, once it has. */
  private phoneEnd: PhoneEnd | undefined;
  private camera: Promise<boolean> | undefined;
  /** The phone finished: the computer does not hand off again. */
  private handedOver = false;
  /** On the computer: the handoff's state as last read (`waiting`: no phone opened the link yet). */
  private phoneState: NonNullable<HandoffStatus['handoff']>['status'] | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private pollDelay: number | undefined;

  constructor(
    private readonly host: HandoffHost,
    private readonly hooks: HandoffHooks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.pollTimer);
  }

  /** Whether this page is a phone's, opened with a handoff link (read when the flow loads). */
  get onPhone(): boolean {
    return this.hooks.phoneToken() !== undefined;
  }

  /** On the phone: exchanges the link's token and puts the flow at the camera steps left. */
  async join(enrollment: Enrollment, signal: AbortSignal): Promise<void> {
    const { steps } = await exchangeHandoff(enrollment.api, this.hooks.phoneToken()!, signal);
    enrollment.machine = phoneState(enrollment.flow, steps);
    this.followComputer(enrollment);
  }

  /** The page the phone opens: `handoff-url`, else this page. */
  private get linkBase(): string {
    return new URL(this.host.handoffUrl || window.location.href, document.baseURI).href;
  }

  /** Whether "Continue on your phone" is offered on the current step. */
  private offered(enrollment: Enrollment): boolean {
    const { machine } = enrollment;
    return (
      !this.onPhone &&
      !this.active &&
      machine.status === 'running' &&
      mayHandOff(currentStep(machine).id, this.host.crossDevice)
    );
  }

  /**
   * The person asked for the phone (or the page forced it, or there is no camera). Resolves once
   * the handoff screen is shown (its chunk loads on first use); a failed load leaves the step.
   */
  private async start(noCamera = false): Promise<void> {
    try {
      await loadHandoffScreen();
    } catch (error) {
      this.hooks.loadFailed(error as EnrollError);
      return;
    }
    this.active = true;
    this.phoneState = 'waiting';
    this.noCamera = noCamera;
    this.host.requestUpdate();
  }

  /**
   * A new step is shown. On the computer, a camera step goes to the phone with `force`, and the
   * selfie with `auto` when there is no camera (a document can still be uploaded from a file); on
   * the phone, the end of its camera steps ends its part.
   */
  async stepShown(enrollment: Enrollment): Promise<void> {
    const { machine } = enrollment;
    if (this.onPhone) {
      if (!this.phoneEnd && phonePartOver(machine)) await this.endOnPhone(enrollment, 'finished');
      return;
    }
    const step = machine.status === 'running' ? currentStep(machine).id : undefined;
    if (!step || !isCameraStep(step)) {
      // Past the camera steps (passed on the phone, or skipped here): a link nobody opened is withdrawn.
      if (this.phoneState === 'waiting') await this.leave(enrollment);
      this.active = false;
      return;
    }
    if (this.active || this.handedOver || this.host.crossDevice === 'off') return;
    if (this.host.crossDevice === 'force') return this.start();
    if (step !== 'liveness') return;
    this.camera ??= hasCamera();
    const noCamera = !(await this.camera);
    // The person may have moved on while the devices were listed.
    const still = enrollment.machine.status === 'running' && currentStep(enrollment.machine).id === step;
    if (noCamera && still && !this.active) await this.start(true);
  }

  /**
   * The machine events the phone's progress means for the computer's current step: passed on
   * the phone, or failed there for good. The phone's end hands the flow back.
   */
  private progress(enrollment: Enrollment, status: HandoffStatus): MachineEvent | undefined {
    this.phoneState = status.handoff?.status;
    if (status.handoff?.status === 'finished') this.handedOver = true;
    const { machine } = enrollment;
    const step = currentStep(machine).id;
    if (machine.status !== 'running' || !isCameraStep(step)) return undefined;
    const progress = status.steps[step];
    if (progress === 'passed') return { type: 'COMPLETE' };
    return progress === 'failed' ? { type: 'FAIL', final: true } : undefined;
  }

  /** The person left the handoff on the computer (Use this device, Cancel, reset): the phone learns it. */
  async leave(enrollment: Enrollment | undefined): Promise<void> {
    if (!this.active) return;
    this.active = false;
    this.phoneState = undefined;
    this.host.requestUpdate();
    if (enrollment) await cancelHandoff(enrollment.api).catch(() => undefined);
  }

  /** On the phone: Cancel ends the phone's part (the computer learns it); the flow is not started over. */
  cancelOnPhone(enrollment: Enrollment): Promise<void> {
    return this.endOnPhone(enrollment, 'cancelled-here');
  }

  private async endOnPhone(enrollment: Enrollment, end: PhoneEnd): Promise<void> {
    this.phoneEnd = end;
    clearTimeout(this.pollTimer);
    this.host.requestUpdate();
    if (end === 'finished') await finishHandoff(enrollment.api).catch(() => undefined);
    if (end === 'cancelled-here') await cancelHandoff(enrollment.api).catch(() => undefined);
  }

  /** On the phone: reads the handoff with backoff, to learn a cancel on the computer. */
  private followComputer(enrollment: Enrollment): void {
    const poll = async () => {
      if (this.phoneEnd || this.hooks.enrollment() !== enrollment) return;
      const status = await handoffStatus(enrollment.api).catch(() => undefined);
      if (this.phoneEnd) return;
      if (status?.handoff?.status === 'cancelled' || status?.handoff?.status === 'revoked') {
        this.phoneEnd = 'cancelled-there';
        this.host.requestUpdate();
        return;
      }
      this.pollDelay = nextPollDelay(this.pollDelay, false);
      this.pollTimer = setTimeout(() => void poll(), this.pollDelay);
    };
    this.pollDelay = undefined;
    this.pollTimer = setTimeout(() => void poll(), nextPollDelay(undefined, true));
  }

  /** "Continue on your phone": the handoff screen stands in for the camera steps. */
  private readonly handleStart = (): void => void this.start().then(() => this.hooks.focusHeading());

  /** The phone's progress, read by the handoff screen: each step it passed moves the flow here. */
  private readonly handleStatus = (event: CustomEvent<HandoffStatus>): void => {
    event.stopPropagation();
    const enrollment = this.hooks.enrollment();
    if (!enrollment) return;
    for (let next = this.progress(enrollment, event.detail); next;) {
      const before = enrollment.machine;
      this.hooks.dispatch(next);
      next = enrollment.machine === before ? undefined : this.progress(enrollment, event.detail);
    }
  };

  /** "Use this device instead": back to the step, and the phone's link stops working. */
  private readonly handleLeave = (event: Event): void => {
    event.stopPropagation();
    void this.leave(this.hooks.enrollment());
    this.hooks.focusHeading();
  };

  /** On the computer, while the handoff is active: the handoff screen, in place of the camera steps. */
  renderScreen() {
    return html`<verifik-handoff-screen
      data-step
      link-base=${this.linkBase}
      ?no-camera=${this.noCamera}
      ?can-leave=${this.host.crossDevice !== 'force'}
      @handoff-status=${this.handleStatus}
      @handoff-leave=${this.handleLeave}
    ></verifik-handoff-screen>`;
  }

  /** On the computer, on a camera step a phone may take over: the "Continue on your phone" button. */
  renderOffer(enrollment: Enrollment, label: string) {
    if (!this.offered(enrollment)) return nothing;
    return html`<button part="handoff" type="button" class="secondary" @click=${this.handleStart}>${label}</button>`;
  }

  /** On the phone, once its part ended: the screen that says what to do next; else nothing. */
  renderPhoneEnd(t: Translation['handoff']) {
    if (!this.phoneEnd) return nothing;
    const [title, text] =
      this.phoneEnd === 'finished'
        ? [t.phoneDoneTitle, t.phoneDoneText]
        : [t.phoneCancelledTitle, this.phoneEnd === 'cancelled-here' ? t.phoneCancelledHere : t.phoneCancelledThere];
    return html`<div data-step class="phone-end">
      <h2 part="title" tabindex="-1">${title}</h2>
      <p>${text}</p>
    </div>`;
  }
}
