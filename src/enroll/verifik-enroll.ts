import { ContextProvider } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { VerifikApiClient } from '../api/client.js';
import { httpUrl } from '../api/http-url.js';
import type { KycProject, ProjectFlow } from '../api/types.js';
import { emit } from '../events/emit.js';
import { VERIFIK_CANCEL } from '../events/verifik-cancel.js';
import { VERIFIK_COMPLETE } from '../events/verifik-complete.js';
import { VERIFIK_ERROR, type VerifikErrorStep } from '../events/verifik-error.js';
import { VERIFIK_READY } from '../events/verifik-ready.js';
import { VERIFIK_STEP_CHANGE } from '../events/verifik-step-change.js';
import { VERIFIK_STEP_COMPLETE } from '../events/verifik-step-complete.js';
import { DEFAULT_ASSETS_URL } from '../capture/face/assets-folder.js';
import { enrollmentContext } from '../context/enrollment-context.js';
import { translationContext } from '../context/localize-controller.js';
import {
  canCancel,
  canGoBack,
  canSkip,
  currentStep,
  type MachineEvent,
  progress,
  type StepId,
} from '../flow/machine.js';
import { STEP_IDS } from '../flow/steps.js';
import { activeFlows, type FlowType, selectFlow } from './select-flow.js';
import { en } from '../i18n/en.js';
import { loadTranslation, matchLanguage } from '../i18n/load-translation.js';
import { type Translation, type TranslationOverrides, withOverrides } from '../i18n/translation.js';
import { loadedStep, loadStep } from '../steps/load-step.js';
import type { StepView } from '../steps/step-descriptor.js';
import type { StepEvent } from '../steps/step-events.js';
import { buttonStyles } from '../styles/buttons.js';
import { statusStyles } from '../styles/status.js';
import { themeStyles, tokens } from '../styles/tokens.js';
import { DEFAULT_API_URL, readConfig, resolveAssetsUrl } from './config.js';
import { chunkLoadError, EnrollError } from '../errors/enroll-error.js';
import { toEnrollError } from '../api/to-enroll-error.js';
import { handoffToken, mayHandOff } from '../handoff/cross-device.js';
import type { HandoffController } from '../handoff/handoff-controller.js';
import { loadHandoffController } from '../handoff/load-handoff-controller.js';
import { Enrollment } from './enrollment.js';
import { prefillFields, type VerifikPrefill } from './prefill.js';
import { styles } from './verifik-enroll.styles.js';

/** The focused element, through open shadow roots (the page's body when nothing has focus). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Runs a Verifik Smart Enroll identity verification inside the page: it loads the project's
 * onboarding flow from the Verifik API (or the sandbox) and guides the person through it; with
 * `mode="login"`, or a `flow` that names a login flow, it runs a Smart Access login instead. Inline
 * by default, or in a modal dialog with `modal` and `show()`; `start()` and `reset()` drive it from
 * the page, `prefill` and `reference` carry what the page already knows.
 *
 * @tagname verifik-enroll
 * @summary Embeddable Verifik Smart Enroll onboarding.
 *
 * @fires verifik-ready - The project and its flow are loaded (again after the person switches between registering and logging in). `detail: {projectId, flow: {id, name, version}}`.
 * @fires verifik-step-change - Another step is shown. `detail: {from, to, index, total}`, counted as the progress line counts (the done screen is not a step).
 * @fires verifik-step-complete - A step ended. `detail: {step, outcome, handoff?}` (`passed`, `skipped`, `failed`; `handoff: 'phone'` when the person did it on their phone).
 * @fires verifik-complete - The registration ended: `detail: {type: 'onboarding', appRegistrationId, status, token}`, `status` a `VerifikCompletionStatus`; or the login succeeded: `detail: {type: 'login', appLoginId, token}`. Cancelable: `preventDefault()` stops the redirect (`redirectUrl?type=onboarding|login&token=…`).
 * @fires verifik-cancel - The person confirmed Cancel (the widget asks first, in a dialog), or dismissed the modal; the widget starts over. `detail: {step}`.
 * @fires verifik-error - Something failed. `detail: {code, message, step, recoverable}`; `code` is stable, `step` a step id or `setup`.
 *
 * @csspart panel - The card that holds every screen.
 * @csspart progress - The "step n of m" line.
 * @csspart status - The loading indicator.
 * @csspart error - The error screen.
 * @csspart retry - The button that retries after a recoverable error.
 * @csspart logo - The project's logo, when its branding has one.
 * @csspart title - The heading of the current screen.
 * @csspart back - The Back button.
 * @csspart skip - The Skip button of optional steps.
 * @csspart cancel - The Cancel button.
 * @csspart dialog - The modal's `<dialog>` (with `modal`); style its backdrop with `::part(dialog)::backdrop`.
 * @csspart close - The modal's close button.
 * @csspart confirm - The dialog in which Cancel asks before it starts over.
 * @csspart switch - On the first screen: "Already registered? Log in" (or back to registering).
 * @csspart handoff - The "Continue on your phone" button of the document and selfie steps.
 *
 * @cssprop [--verifik-color-primary=#1f4fd8] - Buttons, focus and progress.
 * @cssprop [--verifik-color-on-primary=#ffffff] - Text on primary.
 * @cssprop [--verifik-color-text=#1b1f2a] - Body text.
 * @cssprop [--verifik-color-text-muted=#4a5365] - Secondary text.
 * @cssprop [--verifik-color-surface=#ffffff] - Card background.
 * @cssprop [--verifik-color-border=#c9cfdb] - Card and input borders.
 * @cssprop [--verifik-color-danger=#b3261e] - Errors.
 * @cssprop [--verifik-color-success=#1e7b34] - The success mark of the final screen.
 * @cssprop [--verifik-color-focus=#1f4fd8] - Focus ring.
 * @cssprop [--verifik-radius=12px] - Corner radius.
 * @cssprop [--verifik-font-family=system-ui] - Font.
 * @cssprop [--verifik-spacing=16px] - Base spacing unit.
 */
