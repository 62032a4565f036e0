import sharp from 'sharp';
import { cameraPngDataUrl } from '../lib/camera-png.js';
import { kb } from '../lib/gzip.js';
import { selfieJourney } from '../lib/journeys.js';
import type { Measurement, Row } from '../lib/types.js';

const SELFIE_ENDPOINT = '/v2/biometric-validations/app-registration';
const TARGET = { selfie: 150_000 };

/** The image bytes inside an upload's `image` field (a data URL or bare base64). */
const imageBytes = (image: unknown): Buffer => Buffer.from(String(image ?? '').replace(/^data:[^,]*,/, ''), 'base64');

/**
 * 4. Upload payloads: what the selfie step sends (the request body, and the JPEG inside it)
 * in a real run on the fake camera, against a naive full-resolution PNG data URL of the same frame.
 */
export const payloads: Measurement = {
  id: 'payloads',
  title: 'Upload payloads',
  async run(context) {
    const journey = await selfieJourney(context);
    const uploads = journey.all.filter(
      (entry) => entry.method === 'POST' && new URL(entry.url).pathname === SELFIE_ENDPOINT,
    );
    const upload = uploads.at(-1);
    const problems: string[] = [];
    if (!upload) {
      return { rows: [], data: {}, problems: ['no selfie upload in the network log of the selfie flow'] };
    }
    const jpeg = imageBytes((upload.requestJson as { image?: unknown } | undefined)?.image);
    const meta = await sharp(jpeg)
      .metadata()
      .catch(() => undefined);
    if (!meta || meta.format !== 'jpeg') problems.push(`the selfie upload is not a JPEG (${meta?.format})`);
    const png = await cameraPngDataUrl(context, 'selfie');
    if (!(png.length > jpeg.length)) problems.push(`the PNG baseline (${png.length}) is not larger than the JPEG`);

    const rows: Row[] = [
      {
        metric: `selfie JPEG (${meta?.width}×${meta?.height})`,
        value: `${kb(jpeg.length)} KB`,
        target: '≤ 150 KB',
        met: jpeg.length <= TARGET.selfie,
      },
      { metric: 'selfie request body (JSON, image in base64)', value: `${kb(upload.requestBytes)} KB` },
      {
        metric: `naive PNG data URL of the same frame (${png.width}×${png.height})`,
        value: `${kb(png.length)} KB`,
      },
      {
        metric: 'request body ÷ naive PNG data URL',
        value: `${Math.round((upload.requestBytes / png.length) * 100)} %`,
      },
      { metric: 'document', value: 'not measured yet: no document step in this build' },
    ];
    return {
      rows,
      data: {
        selfie: {
          uploads: uploads.length,
          jpegBytes: jpeg.length,
          width: meta?.width,
          height: meta?.height,
          requestBytes: upload.requestBytes,
          naivePngDataUrl: png,
        },
        document: null,
      },
      problems,
    };
  },
};
