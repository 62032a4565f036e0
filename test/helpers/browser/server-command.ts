import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Runs a server command that may take longer than the test runner's fixed budget for one command
 * (see `test/helpers/wtr-long-command.mjs`): asks until the answer is no longer `{pending: true}`.
 * Each answer takes up to one slice, so this waits on the work, not on a clock.
 */
export async function longServerCommand<T>(command: string, payload?: unknown): Promise<T> {
  for (;;) {
    const answer = (await executeServerCommand(command, payload)) as T | { pending: true };
    if (!(answer && typeof answer === 'object' && 'pending' in answer && answer.pending === true)) return answer as T;
  }
}
