/**
 * `unshare -n node --import tsx test/helpers/node/read-offline.ts`: reads a generated ID card
 * with the sandbox's document reader in a process that has no network at all, and prints what it
 * read as JSON.
 */
import { OcrEngine } from '../../../demo/server/ocr/ocr-engine.js';
import { readDocument } from '../../../demo/server/ocr/read-document.js';
import { idCardFront } from './face-images.js';

const ocr = await OcrEngine.load();
try {
  const reading = await readDocument(
    ocr,
    { image: await idCardFront('ana') },
    { documentType: 'CC', passport: false },
    new Date(),
  );
  process.stdout.write(JSON.stringify(reading.OCRExtraction));
} finally {
  await ocr.close();
}
