/**
 * An integrator's code, type-checked against the built package through its `exports` map (see
 * package.test.ts): every line must compile, and each `@ts-expect-error` must be an error.
 */
import { VERIFIK_COMPLETE, type VerifikCompleteEvent, type VerifikEnroll } from 'verifik-enroll';
import { VerifikEnroll as VerifikEnrollReact } from 'verifik-enroll/react';
import 'verifik-enroll/verifik-enroll.js';

// Plain TypeScript: the tag maps to the class, events to their typed details.
const element: VerifikEnroll = document.createElement('verifik-enroll');
element.tokenEndpoint = '/api/verifik/registration';
element.theme = 'dark';
element.addEventListener(VERIFIK_COMPLETE, (event: VerifikCompleteEvent) => event.detail.token.length);
element.addEventListener('verifik-error', (event) => event.detail.code satisfies string);
// @ts-expect-error a theme the element does not take
element.theme = 'blue';

// React: the wrapper's props and typed event props, and the bare tag.
export const wrapped = (
  <VerifikEnrollReact
    project="65a1d3e0c0ffee0000000001"
    tokenEndpoint="/api/verifik/registration"
    onVerifikComplete={(event) =>
      event.detail.type === 'login' ? event.detail.appLoginId : event.detail.appRegistrationId
    }
    onVerifikStepChange={(event) => event.detail.to}
  />
);
export const bare = <verifik-enroll project="65a1d3e0c0ffee0000000001" token-endpoint="/api/verifik/registration" />;
// @ts-expect-error the wrapper's completion handler gets the typed event
export const wrong = <VerifikEnrollReact onVerifikComplete={(event: { detail: number }) => event.detail} />;