export class VerifikEnroll extends LitElement {
  static override styles = [tokens, themeStyles, buttonStyles, statusStyles, styles];

  /** The Verifik project id (24 hex digits). Required. */
  @property() project = '';

  /**
   * The project-flow id to run: an onboarding flow, or a login flow. Default: the project's first
   * active flow of the `mode`.
   */
  @property() flow = '';

  /**
   * `enroll` (default) runs an onboarding flow (Smart Enroll); `login` runs the project's login
   * flow (Smart Access): email or phone code and/or face, ending with a login token. An onboarding
   * flow with `hiddenLoginOption: false` offers the switch to its project's login flow itself.
   */
  @property() mode: 'enroll' | 'login' = 'enroll';

  /**
   * The integrator's endpoint that creates the app registration server to server and returns
   * Verifik's `{data: {appRegistration, token}}`. Relative URLs resolve against the page.
   */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint = '';

  /**
   * Your own id for the person (e.g. your user id), up to 128 characters: sent with the sign-up,
   * kept on the registration and carried in the final token, so your backend's verify can tie the
   * completion to your user. Set or check it in your token endpoint too: the page can be changed.
   */
  @property() reference = '';

  /** Base URL of the Verifik API, or of the sandbox. Relative URLs resolve against the page. */
  @property({ attribute: 'api-url' }) apiUrl = DEFAULT_API_URL;

  /**
   * Language: `en`, `es`, `pt`, `fr`, `de`, `ar` (right to left), `zh` (Simplified), `ja`, `ko`,
   * `ru`, `hi` or `id`, or a regional tag such as `es-CO` or `pt-BR`. Default: the nearest
   * ancestor's `lang`, else the first supported of the browser's languages; else English.
   */
  @property({ reflect: true }) override lang = '';

  /**
   * Folder URL of face-api, its wasm files and models (the files of the package's `dist/face/`),
   * used by the selfie step. Default: wherever the app's bundler or the CDN put them.
   */
  @property({ attribute: 'assets-url' }) assetsUrl = DEFAULT_ASSETS_URL;

  /** `turn` asks the person to turn their head left and right before the selfie (an active liveness challenge). */
  @property() challenge: 'none' | 'turn' = 'none';

  /**
   * `light` or `dark` forces that colour theme; `auto` (default) follows the page's
   * `prefers-color-scheme`. Custom `--verifik-color-*` properties apply to every theme.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** `session` (default) resumes after a reload, from sessionStorage; `none` keeps nothing. */
  @property() persist: 'session' | 'none' = 'session';

  /** Per-key overrides of the displayed strings, e.g. `{signUp: {title: 'Open your account'}}`. */
  @property({ attribute: false }) strings: TranslationOverrides | undefined;

  /**
   * Sign-up values the integrator already knows (names, email, phone and its country), shown for
   * the person to check and edit, and validated like typed input. A property only (set it from
   * script): read when a run starts, so a change applies after `reset()`.
   */
  @property({ attribute: false }) prefill: VerifikPrefill | undefined;

  /** The `fetch` used for API calls, e.g. to add headers through a proxy. Default: the page's. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /**
   * `false` waits for `start()` (or `show()` of a modal): until then
   * nothing is requested from the API. Any other value, or none, starts as soon as the element is in
   * the page.
   */
  @property({ converter: { fromAttribute: (value) => value !== 'false' } }) autostart = true;

