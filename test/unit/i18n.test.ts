import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { en } from '../../src/i18n/en.js';
import { loadTranslation, matchLanguage, SUPPORTED_LANGUAGES } from '../../src/i18n/load-translation.js';
import { withOverrides } from '../../src/i18n/translation.js';

/** Every key path of a translation, with the type of its value. */
const shape = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, entry]) =>
    typeof entry === 'object' ? shape(entry, `${prefix}${key}.`) : [`${prefix}${key}:${typeof entry}`],
  );

describe('i18n', () => {
  test('matches regional tags to supported languages, anything else to English', () => {
    assert.deepEqual(['es-CO', 'pt_BR', 'PT', 'en-GB', 'fr', '', undefined].map(matchLanguage), [
      'es',
      'pt',
      'pt',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  for (const language of SUPPORTED_LANGUAGES) {
    test(`${language} is complete and its strings are non-empty`, async () => {
      const translation = await loadTranslation(language);
      assert.equal(translation.$lang, language);
      assert.deepEqual(shape(translation), shape(en));
      for (const line of shape(translation)) assert.ok(!line.endsWith(':undefined'));
      assert.ok(Object.values(translation.errors).every((message) => message.length > 20));
    });
  }

  test('Spanish and Portuguese are translated, not copies of English', async () => {
    const [es, pt] = await Promise.all([loadTranslation('es'), loadTranslation('pt')]);
    for (const translation of [es, pt]) {
      assert.notEqual(translation.signUp.title, en.signUp.title);
      assert.notEqual(translation.errors.network_error, en.errors.network_error);
    }
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
