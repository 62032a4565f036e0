import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { buildApp, FACE_ASSET_CACHE } from '../../demo/server/app.js';
import { serviceContext } from '../helpers/node/context.js';

const FACE_API = 'node_modules/@vladmandic/face-api';
const WASM = 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm';

/**
 * The widget's files as the demo server sends them: the face assets (face-api, the wasm binary,
 * the models, about 700 KB compressed) compressed and cacheable, the rest revalidated.
 */
describe('demo server static files', () => {
  let app: FastifyInstance;
  let close: () => void;
  const dist = mkdtempSync(join(tmpdir(), 'verifik-dist-'));
  const files = {
    'face/face-api.esm.js': `${FACE_API}/dist/face-api.esm.js`,
    'face/tiny_face_detector_model-weights_manifest.json': `${FACE_API}/model/tiny_face_detector_model-weights_manifest.json`,
    'face/tfjs-backend-wasm-simd.wasm': WASM,
  };

  before(async () => {
    mkdirSync(join(dist, 'face'));
    for (const [name, source] of Object.entries(files)) copyFileSync(source, join(dist, name));
    writeFileSync(join(dist, 'verifik-enroll.js'), `export const widget = '${'x'.repeat(4096)}';\n`);
    const services = await serviceContext();
    close = services.close;
    app = await buildApp(services.context, { distRoot: dist });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app.close();
    close();
    rmSync(dist, { recursive: true, force: true });
  });

  /** A GET over real HTTP, answering the bytes as sent (not decompressed). */
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ statusCode: number; headers: IncomingHttpHeaders; rawPayload: Buffer }>((resolve, reject) => {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            statusCode: response.statusCode ?? 0,
            headers: response.headers,
            rawPayload: Buffer.concat(chunks),
          }),
        );
      })
        .on('error', reject)
        .end();
    });

  for (const [name, source] of Object.entries(files)) {
    test(`${name}: brotli or gzip as the browser asks, long-lived cache, ETag`, async () => {
      const original = readFileSync(source);
      const br = await get(`/dist/${name}`, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.statusCode, 200);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.ok(br.rawPayload.length < original.length * 0.8, `${br.rawPayload.length} of ${original.length} bytes`);
      assert.ok(brotliDecompressSync(br.rawPayload).equals(original));
      assert.equal(br.headers['cache-control'], FACE_ASSET_CACHE);
      assert.match(String(br.headers['vary']), /accept-encoding/i);

      const gzip = await get(`/dist/${name}`, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.ok(gunzipSync(gzip.rawPayload).equals(original));

      const etag = String(br.headers['etag']);
      assert.ok(etag, 'an ETag to revalidate with');
      const again = await get(`/dist/${name}`, { 'accept-encoding': 'br', 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.rawPayload.length, 0);
    });
  }

  test('a browser that asks for no encoding gets the file as it is', async () => {
    const plain = await get('/dist/face/face-api.esm.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.rawPayload.equals(readFileSync(files['face/face-api.esm.js'])));
  });

  test('the widget itself is compressed but revalidated on every load (a rebuild shows at once)', async () => {
    const widget = await get('/dist/verifik-enroll.js', { 'accept-encoding': 'gzip' });
    assert.equal(widget.headers['content-encoding'], 'gzip');
    assert.equal(widget.headers['cache-control'], 'public, max-age=0');
    assert.equal(
      (await get('/dist/verifik-enroll.js', { 'if-none-match': String(widget.headers['etag']) })).statusCode,
      304,
    );
  });

  test('API answers are not compressed by the assets scope', async () => {
    const jwks = await get('/.well-known/jwks.json', { 'accept-encoding': 'gzip, br' });
    assert.equal(jwks.statusCode, 200);
    assert.equal(jwks.headers['content-encoding'], undefined);
  });
});