  /**
   * Presents the widget in a modal dialog (a native `<dialog>`, opened with `showModal()`: the page
   * behind is inert and focus stays inside), opened by `show()`.
   * Escape or the close button cancels (`verifik-cancel`, and the flow starts over) and closes;
   * past the sign-up it first asks, in the same confirm dialog as Cancel.
   */
  @property({ type: Boolean }) modal = false;

  /** Whether the modal is open; reflected. Setting it opens or closes the modal too. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * Cross-device handoff, for the document and selfie: `auto` (default) offers "Continue on your
   * phone" and goes there by itself when this device has no camera; `force` always takes these
   * steps on a phone; `off` never offers it. The phone opens `handoff-url` with a single-use link.
   */
  @property({ attribute: 'cross-device' }) crossDevice: 'auto' | 'force' | 'off' = 'auto';

  /**
   * The page a phone opens to continue (it must hold this element with the same `project`,
   * `api-url` and `token-endpoint`); the widget adds a single-use `verifik-handoff` parameter.
   * Default: the current page.
   */
  @property({ attribute: 'handoff-url' }) handoffUrl = '';

  /** The step shown, reflected so pages can style by step (`verifik-enroll[step="emailCode"]`). */
  @property({ reflect: true }) step: StepId | undefined;

  @state() private translation: Translation = en;
  /** Set by start(): the flow may load although `autostart` is false. */
  @state() private startRequested = false;
  /** What had focus when the modal opened: it gets focus back when the modal closes. */
  private opener: HTMLElement | undefined;
  /** The person switched, on the first screen, to the other kind of flow than `mode`. */
  @state() private switched = false;
  /** Where the first screen's switch leads, when the flow offers one. */
  @state() private switchTo: 'enroll' | 'login' | undefined;
  /** Set by the switch: the new flow's first heading takes the focus once loaded. */
  private focusOnLoad = false;

  @query('dialog[part="confirm"]') private cancelDialog!: HTMLDialogElement | null;
  /** The button whose press opened the confirm dialog: it gets focus back on No. */
  private cancelAskedBy: 'cancel' | 'close' = 'cancel';

  /** Gives the steps the enrollment, once loaded. */
  private readonly enrollmentProvider = new ContextProvider(this, { context: enrollmentContext });
  /** Gives the steps their strings, and new ones when `lang` or `strings` change. */
  private readonly translationProvider = new ContextProvider(this, { context: translationContext, initialValue: en });

  private readonly loadTask = new Task(this, {
    args: () =>
      [
        this.project,
        this.flow,
        this.apiUrl,
        this.tokenEndpoint,
        this.assetsUrl,
        this.reference,
        this.fetch,
        this.persist,
        this.activeMode,
        this.switched,
      ] as const,
    task: (
      [project, flow, apiUrl, tokenEndpoint, assetsUrl, reference, fetchImpl, persist, mode, switched],
      { signal },
    ) =>
      this.load(
        { project, flow, apiUrl, tokenEndpoint, assetsUrl, reference },
        { fetchImpl, persist: persist !== 'none', mode, switched },
        signal,
      ),
    onComplete: (enrollment) => {
      this.enrollmentProvider.setValue(enrollment);
      const { flow } = enrollment;
      emit(this, VERIFIK_READY, {
        projectId: enrollment.project._id,
        flow: { id: flow.id, name: flow.name, version: flow.version },
      });
      this.announceStep(null, enrollment);
      if (this.focusOnLoad) void this.focusHeading();
      this.focusOnLoad = false;
    },
    onError: (error) => {
      if (error instanceof EnrollError) this.reportError(error, 'setup');
    },
  });

  private readonly finishTask = new Task(this, {
    autoRun: false,
    args: () => [] as const,
    // The final screen (done, failed, or an error with Retry) replaces a busy line: focus its heading.
    onComplete: () => void this.focusHeading(),
    onError: () => void this.focusHeading(),
    task: async (_args, { signal }) => {
      const enrollment = this.enrollment!;
      try {
        const result = await enrollment.finish(signal);
        // A failed login completed nothing: its step reported why.
        if (!result) return result;
        const proceed = emit(this, VERIFIK_COMPLETE, result, { cancelable: true });
        const target = enrollment.redirectTarget(result.token);
        if (proceed && target) window.location.assign(target);
        return result;
      } catch (error) {
        const enrollError = toEnrollError(error);
        if (!signal.aborted) this.reportError(enrollError, 'done');
        throw enrollError;
      }
    },
  });

