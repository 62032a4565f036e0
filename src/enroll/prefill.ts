/**
 * What the integrator already knows about the person, shown in the sign-up for them to check and
 * edit. Every value is validated like typed input: a bad one shows its field's error and is never
 * sent as it is.
 */
export interface VerifikPrefill {
  /** Given names (flows that ask for separate names). */
  firstName?: string;
  /** Family names (flows that ask for separate names). */
  lastName?: string;
  /** Full name (flows that ask for one name field). */
  fullName?: string;
  email?: string;
  /** The phone number, national (`3001234567`, with `country`) or international (`+57 300 123 4567`). */
  phone?: string;
  /** The phone's country, ISO 3166-1 alpha-2 (`CO`); default: the flow's or the browser's. */
  country?: string;
}

const TEXT_FIELDS = ['firstName', 'lastName', 'fullName', 'email', 'phone'] as const;

/** Longer prefilled values are cut: they come from a page, not from the person. */
const MAX_LENGTH = 200;

/**
 * The sign-up form's values from `prefill`, an untrusted value from the page: only known fields
 * with string values, trimmed and bounded; a country only as two letters.
 */
export function prefillFields(prefill: unknown): Record<string, string> {
  if (typeof prefill !== 'object' || prefill === null) return {};
  const given = prefill as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const name of TEXT_FIELDS) {
    const value = given[name];
    if (typeof value === 'string' && value.trim()) fields[name] = value.trim().slice(0, MAX_LENGTH);
  }
  const country = typeof given['country'] === 'string' ? given['country'].trim().toUpperCase() : '';
  if (/^[A-Z]{2}$/.test(country)) fields['country'] = country;
  return fields;
}
