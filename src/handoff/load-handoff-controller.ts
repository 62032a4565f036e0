import { loadOnce } from '../chunks/load-once.js';

/**
 * The handoff controller's class, loading its chunk (with the phone's plan and the handoff
 * screen's loader) on first use: when the page is a phone's, or a flow reaches a camera step a
 * phone may take over, or the step before one prefetches it. A failed load is a recoverable
 * `network_error`, and the next call tries again.
 */
export const loadHandoffController = loadOnce(() =>
  import('./handoff-controller.js').then(({ HandoffController }) => HandoffController),
);
