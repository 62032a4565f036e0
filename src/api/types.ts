/**
 * Shapes of what the Verifik API answers, as far as the widget reads them. Every field is
 * optional on purpose: responses are untrusted input and are checked where they are used.
 */

/** A project flow as stored by Verifik: one of the documented shapes, read by `flow/`. */
export interface ProjectFlow {
  _id: string;
  type?: string;
  status?: string;
  name?: string;
  version?: number;
  redirectUrl?: string;
  [key: string]: unknown;
}

/** `GET /v2/projects/kyc` → the project with its active flows of one type. */
export interface KycProject {
  _id: string;
  name?: string;
  branding?: { logo?: string; [key: string]: unknown };
  privacyUrl?: string;
  termsAndConditionsUrl?: string;
  projectFlows?: ProjectFlow[];
  [key: string]: unknown;
}
