/**
 * Numbers, durations and plural forms through `Intl`, so that each language writes its own digits
 * and grouping (Arabic-Indic digits where Arabic uses them) and picks its own plural form (Russian
 * and Arabic have more than two).
 */

/** The plural forms of one phrase, by CLDR category; `#` stands for the formatted count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Formatting helpers bound to one language. */
export interface IntlFormat {
  /** `value` with the language's digits and grouping. */
  number: (value: number) => string;
  /** A duration in seconds, abbreviated as the language does ("30 s", "30秒"). */
  seconds: (value: number) => string;
  /** The form of `forms` that the language uses for `count`. */
  plural: (count: number, forms: PluralForms) => string;
}

/** The formatting helpers of `lang` (a BCP 47 tag). */
export function intlFormat(lang: string): IntlFormat {
  const numbers = new Intl.NumberFormat(lang);
  const seconds = new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'short' });
  const rules = new Intl.PluralRules(lang);
  return {
    number: (value) => numbers.format(value),
    seconds: (value) => seconds.format(value),
    plural: (count, forms) => (forms[rules.select(count)] ?? forms.other).replaceAll('#', numbers.format(count)),
  };
}
