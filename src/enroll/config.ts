import { httpUrl } from '../api/http-url.js';
import { EnrollError } from '../errors/enroll-error.js';

/** Verifik's production API. */
export const DEFAULT_API_URL = 'https://api.verifik.co';

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** The element's attributes, checked: what the widget needs before it can call anything. */
export interface EnrollConfig {
  project: string;
  flow: string | undefined;
  apiUrl: string;
  tokenEndpoint: string | undefined;
  /** Folder of the face-guide assets, ending in `/`. */
  assetsUrl: string;
  /** The integrator's own id for the person, sent with the sign-up. */
  reference: string | undefined;
}

/** What Verifik's sandbox keeps as a reference: 1 to 128 characters, no control characters. */
const REFERENCE = /^[^\p{Cc}]{1,128}$/u;

/** `assets-url` as an absolute folder URL (ending in `/`); an {@link EnrollError} unless http(s). */
export function resolveAssetsUrl(value: string, base: string): string {
  const url = httpUrl(value.trim(), base);
  if (!url) throw new EnrollError('invalid_assets_url', `assets-url "${value}" is not an http(s) URL`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Checks the attributes, throwing the {@link EnrollError} that names the first problem. */
export function readConfig(
  attributes: {
    project: string;
    flow: string;
    apiUrl: string;
    tokenEndpoint: string;
    assetsUrl: string;
    reference?: string;
  },
  base: string,
): EnrollConfig {
  const project = attributes.project.trim();
  if (!project) throw new EnrollError('missing_project', 'the project attribute is required');
  if (!OBJECT_ID.test(project))
    throw new EnrollError('invalid_project', `project "${project}" is not a 24-hex-digit id`);
  const apiUrl = httpUrl(attributes.apiUrl.trim() || DEFAULT_API_URL, base);
  if (!apiUrl) throw new EnrollError('invalid_api_url', `api-url "${attributes.apiUrl}" is not an http(s) URL`);
  const tokenEndpointText = attributes.tokenEndpoint.trim();
  const tokenEndpoint = tokenEndpointText ? httpUrl(tokenEndpointText, base) : undefined;
  if (tokenEndpointText && !tokenEndpoint) {
    throw new EnrollError('invalid_token_endpoint', `token-endpoint "${tokenEndpointText}" is not an http(s) URL`);
  }
  const reference = attributes.reference?.trim() || undefined;
  if (reference !== undefined && !REFERENCE.test(reference)) {
    throw new EnrollError('invalid_reference', 'reference must be 1 to 128 characters without control characters');
  }
  return {
    project,
    reference,
    flow: attributes.flow.trim() || undefined,
    apiUrl: apiUrl.href,
    tokenEndpoint: tokenEndpoint?.href,
    assetsUrl: resolveAssetsUrl(attributes.assetsUrl, base),
  };
}
