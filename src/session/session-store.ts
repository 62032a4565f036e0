import type { MachineState } from '../flow/machine.js';

/**
 * What lets a reload resume mid-flow: the registration, its registrant token, the machine state
 * and what the person typed. Kept in sessionStorage (gone when the tab closes), never in
 * localStorage; never images or one-time codes. Cleared on completion.
 */
export interface SavedSession {
  appRegistrationId: string;
  token: string;
  machine: MachineState;
  /** Sign-up and form fields as typed, by field name. */
  fields: Record<string, string>;
}

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string');

/** Reads and writes one flow's session; every storage failure (private mode, quota) is ignored. */
export class SessionStore {
  private readonly key: string;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
    projectId: string,
    flowId: string,
  ) {
    this.key = `verifik-enroll:${projectId}:${flowId}`;
  }

  /** The saved session, if there is one of the right shape (the machine state is checked by its owner). */
  load(): SavedSession | undefined {
    try {
      const value = JSON.parse(this.storage?.getItem(this.key) ?? 'null') as Partial<SavedSession> | null;
      if (!value || typeof value.appRegistrationId !== 'string' || typeof value.token !== 'string') return undefined;
      return {
        appRegistrationId: value.appRegistrationId,
        token: value.token,
        machine: value.machine as MachineState,
        fields: isRecordOfStrings(value.fields) ? value.fields : {},
      };
    } catch {
      return undefined;
    }
  }

  save(session: SavedSession): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(session));
    } catch {
      // Storage full or disabled: the flow still works, it just cannot resume after a reload.
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // As above.
    }
  }
}
