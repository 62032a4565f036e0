import { en } from './en.js';
import type { Translation } from './translation.js';

/** Languages with a complete translation; others fall back to English. */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'pt'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** The supported language for a BCP 47 tag (`es-CO` → `es`), or `en`. */
export function matchLanguage(tag: string | undefined): SupportedLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LANGUAGES.find((language) => language === primary) ?? 'en';
}

/** English is bundled; Spanish and Portuguese load on first use. */
export async function loadTranslation(language: SupportedLanguage): Promise<Translation> {
  switch (language) {
    case 'es':
      return (await import('./locales/es.js')).es;
    case 'pt':
      return (await import('./locales/pt.js')).pt;
    default:
      return en;
  }
}
