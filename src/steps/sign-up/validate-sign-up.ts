import type { SignUpFormSettings } from '../../flow/flow.types.js';
import type { PhoneNumbers } from '../phone/load-phone-numbers.js';

/** Why a sign-up field is refused; the step turns these into translated messages. */
export type FieldProblem = 'required' | 'invalidEmail' | 'invalidPhone' | 'mustAccept';

/** The sign-up values as the form holds them, by field name. */
export type SignUpValues = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The fields a flow's sign-up shows, in order. */
export function signUpFields(form: SignUpFormSettings, terms: boolean, privacy: boolean): string[] {
  const names =
    form.nameStyle === 'separate' ? ['firstName', 'lastName'] : form.nameStyle === 'together' ? ['fullName'] : [];
  return [
    ...names,
    ...(form.email ? ['email'] : []),
    ...(form.phone ? ['phone'] : []),
    ...form.extraFields.map((field) => `extra.${field.name}`),
    ...(terms ? ['acceptTerms'] : []),
    ...(privacy ? ['acceptPrivacy'] : []),
  ];
}

/** Every refused field with its problem; empty when the form can be sent. */
export function validateSignUp(
  values: SignUpValues,
  fields: string[],
  form: SignUpFormSettings,
  phones: Pick<PhoneNumbers, 'phoneParts'>,
): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  for (const field of fields) {
    const value = (values[field] ?? '').trim();
    const extra = field.startsWith('extra.')
      ? form.extraFields.find((entry) => `extra.${entry.name}` === field)
      : undefined;
    if (field === 'acceptTerms' || field === 'acceptPrivacy') {
      if (value !== 'true') problems.set(field, 'mustAccept');
    } else if (!value) {
      if (!extra || extra.required) problems.set(field, 'required');
    } else if (field === 'email' && !EMAIL.test(value)) {
      problems.set(field, 'invalidEmail');
    } else if (field === 'phone' && !phones.phoneParts(value, values['country'] ?? '')) {
      problems.set(field, 'invalidPhone');
    }
  }
  return problems;
}
