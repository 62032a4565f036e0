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

/**
 * The formatting helpers of `lang` (a BCP 47 tag). Each `Intl` object is made on first use, not as
 * the widget's code loads: making one loads its locale data (tens of milliseconds on a slow
 * phone), and a first screen needs the number format at most.
 */
export function intlFormat(lang: string): IntlFormat {
  let numbers: Intl.NumberFormat | undefined;
  let seconds: Intl.NumberFormat | undefined;
  let rules: Intl.PluralRules | undefined;
  const number = (value: number) => (numbers ??= new Intl.NumberFormat(lang)).format(value);
  return {
    number,
    seconds: (value) =>
      (seconds ??= new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'short' })).format(value),
    plural: (count, forms) =>
      (forms[(rules ??= new Intl.PluralRules(lang)).select(count)] ?? forms.other).replaceAll('#', number(count)),
  };
}
