/**
 * `node --import tsx test/helpers/node/print-face-image.ts <card|selfie> <person>` prints a test
 * image (see face-images.ts) as base64 JPEG, for browser tests (`face-image` server command).
 * `card none` is a card without a portrait.
 */
import { idCardFront, PEOPLE, type Person, selfie } from './face-images.js';

const [kind, person] = process.argv.slice(2) as [string, Person | 'none'];
const portraitless = kind === 'card' && person === 'none';
if (!portraitless && (!Object.hasOwn(PEOPLE, person) || (kind !== 'card' && kind !== 'selfie'))) {
  throw new Error(`usage: print-face-image.ts <card|selfie> <${Object.keys(PEOPLE).join('|')}>, or card none`);
}
const image =
  kind === 'card' ? await idCardFront(portraitless ? null : (person as Person)) : await selfie(person as Person);
process.stdout.write(image.toString('base64'));
