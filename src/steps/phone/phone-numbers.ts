import { type CountryCode, getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Phone numbers with libphonenumber-js (each country's numbering plan, not a regex). Its metadata
 * is most of the widget's weight, so this module loads only for flows that ask for a phone
 * (see `load-phone-numbers.ts`).
 */

/** The number in Verifik's parts (`countryCode` "+57", national digits) if valid for `country`. */
export function phoneParts(
  phone: string,
  country: string,
): { countryCode: string; phone: string; display: string } | undefined {
  try {
    const parsed = parsePhoneNumberFromString(phone, country as CountryCode);
    if (!parsed?.isValid()) return undefined;
    return {
      countryCode: `+${parsed.countryCallingCode}`,
      phone: parsed.nationalNumber,
      // No-break spaces and hyphens: "+1" and its digits never wrap apart.
      display: parsed.formatInternational().replaceAll(' ', '\u00a0').replaceAll('-', '\u2011'),
    };
  } catch {
    return undefined;
  }
}

/** `+57` for `CO`, or undefined for an unknown country. */
export function callingCode(country: string): string | undefined {
  try {
    return `+${getCountryCallingCode(country as CountryCode)}`;
  } catch {
    return undefined;
  }
}

const countryLists = new Map<string, { code: string; name: string }[]>();

/** Every country with a numbering plan, named and sorted in `language` (computed once per language). */
export function countryOptions(language: string): { code: string; name: string }[] {
  let list = countryLists.get(language);
  if (!list) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    list = getCountries()
      .map((code) => ({ code: code as string, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
    countryLists.set(language, list);
  }
  return list;
}
