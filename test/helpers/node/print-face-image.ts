/**
 * `node --import tsx test/helpers/node/print-face-image.ts <card|selfie> <person> [number]` prints
 * a test image (see face-images.ts) as base64 JPEG, for browser tests (`face-image` server
 * command). `card none` is a card without a portrait; `number` replaces the card's document number.
 */
import { DEFAULT_HOLDER, idCardFront, PEOPLE, type Person, selfie } from './face-images.js';

const [kind, person, documentNumber] = process.argv.slice(2) as [string, Person | 'none', string | undefined];
const holder = documentNumber ? { ...DEFAULT_HOLDER, documentNumber } : DEFAULT_HOLDER;
const portraitless = kind === 'card' && person === 'none';
if (!portraitless && (!Object.hasOwn(PEOPLE, person) || (kind !== 'card' && kind !== 'selfie'))) {
  throw new Error(`usage: print-face-image.ts <card|selfie> <${Object.keys(PEOPLE).join('|')}>, or card none`);
}
const image =
  kind === 'card'
    ? await idCardFront(portraitless ? null : (person as Person), holder)
    : await selfie(person as Person);
process.stdout.write(image.toString('base64'));
