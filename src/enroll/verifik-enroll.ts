import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VerifikApiClient } from '../api/client.js';
import type { KycProject, ProjectFlow } from '../api/types.js';
import { emit } from '../events/emit.js';
import { VERIFIK_ERROR } from '../events/verifik-error.js';
import { VERIFIK_READY } from '../events/verifik-ready.js';
import { selectFlow } from '../flow/select-flow.js';
import { en } from '../i18n/en.js';
import { loadTranslation, matchLanguage } from '../i18n/load-translation.js';
import { type Translation, type TranslationOverrides, withOverrides } from '../i18n/translation.js';
import { tokens } from '../styles/tokens.js';
import { DEFAULT_API_URL, httpUrl, readConfig } from './config.js';
import { EnrollError, toEnrollError } from './enroll-error.js';
import { styles } from './verifik-enroll.styles.js';

interface Loaded {
  project: KycProject;
  flow: ProjectFlow;
}

/**
 * Runs a Verifik Smart Enroll identity verification inside the page: it loads the project's
 * onboarding flow from the Verifik API (or the sandbox) and guides the person through it.
 *
 * @summary Embeddable Verifik Smart Enroll onboarding.
 *
 * @fires verifik-ready - The project and its flow are loaded. `detail: {projectId, flow: {id, name, version}}`.
 * @fires verifik-error - Something failed. `detail: {code, message, step, recoverable}`; `code` is stable.
 *
 * @csspart panel - The card that holds every screen.
 * @csspart status - The loading indicator.
 * @csspart error - The error screen.
 * @csspart retry - The button that retries after a recoverable error.
 * @csspart logo - The project's logo, when its branding has one.
 * @csspart title - The heading of the current screen.
 *
 * @cssprop [--verifik-color-primary=#1f4fd8] - Buttons, focus and progress.
 * @cssprop [--verifik-color-on-primary=#ffffff] - Text on primary.
 * @cssprop [--verifik-color-text=#1b1f2a] - Body text.
 * @cssprop [--verifik-color-text-muted=#4a5365] - Secondary text.
 * @cssprop [--verifik-color-surface=#ffffff] - Card background.
 * @cssprop [--verifik-color-border=#c9cfdb] - Card and input borders.
 * @cssprop [--verifik-color-danger=#b3261e] - Errors.
 * @cssprop [--verifik-color-focus=#1f4fd8] - Focus ring.
 * @cssprop [--verifik-radius=12px] - Corner radius.
 * @cssprop [--verifik-font-family=system-ui] - Font.
 * @cssprop [--verifik-spacing=16px] - Base spacing unit.
 */
export class VerifikEnroll extends LitElement {
  static override styles = [tokens, styles];

  /** The Verifik project id (24 hex digits). Required. */
  @property() project = '';

  /** The project-flow id to run. Default: the project's first active onboarding flow. */
  @property() flow = '';

  /**
   * The integrator's endpoint that creates the app registration server to server and returns
   * Verifik's `{data: {appRegistration, token}}`. Relative URLs resolve against the page.
   */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint = '';

  /** Base URL of the Verifik API, or of the sandbox. Relative URLs resolve against the page. */
  @property({ attribute: 'api-url' }) apiUrl = DEFAULT_API_URL;

  /** Language (`en`, `es`, `pt`, or a regional tag such as `es-CO`). Default: the page's. */
  @property({ reflect: true }) override lang = '';

  /** Per-key overrides of the displayed strings, e.g. `{readyTitle: 'Open your account'}`. */
  @property({ attribute: false }) strings: TranslationOverrides | undefined;

  /** The `fetch` used for API calls, e.g. to add headers through a proxy. Default: the page's. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  @state() private translation: Translation = en;

  private readonly loadTask = new Task(this, {
    args: () => [this.project, this.flow, this.apiUrl, this.tokenEndpoint, this.fetch] as const,
    task: ([project, flow, apiUrl, tokenEndpoint, fetchImpl], { signal }) =>
      this.load({ project, flow, apiUrl, tokenEndpoint }, fetchImpl, signal),
    onComplete: ({ project, flow }) =>
      emit(this, VERIFIK_READY, {
        projectId: project._id,
        flow: { id: flow._id, name: flow.name, version: flow.version },
      }),
    onError: (error) => {
      if (error instanceof EnrollError) this.reportError(error);
    },
  });

  /** Set while the element is out of the page, so a load it aborted runs again on return. */
  private abortedLoad = false;

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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('strings') || !this.hasUpdated) void this.updateTranslation();
  }

  /** `lang`, else the nearest ancestor's `lang`, else the browser's language. */
  private get language() {
    return matchLanguage(this.lang || this.closest('[lang]')?.getAttribute('lang') || navigator.language);
  }

  private async updateTranslation(): Promise<void> {
    const language = this.language;
    const translation = await loadTranslation(language);
    // A later change of `lang` may have finished first.
    if (this.language === language) this.translation = withOverrides(translation, this.strings);
  }

  private async load(
    attributes: { project: string; flow: string; apiUrl: string; tokenEndpoint: string },
    fetchImpl: typeof fetch | undefined,
    signal: AbortSignal,
  ): Promise<Loaded> {
    const config = readConfig(attributes, document.baseURI);
    const client = new VerifikApiClient({ baseUrl: config.apiUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
    try {
      const project = await client.request<KycProject>('/v2/projects/kyc', {
        query: { id: config.project, type: 'onboarding' },
        signal,
      });
      return { project, flow: selectFlow(project, config.flow) };
    } catch (error) {
      if (signal.aborted) throw error;
      throw toEnrollError(error, 'project_not_found');
    }
  }

  private reportError(error: EnrollError): void {
    emit(this, VERIFIK_ERROR, {
      code: error.code,
      message: this.translation.errors[error.code],
      step: 'setup',
      recoverable: error.recoverable,
    });
  }

  private handleRetry(): void {
    void this.loadTask.run();
  }

  protected override render() {
    return html`<div part="panel" lang=${this.translation.$lang}>
      ${this.loadTask.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (loaded) => this.renderReady(loaded),
        error: (error) => this.renderError(error instanceof EnrollError ? error : toEnrollError(error)),
      })}
    </div>`;
  }

  private renderLoading() {
    return html`<div part="status" role="status">
      <span class="spinner" aria-hidden="true"></span>
      <span>${this.translation.loading}</span>
    </div>`;
  }

  private renderReady({ project, flow }: Loaded) {
    const logo =
      typeof project.branding?.logo === 'string' ? httpUrl(project.branding.logo, document.baseURI) : undefined;
    return html`
      ${logo ? html`<img part="logo" src=${logo.href} alt=${project.name ?? ''} />` : nothing}
      <h2 part="title">${this.translation.readyTitle}</h2>
      ${project.name ? html`<p class="muted">${project.name}</p>` : nothing}
      ${flow.name ? html`<p>${this.translation.readyFlow(flow.name)}</p>` : nothing}
    `;
  }

  private renderError(error: EnrollError) {
    return html`<div part="error" role="alert">
      <h2 part="title">${this.translation.setupErrorTitle}</h2>
      <p>${this.translation.errors[error.code]}</p>
      ${
        error.recoverable
          ? html`<button part="retry" type="button" @click=${this.handleRetry}>${this.translation.retry}</button>`
          : nothing
      }
    </div>`;
  }
}
