import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageFileKind } from '../../src/capture/image/image-file.js';

describe('imageFileKind', () => {
  it('takes photos by type, HEIC by type or name, and refuses PDFs and other documents', () => {
    const kind = (name: string, type: string) => imageFileKind({ name, type });
    assert.equal(kind('id.jpg', 'image/jpeg'), 'image');
    assert.equal(kind('id.png', 'image/png'), 'image');
    assert.equal(kind('IMG_0001.HEIC', 'image/heic'), 'heic');
    assert.equal(kind('IMG_0001.heic', ''), 'heic');
    assert.equal(kind('scan.heif', 'application/octet-stream'), 'heic');
    assert.equal(kind('id.JPG', ''), 'image');
    assert.equal(kind('id.pdf', 'application/pdf'), 'other');
    assert.equal(kind('id.pdf', ''), 'other');
    assert.equal(kind('notes.txt', 'text/plain'), 'other');
    assert.equal(kind('id.jpg', 'application/pdf'), 'other', 'the type wins over a misleading name');
  });
});
