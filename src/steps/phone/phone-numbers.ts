import { type CountryCode, type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { CALLING_CODES } from './metadata/countries.js';

/**
 * Phone numbers with libphonenumber-js (each country's numbering plan, not a regex). Its metadata
 * is most of the weight, so it is split by world numbering zone (`metadata/`, written by
 * scripts/phone-metadata.mjs): a page loads the zones of the countries in play, not all of them,
 * and this module loads only for flows that ask for a phone (see `load-phone-numbers.ts`).
 */

// One dynamic import per zone (the first digit of a calling code), so each is a chunk of its own.
const ZONES: Record<string, () => Promise<MetadataJson>> = {
  '1': () => import('./metadata/zone-1.js').then((module) => module.zone),
  '2': () => import('./metadata/zone-2.js').then((module) => module.zone),
  '3': () => import('./metadata/zone-3.js').then((module) => module.zone),
  '4': () => import('./metadata/zone-4.js').then((module) => module.zone),
  '5': () => import('./metadata/zone-5.js').then((module) => module.zone),
  '6': () => import('./metadata/zone-6.js').then((module) => module.zone),
  '7': () => import('./metadata/zone-7.js').then((module) => module.zone),
  '8': () => import('./metadata/zone-8.js').then((module) => module.zone),
  '9': () => import('./metadata/zone-9.js').then((module) => module.zone),
};

/** The numbering plans of the zones loaded so far, merged (zones never share a calling code). */
const metadata: MetadataJson = { version: 4, country_calling_codes: {}, countries: {}, nonGeographic: {} };
const zones = new Map<string, Promise<void>>();

function loadZone(digit: string): Promise<void> {
  let loading = zones.get(digit);
  if (!loading) {
    loading = ZONES[digit]!().then(
      (zone) => {
        Object.assign(metadata.country_calling_codes, zone.country_calling_codes);
        Object.assign(metadata.countries, zone.countries);
        Object.assign((metadata.nonGeographic ??= {}), zone.nonGeographic);
      },
      (error: unknown) => {
        // Tried again on the next call (the network may come back).
        zones.delete(digit);
        throw error;
      },
    );
    zones.set(digit, loading);
  }
  return loading;
}

/**
 * Loads the numbering plans that {@link phoneParts} needs for `phone` with `country` selected:
 * the country's zone, and for a number typed with its calling code (`+1 …`, `00 44 …`) that code's.
 */
export async function preparePhone(phone: string, country: string): Promise<void> {
  const digits = [CALLING_CODES[country]?.[0], /^\s*(?:\+|00)\D*([1-9])/.exec(phone)?.[1]];
  await Promise.all(digits.filter((digit): digit is string => digit !== undefined && digit in ZONES).map(loadZone));
}

/**
 * The number in Verifik's parts (`countryCode` "+57", national digits) if valid for `country`
 * (after {@link preparePhone}: a number of a zone not loaded is not valid).
 */
export function phoneParts(
  phone: string,
  country: string,
): { countryCode: string; phone: string; display: string } | undefined {
  try {
    const parsed = parsePhoneNumberFromString(phone, country as CountryCode, metadata);
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
  return Object.hasOwn(CALLING_CODES, country) ? `+${CALLING_CODES[country]}` : undefined;
}

const countryLists = new Map<string, { code: string; name: string }[]>();

/** Every country with a numbering plan, named and sorted in `language` (computed once per language). */
export function countryOptions(language: string): { code: string; name: string }[] {
  let list = countryLists.get(language);
  if (!list) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    list = Object.keys(CALLING_CODES)
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
    countryLists.set(language, list);
  }
  return list;
}