  /**
   * Loads the element of the screen shown (each step is a chunk of its own) when the step before
   * did not already prefetch it; a failed load shows an error with Retry.
   */
  private readonly stepTask = new Task(this, {
    args: () => [this.enrollment ? this.shownStep(this.enrollment) : undefined] as const,
    task: async ([id]) => (id ? loadStep(id) : undefined),
    onError: (error) => {
      if (error instanceof EnrollError && this.enrollment) this.reportError(error, this.shownStep(this.enrollment));
    },
  });

  /** Runs started over (Cancel, reset()): part of each screen's key, so a new run gets new screens. */
  private runs = 0;

  /** Set while the element is out of the page, so a load it aborted runs again on return. */
  private abortedLoad = false;

  /**
   * Continuing on a phone: the computer's handoff screen, or this page as the phone. Its module
   * loads on demand (see {@link useHandoff}): most runs never need it.
   */
  private handoff: HandoffController | undefined;

  /** The token of the handoff link this page was opened with, read as a flow loads: set on a phone. */
  private phoneToken: string | undefined;

  private get enrollment(): Enrollment | undefined {
    return this.loadTask.status === TaskStatus.COMPLETE ? this.loadTask.value : undefined;
  }

  /**
   * The handoff controller, added to this element once its module has loaded: when this page is
   * the phone, or a flow shows a camera step a phone may take over. A failed load rejects (a
   * recoverable `network_error`), and the next use tries again.
   */
  private async useHandoff(): Promise<HandoffController> {
    const Controller = await loadHandoffController();
    this.handoff ??= new Controller(this, {
      enrollment: () => this.enrollment,
      phoneToken: () => this.phoneToken,
      dispatch: (event) => this.dispatch(event, 'phone'),
      focusHeading: () => void this.focusHeading(),
      loadFailed: (error) => this.enrollment && this.reportError(error, this.shownStep(this.enrollment)),
    });
    return this.handoff;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.abortedLoad) {
      this.abortedLoad = false;
      void this.loadTask.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.loadTask.status === TaskStatus.PENDING) {
      this.abortedLoad = true;
      this.loadTask.abort();
    }
  }

  /**
   * Starts the flow when `autostart="false"`: loads the project and its flow, then shows the first
   * step (or resumes a saved session). Does nothing once started.
   */
  start(): void {
    this.startRequested = true;
  }

  /**
   * Opens the modal (with `modal`), and starts the flow if `autostart="false"` held it back. Focus
   * moves into the dialog and returns to what had it when the modal closes.
   */
  show(): void {
    const active = deepActiveElement();
    this.opener = active instanceof HTMLElement && active !== document.body ? active : undefined;
    this.start();
    this.open = true;
  }

  /** Closes the modal without cancelling: the flow stays where it is for the next `show()`. */
  close(): void {
    this.open = false;
  }

  /**
   * Starts over: forgets the saved session and what the person typed and shows the first step,
   * without the `verifik-cancel` event (the page asked, not the person). A completion still
   * pending at Verifik is no longer awaited; after a setup error the project loads again. Before
   * the flow has started it does nothing.
   */
  reset(): void {
    // Back to the kind of flow the page chose.
    if (this.switched) {
      this.switched = false;
      return;
    }
    const enrollment = this.enrollment;
    if (!enrollment) {
      if (this.loadTask.status === TaskStatus.ERROR) void this.loadTask.run();
      return;
    }
    this.finishTask.abort();
    void this.handoff?.leave(enrollment);
    this.startOver(enrollment);
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || dialog.open === this.open) return;
    if (this.open) dialog.showModal();
    else dialog.close();
  }

  /** The dialog closed (close(), `open` set to false, or the browser): focus goes back to the opener. */
  private handleDialogClose(): void {
    this.open = false;
    this.opener?.focus();
    this.opener = undefined;
  }

  /**
   * Escape or the close button: the person gives up a running flow, then the modal closes. Past
   * the sign-up (a registration exists, codes may be proved) it asks first, as Cancel does.
   */
  private handleDialogCancel(event: Event): void {
    // The dialog closes through `open`, so the property and the dialog never disagree.
    event.preventDefault();
    const machine = this.enrollment?.machine;
    if (machine && canCancel(machine)) {
      // The browser closes the dialog anyway on a repeated Escape without user activation (so no
      // page can trap a person): then the modal only closes, and the flow waits for the next show().
      if (event.cancelable) this.askCancel('close');
      return;
    }
    if (machine?.status === 'running') this.handleCancel();
    this.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The load task runs from the controllers' update, which follows this one.
    this.loadTask.autoRun = this.autostart || this.startRequested;
    if (changed.has('lang') || changed.has('strings') || !this.hasUpdated) void this.updateTranslation();
  }

  /** `lang`, else the nearest ancestor's `lang`, else the first supported of the browser's languages. */
  private get language() {
    // Not `[lang]` alone: the host reflects its own empty `lang` and would always be the match.
    const ancestor = this.closest('[lang]:not([lang=""])')?.getAttribute('lang');
    return matchLanguage(this.lang || ancestor || navigator.languages);
  }

  private async updateTranslation(): Promise<void> {
    const language = this.language;
    const translation = await loadTranslation(language);
    // A later change of `lang` may have finished first.
    if (this.language !== language) return;
    this.translation = withOverrides(translation, this.strings);
    this.translationProvider.setValue(this.translation);
  }

  /** `mode`, or the other one once the person switched on the first screen. */
  private get activeMode(): 'enroll' | 'login' {
    return (this.mode === 'login') !== this.switched ? 'login' : 'enroll';
  }

  /** Switches between registering and logging in, from the first screen; nothing typed goes along. */
  private switchFlow(): void {
    this.switched = !this.switched;
    this.focusOnLoad = true;
  }

  private async load(
    attributes: Parameters<typeof readConfig>[0],
    run: { fetchImpl: typeof fetch | undefined; persist: boolean; mode: 'enroll' | 'login'; switched: boolean },
    signal: AbortSignal,
  ): Promise<Enrollment> {
    const config = readConfig(attributes, document.baseURI);
    const { fetchImpl, persist, mode, switched } = run;
    this.switchTo = undefined;
    // A phone's link continues the computer's registration: nothing of it is kept on the phone,
    // and the handoff's module loads while the project is requested.
    this.phoneToken = handoffToken(window.location.href);
    const handoff = this.phoneToken === undefined ? undefined : this.useHandoff();
    handoff?.catch(() => undefined);
    // Every flow opens on the first step (a resumed one may be further on): its module loads
    // while the project is requested, rather than after.
    loadStep(STEP_IDS[0]!).catch(() => undefined);
    // So does the flow reader, a chunk of its own (a failed load is reported once it is needed).
    const reader = import('../flow/normalize-flow.js');
    reader.catch(() => undefined);
    const client = new VerifikApiClient({ baseUrl: config.apiUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
    const kyc = async (type: FlowType) => {
      try {
        return await client.request<KycProject>('/v2/projects/kyc', { query: { id: config.project, type }, signal });
      } catch (error) {
        if (signal.aborted) throw error;
        throw toEnrollError(error, 'project_not_found');
      }
    };
    const type: FlowType = mode === 'login' ? 'login' : 'onboarding';
    // After a switch, the project's active flow of the other kind, not the page's `flow`.
    const flowId = switched ? undefined : config.flow;
    let project = await kyc(type);
    let flow: ProjectFlow;
    try {
      flow = selectFlow(project, flowId, type);
    } catch (error) {
      // `flow` may name a login flow directly.
      if (!flowId || type === 'login') throw error;
      project = await kyc('login');
      flow = selectFlow(project, flowId, 'login');
    }
    const { normalizeProjectFlow } = await reader.catch((error: unknown) => {
      throw chunkLoadError(error);
    });
    const normalized = normalizeProjectFlow(flow);
    const loginApi =
      normalized.kind === 'login'
        ? (
            await import('../api/login-api.js').catch((error: unknown) => {
              throw chunkLoadError(error);
            })
          ).LoginApi
        : undefined;
    const enrollment = new Enrollment(project, normalized, {
      apiUrl: config.apiUrl,
      tokenEndpoint: config.tokenEndpoint,
      reference: config.reference,
      fetch: fetchImpl,
      persist: persist && !this.phoneToken,
      prefill: () => prefillFields(this.prefill),
      loginApi,
    });
    if (handoff) {
      try {
        await (await handoff).join(enrollment, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw toEnrollError(error, 'handoff_link_invalid');
      }
    }
    this.switchTo = switched ? this.mode : await this.loginOffered(enrollment, kyc);
    return enrollment;
  }

  /** 'login' when the onboarding flow offers "Already registered? Log in" and the project has a login flow to switch to. */
  private async loginOffered(
    enrollment: Enrollment,
    kyc: (type: FlowType) => Promise<KycProject>,
  ): Promise<'login' | undefined> {
    if (enrollment.flow.kind !== 'onboarding' || enrollment.flow.hiddenLoginOption) return undefined;
    // Without a login flow (or its list) there is nothing to offer: the onboarding runs as usual.
    const project = await kyc('login').catch(() => undefined);
    return project && activeFlows(project, 'login').length > 0 ? 'login' : undefined;
  }

  /** Fires `verifik-error` with the translated message, followed by `context` (a URL tried) when given. */
  private reportError(error: EnrollError, step: VerifikErrorStep, context?: string): void {
    const message = this.translation.errors[error.code];
    emit(this, VERIFIK_ERROR, {
      code: error.code,
      message: context ? `${message} ${context}` : message,
      step,
      recoverable: error.recoverable,
    });
  }

  /** Fires `verifik-step-change`, reflects the step, and moves focus to the new screen's heading. */
  private announceStep(from: StepId | null, enrollment: Enrollment): void {
    const { machine } = enrollment;
    // A failed flow stays on the step that failed, but the person now sees the final screen.
    const to = machine.status === 'running' ? currentStep(machine).id : 'done';
    this.step = to;
    emit(this, VERIFIK_STEP_CHANGE, { from, to, ...progress(machine) });
    // On a phone the computer ends the registration.
    const finish = machine.status === 'completed' && !this.phoneToken;
    if (finish && this.finishTask.status !== TaskStatus.PENDING) void this.finishTask.run();
    this.handoffStepShown(enrollment, to);
    this.prefetchNext(enrollment);
    if (from !== null) void this.focusHeading();
  }

  /**
   * Tells the handoff controller that step `to` is shown. Without one yet, a step a phone may take
   * over loads it first (the offer appears once it is here); a failed load is reported, and the
   * step stays on this device.
   */
  private handoffStepShown(enrollment: Enrollment, to: StepId): void {
    const shown = (handoff: HandoffController) => void handoff.stepShown(enrollment).then(() => this.requestUpdate());
    if (this.handoff) shown(this.handoff);
    else if (mayHandOff(to, this.crossDevice))
      this.useHandoff().then(shown, (error: EnrollError) => this.reportError(error, to));
  }

  /** Moves focus to the heading of the screen shown once it has rendered (never to the page's body). */
  private async focusHeading(): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    // A person who outran the prefetch sees "Loading" until the screen's module arrives, with its
    // heading. Focus moves then only if it is nowhere (the old screen took it with it): never from
    // a control the person is on, such as Skip, which they may be pressing again.
    const enrollment = this.enrollment;
    if (enrollment && !this.handoff?.active && !loadedStep(this.shownStep(enrollment))) {
      await this.stepTask.taskComplete.catch(() => undefined);
      await this.updateComplete;
      if (!this.focusLost()) return;
    }
    const screen = this.renderRoot.querySelector('[data-step], [part="error"]');
    if (screen instanceof LitElement) await screen.updateComplete;
    (screen?.shadowRoot ?? screen)?.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Focus is on no control: the page's body, or this element with nothing (or only its modal) focused inside. */
  private focusLost(): boolean {
    const active = document.activeElement;
    const inside = this.shadowRoot?.activeElement;
    return !active || active === document.body || (active === this && (!inside || inside instanceof HTMLDialogElement));
  }

  /** The step on screen: the current one while the flow runs, then the final screen. */
  private shownStep({ machine }: Enrollment): StepId {
    return machine.status === 'running' ? currentStep(machine).id : 'done';
  }

  /**
   * Fetches the next step's chunk while the person is on this one; a mandatory next step also
   * prepares (e.g. the selfie loads its models). Before a camera step a phone may take over, the
   * handoff's chunk comes too. A chunk that fails now is tried again when shown.
   */
  private prefetchNext(enrollment: Enrollment): void {
    const { machine } = enrollment;
    const next = machine.steps[machine.index + 1] ?? { id: 'done', requirement: 'mandatory' };
    if (mayHandOff(next.id, this.crossDevice)) loadHandoffController().catch(() => undefined);
    loadStep(next.id).then(
      (step) => {
        if (next.requirement === 'mandatory') step.prefetch?.(this.stepView(enrollment));
      },
      () => undefined,
    );
  }

  /** What a step's descriptor renders from. */
  private stepView(enrollment: Enrollment): StepView {
    return {
      enrollment,
      assetsUrl: resolveAssetsUrl(this.assetsUrl, document.baseURI),
      challenge: this.challenge === 'turn' ? 'turn' : 'none',
      reportError: (error, context) => this.reportError(error, currentStep(enrollment.machine).id, context),
    };
  }

  /** Applies a machine event; `handoff`: the step was done on the person's phone. */
  private dispatch(event: MachineEvent, handoff?: 'phone'): void {
    const enrollment = this.enrollment;
    if (!enrollment) return;
    const { index, status } = enrollment.machine;
    const from = currentStep(enrollment.machine).id;
    if (!enrollment.apply(event)) return;
    const outcome = enrollment.machine.outcomes[from];
    if (outcome) emit(this, VERIFIK_STEP_COMPLETE, { step: from, outcome, ...(handoff ? { handoff } : {}) });
    if (enrollment.machine.status === 'failed' && !this.phoneToken) void this.finishTask.run();
    // A failed attempt with tries left stays on its step: nothing to announce.
    if (enrollment.machine.index !== index || enrollment.machine.status !== status) this.announceStep(from, enrollment);
    this.requestUpdate();
  }

  /**
   * Cancel throws progress away: it asks first, in a modal dialog that takes the focus. `from` is
   * the button that asked (Cancel, or the modal's close button, which also closes the modal).
   */
  private askCancel(from: 'cancel' | 'close' = 'cancel'): void {
    if (!this.cancelDialog) return;
    this.cancelAskedBy = from;
    // An earlier answer would otherwise count for an Escape now.
    this.cancelDialog.returnValue = '';
    this.cancelDialog.showModal();
  }

  /** Yes cancels (and closes the modal if it asked); No or Escape returns to the button that asked. */
  private handleCancelAnswer(): void {
    const from = this.cancelAskedBy;
    if (this.cancelDialog?.returnValue !== 'yes') {
      this.renderRoot.querySelector<HTMLElement>(`[part="${from}"]`)?.focus();
      return;
    }
    this.handleCancel();
    if (from === 'close') this.close();
  }

  /**
   * The person gives up: `verifik-cancel`, the saved session is forgotten, the flow starts over.
   * On a phone, only the phone's part ends (the computer learns it and keeps its flow).
   */
  private handleCancel(): void {
    const enrollment = this.enrollment;
    if (!enrollment) return;
    emit(this, VERIFIK_CANCEL, { step: currentStep(enrollment.machine).id });
    if (this.handoff?.onPhone) {
      void this.handoff.cancelOnPhone(enrollment).then(() => this.focusHeading());
      return;
    }
    void this.handoff?.leave(enrollment);
    this.startOver(enrollment);
  }

  /** Forgets the session and shows the first step, as a new screen even if it was already shown. */
  private startOver(enrollment: Enrollment): void {
    const from = currentStep(enrollment.machine).id;
    enrollment.restart();
    this.runs++;
    this.announceStep(from, enrollment);
    this.requestUpdate();
  }

  /** Keeps what the person typed for a reload; nothing on screen changes, so no re-render. */
  private handleStepFields(event: StepEvent<'step-fields'>): void {
    event.stopPropagation();
    this.enrollment?.keep(event.detail);
  }

  private handleStepError(event: StepEvent<'step-error'>): void {
    event.stopPropagation();
    if (this.enrollment) this.enrollment.lastError = event.detail.code;
    this.reportError(event.detail, this.step ?? 'setup');
  }

  protected override render() {
    // Not started yet (autostart="false"): no card, nothing to announce.
    if (!this.loadTask.autoRun) return nothing;
    if (!this.modal) return this.renderPanel();
    return html`<dialog
      part="dialog"
      aria-label=${this.translation.dialogLabel}
      @cancel=${this.handleDialogCancel}
      @close=${this.handleDialogClose}
    >
      <button
        part="close"
        type="button"
        class="secondary close"
        aria-label=${this.translation.close}
        @click=${this.handleDialogCancel}
      >
        ×
      </button>
      ${this.renderPanel()}
    </dialog>`;
  }

  private renderPanel() {
    return html`<div
      part="panel"
      lang=${this.translation.$lang}
      dir=${this.translation.$dir}
      @step-complete=${(event: StepEvent<'step-complete'>) => (
        event.stopPropagation(),
        this.dispatch({ type: 'COMPLETE' })
      )}
      @step-fail=${(event: StepEvent<'step-fail'>) => (
        event.stopPropagation(),
        this.dispatch({ type: 'FAIL', final: event.detail.final })
      )}
      @step-fields=${this.handleStepFields}
      @step-error=${this.handleStepError}
    >
      ${this.loadTask.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (enrollment) => this.renderEnrollment(enrollment),
        error: (error) => {
          const enrollError = error instanceof EnrollError ? error : toEnrollError(error);
          const { handoff, setupErrorTitle } = this.translation;
          return this.renderError(
            enrollError,
            enrollError.code.startsWith('handoff_') ? handoff.linkErrorTitle : setupErrorTitle,
          );
        },
      })}
    </div>`;
  }

  private renderLoading() {
    return html`<div part="status" role="status">
      <span class="spinner" aria-hidden="true"></span>
      <span>${this.translation.loading}</span>
    </div>`;
  }

  private renderEnrollment(enrollment: Enrollment) {
    const { machine, project } = enrollment;
    const step = currentStep(machine);
    const { handoff } = this;
    const phoneEnd = handoff?.renderPhoneEnd(this.translation.handoff) ?? nothing;
    const running = machine.status === 'running' && phoneEnd === nothing;
    const { index, total } = progress(machine);
    const logo =
      typeof project.branding?.logo === 'string' ? httpUrl(project.branding.logo, document.baseURI) : undefined;
    return html`
      ${logo ? html`<img part="logo" src=${logo.href} alt=${project.name ?? ''} />` : nothing}
      ${project.name ? html`<p class="project">${project.name}</p>` : nothing}
      ${
        !running
          ? nothing
          : html`<p part="progress" class="muted">
              ${this.translation.progress(index, total, this.translation.steps[step.id])}<span class="visually-hidden"
                >, ${this.translation.progressDone(machine.index)}</span
              >
            </p>`
      }
      ${
        phoneEnd !== nothing
          ? phoneEnd
          : handoff?.active && running
            ? keyed(`${this.runs}:handoff`, handoff.renderScreen())
            : keyed(`${this.runs}:${step.id}`, this.renderStep(enrollment))
      }
      ${this.renderSwitch(enrollment)}
      <div class="nav">
        ${
          canGoBack(machine)
            ? html`<button part="back" type="button" class="secondary" @click=${() => this.dispatch({ type: 'BACK' })}>
                ${this.translation.actions.back}
              </button>`
            : nothing
        }
        ${
          canSkip(machine)
            ? html`<button part="skip" type="button" class="secondary" @click=${() => this.dispatch({ type: 'SKIP' })}>
                ${this.translation.actions.skip}
              </button>`
            : nothing
        }
        ${
          canCancel(machine) && phoneEnd === nothing
            ? html`<button
                part="cancel"
                type="button"
                class="secondary"
                aria-haspopup="dialog"
                @click=${() => this.askCancel()}
              >
                ${this.translation.actions.cancel}
              </button>`
            : nothing
        }
        ${handoff?.renderOffer(enrollment, this.translation.handoff.offer)}
      </div>
      ${this.renderCancelDialog()}
    `;
  }

  /** On the first screen, the switch between registering and logging in, when the flow offers it. */
  private renderSwitch({ machine }: Enrollment) {
    if (!this.switchTo || machine.status !== 'running' || machine.index !== 0) return nothing;
    const { login } = this.translation;
    return html`<p class="switch">
      <button part="switch" type="button" class="secondary" @click=${this.switchFlow}>
        ${this.switchTo === 'login' ? login.switchToLogin : login.switchToEnroll}
      </button>
    </p>`;
  }

  private renderCancelDialog() {
    const { cancelConfirm } = this.translation;
    return html`<dialog
      part="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      @close=${this.handleCancelAnswer}
    >
      <form method="dialog">
        <h2 id="confirm-title">${cancelConfirm.title}</h2>
        <p id="confirm-text">${cancelConfirm.text}</p>
        <div class="nav">
          <button value="no" class="secondary">${cancelConfirm.keep}</button>
          <button value="yes">${cancelConfirm.confirm}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** The current step's element, from the step registry; the finish screen once the flow ended. */
  private renderStep(enrollment: Enrollment) {
    const id = this.shownStep(enrollment);
    const step = loadedStep(id);
    if (!step) {
      return this.stepTask.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => this.renderLoading(),
        error: (error) =>
          this.renderError(toEnrollError(error), this.translation.setupErrorTitle, () => this.stepTask.run()),
      });
    }
    const view = this.stepView(enrollment);
    if (enrollment.machine.status !== 'running') return this.renderFinish(() => step.render(view));
    return step.render(view);
  }

  /** The last screen: completion at Verifik pending, then done, failed, or an error with Retry. */
  private renderFinish(renderDone: () => TemplateResult) {
    return this.finishTask.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: renderDone,
      error: (error) =>
        this.renderError(
          error instanceof EnrollError ? error : toEnrollError(error),
          this.translation.finishErrorTitle,
          () => this.finishTask.run(),
        ),
    });
  }

  private renderError(error: EnrollError, title: string, retry = () => this.loadTask.run()) {
    return html`<div part="error" role="alert">
      <h2 part="title" tabindex="-1">${title}</h2>
      <p>${this.translation.errors[error.code]}</p>
      ${
        error.recoverable
          ? html`<button part="retry" type="button" @click=${() => void retry()}>${this.translation.retry}</button>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verifik-enroll': VerifikEnroll;
  }
}
