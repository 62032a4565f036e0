import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { SignUpFormSettings } from '../../src/flow/flow.types.js';
import { CALLING_CODES } from '../../src/steps/phone/metadata/countries.js';
import * as phones from '../../src/steps/phone/phone-numbers.js';
import { signUpFields, validateSignUp } from '../../src/steps/sign-up/validate-sign-up.js';

const { callingCode, phoneParts, preparePhone } = phones;

const form: SignUpFormSettings = {
  nameStyle: 'separate',
  email: true,
  emailGateway: 'mailgun',
  phone: true,
  phoneGateway: 'both',
  defaultCountry: undefined,
  showTermsAndConditions: true,
  showPrivacyNotice: false,
  extraFields: [
    { name: 'company', label: 'Company', type: 'text', required: true },
    { name: 'role', label: 'Role', type: 'text', required: false },
  ],
};

describe('sign-up validation', () => {
  const fields = signUpFields(form, true, false);

  test('lists the fields the flow enables, in order', () => {
    assert.deepEqual(fields, ['firstName', 'lastName', 'email', 'phone', 'extra.company', 'extra.role', 'acceptTerms']);
    assert.deepEqual(signUpFields({ ...form, nameStyle: 'together', phone: false, extraFields: [] }, false, true), [
      'fullName',
      'email',
      'acceptPrivacy',
    ]);
  });

  test('a complete, valid form has no problems', () => {
    const values = {
      firstName: 'Ana',
      lastName: 'García',
      email: 'ana@example.com',
      country: 'CO',
      phone: '300 123 4567',
      'extra.company': 'ACME',
      acceptTerms: 'true',
    };
    assert.deepEqual([...validateSignUp(values, fields, form, phones)], []);
  });

  test('names each problem', () => {
    const problems = validateSignUp(
      { firstName: ' ', email: 'ana@', country: 'CO', phone: '12345' },
      fields,
      form,
      phones,
    );
    assert.deepEqual(Object.fromEntries(problems), {
      firstName: 'required',
      lastName: 'required',
      email: 'invalidEmail',
      phone: 'invalidPhone',
      'extra.company': 'required',
      acceptTerms: 'mustAccept',
    });
  });

  // The numbering plans of the countries below (Colombia, Portugal, the US, Brazil, Mexico).
  before(() => Promise.all(['CO', 'PT', 'US', 'BR', 'MX'].map((country) => preparePhone('', country))));

  test('phone numbers are checked for the chosen country with libphonenumber', () => {
    assert.deepEqual(phoneParts('300 123 4567', 'CO'), {
      countryCode: '+57',
      phone: '3001234567',
      display: '+57\u00a0300\u00a01234567',
    });
    assert.doesNotMatch(phoneParts('+1 201-555-0123', 'US')!.display, /[ -]/, 'no ordinary space or hyphen to wrap at');
    assert.equal(phoneParts('(11) 91234-5678', 'BR')?.phone, '11912345678');
    assert.equal(phoneParts('+52 55 1234 5678', 'CO')?.countryCode, '+52', 'an international number wins');
    assert.equal(phoneParts('300 123 4567', 'PT'), undefined, 'too long for Portugal');
    assert.equal(phoneParts('300 123 4567', 'XX'), undefined);
    assert.equal(callingCode('PT'), '+351');
    assert.equal(callingCode('XX'), undefined);
  });
});

describe('phone numbering plans, loaded by zone', () => {
  test('a number is valid only once the plan of its zone is loaded: the country’s, or its typed calling code’s', async () => {
    // Zone 8 (East Asia) and zone 2 (Africa) are loaded by nothing else in this file.
    assert.equal(phoneParts('010-1234-5678', 'KR'), undefined, 'Korea’s plan not loaded yet');
    await preparePhone('', 'KR');
    assert.equal(phoneParts('010-1234-5678', 'KR')?.countryCode, '+82');
    assert.equal(phoneParts('+27 82 123 4567', 'KR'), undefined, 'South Africa’s plan not loaded yet');
    await preparePhone('+27 82 123 4567', 'KR');
    assert.equal(phoneParts('+27 82 123 4567', 'KR')?.countryCode, '+27');
    await preparePhone('00 33 6 12 34 56 78', 'KR');
    assert.equal(phoneParts('+33 6 12 34 56 78', 'KR')?.countryCode, '+33', '00 is read as +');
  });

  test('the zones together give every country the answer of the whole metadata, on each one’s example mobile number', async () => {
    const examples = createRequire(import.meta.url)('libphonenumber-js/examples.mobile.json') as Record<string, string>;
    const countries = Object.keys(CALLING_CODES);
    assert.ok(countries.length > 240, `${countries.length} countries`);
    for (const country of countries) {
      const example = examples[country];
      if (!example) continue;
      await preparePhone('', country);
      const whole = parsePhoneNumberFromString(example, country as never);
      assert.equal(phoneParts(example, country)?.phone, whole?.isValid() ? whole.nationalNumber : undefined, country);
      assert.equal(callingCode(country), `+${whole!.countryCallingCode}`, country);
    }
  });
});
