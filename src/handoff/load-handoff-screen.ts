import { loadOnce } from '../chunks/load-once.js';

/**
 * Defines `<verifik-handoff-screen>`, loading its chunk (with the QR encoder) the first time a
 * person continues on a phone: most runs never do. A failed load is a recoverable
 * `network_error`, and the next call tries again.
 */
export const loadHandoffScreen = loadOnce(() =>
  import('./handoff-screen.js').then(({ VerifikHandoffScreen }) => {
    // On a server without a custom-element registry (SSR, edge runtimes) there is nothing to define.
    if (typeof customElements !== 'undefined' && !customElements.get('verifik-handoff-screen'))
      customElements.define('verifik-handoff-screen', VerifikHandoffScreen);
  }),
);
