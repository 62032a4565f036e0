import type * as phoneNumbers from './phone-numbers.js';

/** The phone-number helpers, loaded on first use (a separate chunk in the ES module builds). */
export type PhoneNumbers = typeof phoneNumbers;

let loading: Promise<PhoneNumbers> | undefined;

/**
 * The phone-number helpers, with the numbering plans that `phone` typed with `country` selected
 * needs (see `preparePhone`): call it again when either changes, before validating.
 */
export async function loadPhoneNumbers(phone = '', country = ''): Promise<PhoneNumbers> {
  loading ??= import('./phone-numbers.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  const phones = await loading;
  await phones.preparePhone(phone, country);
  return phones;
}
