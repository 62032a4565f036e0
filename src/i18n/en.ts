import type { Translation } from './translation.js';

/** English, the complete reference translation. */
export const en: Translation = {
  $lang: 'en',
  loading: 'Loading the verification…',
  setupErrorTitle: 'The verification can’t start',
  retry: 'Try again',
  readyTitle: 'Verify your identity',
  readyFlow: (flowName) => `You are about to start: ${flowName}.`,
  errors: {
    missing_project:
      'This page is not set up correctly: the verification has no project (the project attribute is missing).',
    invalid_project: 'This page is not set up correctly: the project id is not a valid Verifik project id.',
    invalid_api_url: 'This page is not set up correctly: api-url must be an http(s) address.',
    invalid_token_endpoint: 'This page is not set up correctly: token-endpoint must be an http(s) address.',
    project_not_found: 'This verification project does not exist. Please contact the site you came from.',
    flow_not_found: 'This verification flow does not exist or is not active. Please contact the site you came from.',
    no_active_flow: 'This project has no active verification flow yet. Please contact the site you came from.',
    network_error: 'We couldn’t reach the verification service. Check your connection and try again.',
    server_error: 'The verification service is having trouble. Please try again in a moment.',
    invalid_response: 'The verification service sent an answer we couldn’t read. Please try again later.',
    api_error: 'The verification service refused the request. Please try again later.',
  },
};
