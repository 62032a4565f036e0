import { en } from './en.js';
import type { Translation } from './translation.js';

/**
 * Languages with a complete translation, in no particular order: English, the Spanish and
 * Portuguese of Verifik's Latin American markets, and the languages of the largest web audiences
 * (French, German, Arabic, Simplified Chinese, Japanese, Russian, Indonesian, Hindi, Korean).
 */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'ar', 'zh', 'ja', 'ru', 'id', 'hi', 'ko'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const isSupported = (language: string): language is SupportedLanguage =>
  (SUPPORTED_LANGUAGES as readonly string[]).includes(language);

/** The supported language of one BCP 47 tag (`pt-BR` → `pt`, `in` → `id`), if any. */
function supportedLanguageOf(tag: string): SupportedLanguage | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim().replaceAll('_', '-'));
  } catch {
    return undefined;
  }
  // The Chinese translation is in Simplified characters: a reader who asked for Traditional
  // (zh-Hant, zh-TW, zh-HK, zh-MO) gets their next preference rather than another script.
  if (locale.language === 'zh' && locale.maximize().script === 'Hant') return undefined;
  return isSupported(locale.language) ? locale.language : undefined;
}

/**
 * The first supported language of `tags` (one BCP 47 tag, or a preference list such as
 * `navigator.languages`): a regional or script variant falls back to its language
 * (`pt-BR` → `pt`, `es-CO` → `es`), and anything unsupported to the next tag, then English.
 */
export function matchLanguage(tags: string | readonly string[] | undefined): SupportedLanguage {
  const list = typeof tags === 'string' ? [tags] : (tags ?? []);
  for (const tag of list) {
    const language = supportedLanguageOf(tag);
    if (language) return language;
  }
  return 'en';
}

// One dynamic import per language, so that a page loads only the translation it shows.
const LOADERS: Record<Exclude<SupportedLanguage, 'en'>, () => Promise<Translation>> = {
  es: () => import('./locales/es.js').then((module) => module.es),
  pt: () => import('./locales/pt.js').then((module) => module.pt),
  fr: () => import('./locales/fr.js').then((module) => module.fr),
  de: () => import('./locales/de.js').then((module) => module.de),
  ar: () => import('./locales/ar.js').then((module) => module.ar),
  zh: () => import('./locales/zh.js').then((module) => module.zh),
  ja: () => import('./locales/ja.js').then((module) => module.ja),
  ru: () => import('./locales/ru.js').then((module) => module.ru),
  id: () => import('./locales/id.js').then((module) => module.id),
  hi: () => import('./locales/hi.js').then((module) => module.hi),
  ko: () => import('./locales/ko.js').then((module) => module.ko),
};

/** English is bundled; every other language loads on first use. */
export function loadTranslation(language: SupportedLanguage): Promise<Translation> {
  return language === 'en' ? Promise.resolve(en) : LOADERS[language]();
}
