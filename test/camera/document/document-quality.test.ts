import { expect } from '@open-wc/testing';
import { evaluateDocument } from '../../../src/capture/image/document-quality.js';
import { measureCameraFrames } from '../../helpers/browser/document-frames.js';

describe('quality gate on the fake camera’s card', () => {
  it('measures every frame as ok', async () => {
    const frames = await measureCameraFrames();
    expect(frames.map((metrics) => evaluateDocument(metrics))).to.deep.equal(frames.map(() => 'ok'));
  });
});
