// Records what the test checks: CSP violations and `verifik-error` events, on <body data-*>.
const note = (key, line) => {
  document.body.dataset[key] = `${document.body.dataset[key] ?? ''}${line}\n`;
};
document.addEventListener('securitypolicyviolation', (event) =>
  note('cspViolations', `${event.violatedDirective} ${event.blockedURI}`),
);
document.addEventListener('DOMContentLoaded', () => {
  const query = new URLSearchParams(location.search);
  const element = document.querySelector('verifik-enroll');
  element.addEventListener('verifik-error', (event) => note('errors', `${event.detail.code}: ${event.detail.message}`));
  element.setAttribute('api-url', query.get('api'));
  element.setAttribute('token-endpoint', query.get('tokenEndpoint'));
  element.setAttribute('flow', query.get('flow'));
  element.setAttribute('project', query.get('project'));
});
