import 'verifik-enroll/verifik-enroll.js';
import { VERIFIK_ERROR } from 'verifik-enroll';

// The test passes the sandbox's address and the project in the query string.
const query = new URLSearchParams(location.search);
const element = document.createElement('verifik-enroll');
for (const [attribute, key] of [
  ['project', 'project'],
  ['flow', 'flow'],
  ['api-url', 'api'],
  ['token-endpoint', 'tokenEndpoint'],
]) {
  element.setAttribute(attribute, query.get(key) ?? '');
}
element.setAttribute('persist', 'none');
element.addEventListener(VERIFIK_ERROR, (event) => {
  document.body.dataset.errors = `${document.body.dataset.errors ?? ''}${event.detail.code}: ${event.detail.message}\n`;
});
document.body.append(element);
