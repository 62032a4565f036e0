import sharp from 'sharp';
import type { NetworkEntry } from '../lib/browser.js';
import { cameraPngDataUrl } from '../lib/camera-png.js';
import { kb } from '../lib/gzip.js';
import { fullJourney } from '../lib/journeys.js';
import type { Measurement, Row } from '../lib/types.js';

const SELFIE_ENDPOINT = '/v2/biometric-validations/app-registration';
const DOCUMENT_ENDPOINT = '/v2/document-validations/app-registration';
const TARGET = { selfie: 150_000, documentSide: 700_000 };

/** The last POST to `path` in the log. */
const lastUpload = (entries: NetworkEntry[], path: string) =>
  entries.filter((entry) => entry.method === 'POST' && new URL(entry.url).pathname === path).at(-1);

/** An image of an upload (a data URL or bare base64), with its size and format. */
async function uploaded(image: unknown) {
  const bytes = Buffer.from(String(image ?? '').replace(/^data:[^,]*,/, ''), 'base64');
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  return { bytes: bytes.length, format: meta?.format, width: meta?.width, height: meta?.height };
}

/**
 * 4. Upload payloads: what the Full flow sends for the ID card (each side) and the selfie in a real
 * run (the request bodies, and the JPEGs inside them), against a naive full-resolution PNG data
 * URL of the same camera frame.
 */
export const payloads: Measurement = {
  id: 'payloads',
  title: 'Upload payloads',
  async run(context) {
    const journey = await fullJourney(context);
    const selfieUpload = lastUpload(journey.all, SELFIE_ENDPOINT);
    const documentUpload = lastUpload(journey.all, DOCUMENT_ENDPOINT);
    if (!selfieUpload || !documentUpload) {
      return { rows: [], data: {}, problems: ['no selfie or no document upload in the network log of the Full flow'] };
    }
    const body = (entry: NetworkEntry) => (entry.requestJson ?? {}) as Record<string, unknown>;
    const selfie = await uploaded(body(selfieUpload)['image']);
    const front = await uploaded(body(documentUpload)['image']);
    const back = await uploaded(body(documentUpload)['backImage']);
    const selfiePng = await cameraPngDataUrl(context, 'user');
    const documentPng = await cameraPngDataUrl(context, 'environment');

    const problems: string[] = [];
    for (const [name, image] of Object.entries({ selfie, front, back })) {
      if (image.format !== 'jpeg') problems.push(`the ${name} upload is not a JPEG (${image.format})`);
    }
    if (!(selfiePng.length > selfie.bytes && documentPng.length > front.bytes)) {
      problems.push('a naive PNG is not larger than the JPEG sent');
    }
    const size = (image: { width?: number; height?: number }) => `${image.width}×${image.height}`;
    const rows: Row[] = [
      {
        metric: `selfie JPEG (${size(selfie)})`,
        value: `${kb(selfie.bytes)} KB`,
        target: '≤ 150 KB',
        met: selfie.bytes <= TARGET.selfie,
      },
      {
        metric: `selfie request (base64 JSON) vs naive PNG data URL (${size(selfiePng)})`,
        value: `${kb(selfieUpload.requestBytes)} vs ${kb(selfiePng.length)} KB`,
      },
      ...(
        [
          ['front', front],
          ['back', back],
        ] as const
      ).map(([side, image]) => ({
        metric: `ID card ${side} JPEG (${size(image)})`,
        value: `${kb(image.bytes)} KB`,
        target: '≤ 700 KB per side',
        met: image.bytes <= TARGET.documentSide,
      })),
      {
        metric: `ID card request, both sides (base64 JSON) vs 2 naive PNG data URLs (${size(documentPng)})`,
        value: `${kb(documentUpload.requestBytes)} vs ${kb(2 * documentPng.length)} KB`,
      },
    ];
    return {
      rows,
      data: {
        selfie: { ...selfie, requestBytes: selfieUpload.requestBytes, naivePngDataUrl: selfiePng },
        document: {
          front,
          back,
          requestBytes: documentUpload.requestBytes,
          naivePngDataUrlPerSide: documentPng,
          picture: 'an ID card on a table, 1280×720, filmed by the page’s rear camera (a canvas stream)',
        },
      },
      problems,
    };
  },
};
