import type * as phoneNumbers from './phone-numbers.js';

/** The phone-number helpers, loaded on first use (a separate chunk in the ES module build). */
export type PhoneNumbers = typeof phoneNumbers;

let loading: Promise<PhoneNumbers> | undefined;

export function loadPhoneNumbers(): Promise<PhoneNumbers> {
  loading ??= import('./phone-numbers.js');
  return loading;
}
