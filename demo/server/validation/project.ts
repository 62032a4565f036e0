import { z } from 'zod';
import { email, httpUrl, text } from './fields.js';

/**
 * Projects (verifik-api.md §8, v2 `POST /v2/projects` with the v3 fields the sandbox also uses:
 * `demoMode`/`demoOTP` for a fixed one-time code, `defaultLanguage`, `target`).
 */
const optionalUrl = () => z.union([httpUrl(), z.literal('')]).optional();

export const projectSchema = z.looseObject({
  name: text(60).min(1, { error: 'must not be empty' }),
  allowedCountries: z.array(text(60)).min(1, { error: 'must list at least one country (or "All")' }),
  contactEmail: email().optional(),
  privacyUrl: optionalUrl(),
  termsAndConditionsUrl: optionalUrl(),
  dataProtection: z
    .looseObject({
      name: text(200).optional(),
      email: email().optional(),
      address: text(200).optional(),
      address2: text(200).optional(),
      city: text(100).optional(),
      country: text(60).optional(),
      postalCode: z
        .string()
        .min(3, { error: 'must be 3 to 12 characters' })
        .max(12, { error: 'must be 3 to 12 characters' })
        .optional(),
    })
    .optional(),
  branding: z
    .looseObject({
      logo: optionalUrl(),
    })
    .optional(),
  defaultLanguage: z.enum(['en', 'es', 'pt']).optional(),
  status: z.enum(['draft', 'active', 'paused']).optional(),
  target: z.enum(['personal', 'business']).optional(),
  demoMode: z.boolean().optional(),
  demoOTP: z
    .string()
    .regex(/^\d{6}$/, { error: 'must be 6 digits' })
    .optional(),
});

export type ProjectInput = z.infer<typeof projectSchema>;
