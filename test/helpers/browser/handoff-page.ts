import '../../../src/verifik-enroll.js';

/**
 * An integrator's page as the handoff tests' phone opens it: the element configured from the
 * address (`project`, `flow`, `api`, `tokenEndpoint`), as the integrator would write it; the
 * widget itself reads the `verifik-handoff` token of the same address.
 */
const query = new URLSearchParams(window.location.search);
const element = document.createElement('verifik-enroll');
element.setAttribute('project', query.get('project') ?? '');
element.setAttribute('flow', query.get('flow') ?? '');
element.setAttribute('api-url', query.get('api') ?? '');
element.setAttribute('token-endpoint', query.get('tokenEndpoint') ?? '');
element.setAttribute('lang', 'en');
document.querySelector('main')!.append(element);
