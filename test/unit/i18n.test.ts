import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { en } from '../../src/i18n/en.js';
import { intlFormat } from '../../src/i18n/intl-format.js';
import { loadTranslation, matchLanguage, SUPPORTED_LANGUAGES } from '../../src/i18n/load-translation.js';
import { type Translation, withOverrides } from '../../src/i18n/translation.js';

/** Every key path of a translation, with the type of its value. */
const shape = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, entry]) =>
    typeof entry === 'object' ? shape(entry, `${prefix}${key}.`) : [`${prefix}${key}:${typeof entry}`],
  );

/** Every string of a translation by key path (functions left out). */
const strings = (value: object, prefix = ''): [string, string][] =>
  Object.entries(value).flatMap(([key, entry]): [string, string][] =>
    typeof entry === 'object'
      ? strings(entry, `${prefix}${key}.`)
      : typeof entry === 'string'
        ? [[`${prefix}${key}`, entry]]
        : [],
  );

/** `{n}`-style placeholders of a string, sorted. */
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

/**
 * Every function-valued string called with sample arguments: each text and the arguments it must
 * show, written as the language writes numbers. Counts are chosen past the forms that languages
 * may spell out in words (Arabic "one attempt", "two attempts").
 */
function calls(t: Translation): { key: string; text: string; shows: string[] }[] {
  const { number, seconds } = intlFormat(t.$lang);
  const name = 'NAME-7Q';
  const destination = 'ana@example.com';
  return [
    { key: 'progress', text: t.progress(3, 7, name), shows: [number(3), number(7), name] },
    { key: 'code.sentTo', text: t.code.sentTo(destination), shows: [destination] },
    { key: 'code.resendIn', text: t.code.resendIn(45), shows: [number(45)] },
    ...[3, 5, 11, 25].flatMap((count) => [
      { key: `code.wrong(${count})`, text: t.code.wrong(count), shows: [number(count)] },
      { key: `document.attemptsLeft(${count})`, text: t.document.attemptsLeft(count), shows: [number(count)] },
      { key: `liveness.attemptsLeft(${count})`, text: t.liveness.attemptsLeft(count), shows: [number(count)] },
    ]),
    // The countdown goes through Intl too (its unit is the language's own).
    { key: 'code.resendIn unit', text: t.code.resendIn(45), shows: t.$lang === 'en' ? [] : [seconds(45)] },
  ];
}

