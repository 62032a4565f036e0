import type { AppLoginRecord, FlowRecord } from '../records.js';

/**
 * The hook point for login notifications (webhooks): listeners are called with every AppLogin
 * once it is stored. A listener's failure is its own: it never undoes or fails the login.
 */

export interface AppLoginEvent {
  appLogin: AppLoginRecord;
  /** The login flow (its `webhookUrl`, `webhook`). */
  flow: FlowRecord;
}

export type AppLoginListener = (event: AppLoginEvent) => void;

const listeners = new Set<AppLoginListener>();

/** Calls `listener` after each AppLogin is stored; returns the function that stops it. */
export function onAppLogin(listener: AppLoginListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener about a stored AppLogin. */
export function announceAppLogin(event: AppLoginEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      console.error('an AppLogin listener failed', error);
    }
  }
}
