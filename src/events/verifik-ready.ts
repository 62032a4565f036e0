/** Name of the event fired once the project and its flow are loaded. */
export const VERIFIK_READY = 'verifik-ready';

export interface VerifikReadyDetail {
  /** The project id. */
  projectId: string;
  /** The flow the widget will run. */
  flow: {
    id: string;
    name: string | undefined;
    version: number | undefined;
  };
}

export type VerifikReadyEvent = CustomEvent<VerifikReadyDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    [VERIFIK_READY]: VerifikReadyEvent;
  }
}
