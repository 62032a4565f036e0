/**
 * React bindings: `<VerifikEnroll>` (a `@lit/react` wrapper with typed `onVerifik…` event props)
 * and JSX typings for the bare `<verifik-enroll>` tag. Importing this module defines the elements.
 *
 * ```tsx
 * import { VerifikEnroll } from 'verifik-enroll/react';
 * <VerifikEnroll project="…" tokenEndpoint="/api/verifik/registration" onVerifikComplete={(e) => send(e.detail.token)} />
 * ```
 */
import { createComponent, type EventName, type WebComponentProps } from '@lit/react';
import * as React from 'react';
import { VerifikEnroll as VerifikEnrollElement } from '../enroll/verifik-enroll.js';
import { VERIFIK_CANCEL, type VerifikCancelEvent } from '../events/verifik-cancel.js';
import { VERIFIK_COMPLETE, type VerifikCompleteEvent } from '../events/verifik-complete.js';
import { VERIFIK_ERROR, type VerifikErrorEvent } from '../events/verifik-error.js';
import { VERIFIK_READY, type VerifikReadyEvent } from '../events/verifik-ready.js';
import { VERIFIK_STEP_CHANGE, type VerifikStepChangeEvent } from '../events/verifik-step-change.js';
import { VERIFIK_STEP_COMPLETE, type VerifikStepCompleteEvent } from '../events/verifik-step-complete.js';
import '../verifik-enroll.js';

/** React prop → the DOM event it listens to. */
const events = {
  onVerifikReady: VERIFIK_READY as EventName<VerifikReadyEvent>,
  onVerifikStepChange: VERIFIK_STEP_CHANGE as EventName<VerifikStepChangeEvent>,
  onVerifikStepComplete: VERIFIK_STEP_COMPLETE as EventName<VerifikStepCompleteEvent>,
  onVerifikComplete: VERIFIK_COMPLETE as EventName<VerifikCompleteEvent>,
  onVerifikCancel: VERIFIK_CANCEL as EventName<VerifikCancelEvent>,
  onVerifikError: VERIFIK_ERROR as EventName<VerifikErrorEvent>,
};

/**
 * `<verifik-enroll>` as a React component. Props are the element's properties (camelCase:
 * `tokenEndpoint`, `apiUrl`, `assetsUrl`, `strings`, `fetch`…) plus `onVerifikReady`,
 * `onVerifikStepChange`, `onVerifikStepComplete`, `onVerifikComplete`, `onVerifikCancel` and
 * `onVerifikError`, each called with the typed event.
 */
export const VerifikEnroll = createComponent({
  react: React,
  tagName: 'verifik-enroll',
  elementClass: VerifikEnrollElement,
  events,
  displayName: 'VerifikEnroll',
});

/** The element's attributes, as written on the bare tag in JSX (`<verifik-enroll token-endpoint=…>`). */
export interface VerifikEnrollAttributes {
  project?: string;
  flow?: string;
  mode?: 'enroll' | 'login';
  'token-endpoint'?: string;
  'api-url'?: string;
  'assets-url'?: string;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  challenge?: 'none' | 'turn';
  persist?: 'session' | 'none';
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** The bare custom element; React 19 sets known properties and passes the rest as attributes. */
      'verifik-enroll': WebComponentProps<VerifikEnrollElement> & VerifikEnrollAttributes;
    }
  }
}
