import { sendKeys } from '@web/test-runner-commands';

/**
 * Pastes `text` into `target` as a person does: the text on the clipboard, then Ctrl+V in the
 * focused field. (A synthetic `ClipboardEvent` carries its data in Chromium only: Firefox gives
 * a constructed event an empty clipboard.)
 */
export async function paste(target: HTMLElement, text: string): Promise<void> {
  target.focus();
  await navigator.clipboard.writeText(text);
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'v' });
  await sendKeys({ up: 'Control' });
}
