import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { en } from '../i18n/en.js';
import type { Translation } from '../i18n/translation.js';

/** The context key of the strings in the widget's language, provided by the root element. */
export const translationContext = createContext<Translation>(Symbol.for('verifik-enroll/translation'));

/**
 * Gives an element the strings of the widget's language (English until the root provides one)
 * and re-renders it when the language changes.
 */
export class LocalizeController {
  /** The strings to render with. */
  t: Translation = en;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    new ContextConsumer(host, {
      context: translationContext,
      subscribe: true,
      callback: (translation) => {
        this.t = translation;
        host.requestUpdate();
      },
    });
  }
}