describe('i18n', () => {
  test('twelve languages, each with a loader', () => {
    assert.equal(SUPPORTED_LANGUAGES.length, 12);
    assert.ok(SUPPORTED_LANGUAGES.includes('ar'), 'a right-to-left language');
  });

  test('matches regional tags to their language, anything unsupported to English', () => {
    const cases: [string | undefined, string][] = [
      ['es-CO', 'es'],
      ['pt_BR', 'pt'],
      ['pt-BR', 'pt'],
      ['pt-PT', 'pt'],
      ['PT', 'pt'],
      ['en-GB', 'en'],
      ['fr-CA', 'fr'],
      ['de-AT', 'de'],
      ['ar-EG', 'ar'],
      ['ar', 'ar'],
      ['ja-JP', 'ja'],
      ['ko-KR', 'ko'],
      ['ru-RU', 'ru'],
      ['hi-IN', 'hi'],
      ['id-ID', 'id'],
      // The legacy code of Indonesian.
      ['in', 'id'],
      ['zh', 'zh'],
      ['zh-CN', 'zh'],
      ['zh-Hans-SG', 'zh'],
      ['it', 'en'],
      ['', 'en'],
      ['not a tag!', 'en'],
      [undefined, 'en'],
    ];
    assert.deepEqual(
      cases.map(([tag]) => [tag, matchLanguage(tag)]),
      cases,
    );
  });

  test('Traditional Chinese is not answered with Simplified: the next preference, else English', () => {
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-HK', 'zh-MO', 'zh-Hant-CN']) {
      assert.equal(matchLanguage(tag), 'en', tag);
      assert.equal(matchLanguage([tag, 'ja']), 'ja', `${tag}, then ja`);
    }
  });

  test('a preference list answers its first supported language (pt-BR → pt → en)', () => {
    assert.equal(matchLanguage(['pt-BR', 'en-US']), 'pt');
    assert.equal(matchLanguage(['it-IT', 'pt-BR', 'en']), 'pt');
    assert.equal(matchLanguage(['it-IT', 'nl']), 'en');
    assert.equal(matchLanguage([]), 'en');
  });

  for (const language of SUPPORTED_LANGUAGES) {
    test(`${language} is complete, non-empty and keeps every placeholder and argument`, async () => {
      const translation = await loadTranslation(language);
      assert.equal(translation.$lang, language);
      assert.equal(translation.$dir, language === 'ar' ? 'rtl' : 'ltr');
      assert.deepEqual(shape(translation), shape(en));
      const english = new Map(strings(en));
      for (const [key, text] of strings(translation)) {
        assert.ok(text.trim().length > 0, `${language} ${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english.get(key)!), `${language} ${key} placeholders`);
      }
      for (const { key, text, shows } of calls(translation)) {
        for (const argument of shows)
          assert.ok(text.includes(argument), `${language} ${key}: "${text}" lacks ${argument}`);
      }
      // The one and other forms differ wherever the language inflects (zh, ja, ko and id do not).
      if (new Intl.PluralRules(language).resolvedOptions().pluralCategories.length > 1) {
        const { number } = intlFormat(language);
        const [one, other] = [translation.document.attemptsLeft(1), translation.document.attemptsLeft(5)];
        assert.notEqual(one, other.replace(number(5), number(1)), `${language} has a singular`);
      }
    });
  }

  test('every language but English is translated, not a copy of English', async () => {
    for (const language of SUPPORTED_LANGUAGES.filter((tag) => tag !== 'en')) {
      const translation = await loadTranslation(language);
      const english = new Map(strings(en));
      const copied = strings(translation).filter(
        ([key, text]) => text === english.get(key) && !['$lang', '$dir', 'code.whatsapp'].includes(key),
      );
      // Brand and format names may stay as they are; sentences may not.
      assert.ok(
        copied.every(([, text]) => !text.includes(' ')),
        `${language} copies ${JSON.stringify(copied)}`,
      );
    }
  });

  test('Arabic counts take the Arabic forms and the language’s digits', async () => {
    const ar = await loadTranslation('ar');
    const { number } = intlFormat('ar');
    assert.match(ar.liveness.attemptsLeft(1), /واحدة/);
    assert.match(ar.liveness.attemptsLeft(2), /محاولتان/);
    assert.ok(ar.liveness.attemptsLeft(3).includes(`${number(3)} محاولات`));
    assert.ok(ar.liveness.attemptsLeft(11).includes(`${number(11)} محاولة`));
    assert.ok(ar.progress(2, 5, 'x').includes(number(2)));
  });

  test('Russian counts take the one, few and many forms', async () => {
    const ru = await loadTranslation('ru');
    assert.deepEqual(
      [1, 3, 5, 21, 22, 25].map((count) => ru.liveness.attemptsLeft(count)),
      [
        'Осталась 1 попытка.',
        'Осталось 3 попытки.',
        'Осталось 5 попыток.',
        'Осталась 21 попытка.',
        'Осталось 22 попытки.',
        'Осталось 25 попыток.',
      ],
    );
  });

  test('Spanish says "selfi" everywhere (RAE), never "selfie"', async () => {
    const es = await loadTranslation('es');
    const texts = strings(es).map(([, text]) => text.toLowerCase());
    assert.ok(texts.some((text) => text.includes('selfi')));
    assert.ok(texts.every((text) => !text.includes('selfie')));
  });

  test('overrides replace single keys and single error messages', () => {
    const custom = withOverrides(en, { retry: 'Retry now', errors: { network_error: 'Offline.' } });
    assert.equal(custom.retry, 'Retry now');
    assert.equal(custom.errors.network_error, 'Offline.');
    assert.equal(custom.errors.server_error, en.errors.server_error);
    assert.equal(custom.loading, en.loading);
    const grouped = withOverrides(en, { signUp: { title: 'Open your account' } });
    assert.equal(grouped.signUp.title, 'Open your account');
    assert.equal(grouped.signUp.email, en.signUp.email, 'the rest of the group is kept');
  });
});
