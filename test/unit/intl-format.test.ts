import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { englishFormat, intlFormat, type PluralForms } from '../../src/i18n/intl-format.js';

describe('englishFormat', () => {
  const forms: PluralForms = {
    one: '# try',
    other: '# tries',
    zero: 'none',
    two: 'a pair',
    few: 'a few',
    many: 'lots',
  };
  const values = [
    ...Array.from({ length: 1200 }, (_, index) => index),
    -1,
    -25,
    0.5,
    1.5,
    12345,
    1_000_000,
    Number.NaN,
  ];

  it('writes every number as Intl does for English', () => {
    const english = englishFormat();
    const intl = intlFormat('en');
    for (const value of values) assert.equal(english.number(value), intl.number(value), String(value));
  });

  it('picks the plural form Intl picks for English, with the same count', () => {
    const english = englishFormat();
    const intl = intlFormat('en');
    for (const value of values) assert.equal(english.plural(value, forms), intl.plural(value, forms), String(value));
  });

  it('abbreviates seconds as Intl does', () => {
    assert.equal(englishFormat().seconds(30), intlFormat('en').seconds(30));
  });
});
